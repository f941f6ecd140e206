-- wrk script: POST /api/predict with a rotation of realistic tickets in five languages.
-- Usage: wrk -t2 -c16 -d20s --latency -s src/bench/wrk/predict.lua http://localhost:8080/api/predict
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
local bodies = {}
for _, ticket in ipairs(common.tickets) do table.insert(bodies, ticket) end
table.insert(bodies, '{"body": "The VPN disconnects every ten minutes since the last update of the client on our laptops, please advise."}')
-- predicting needs a signed-in agent: predict-benchmark.sh passes "Basic ..." or "Bearer <session token>"
common.json_requests("POST")
request = common.rotation(bodies)

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
