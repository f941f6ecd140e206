-- wrk script: GET /api/tickets/{reference}/similar for random stored tickets TR-000001 .. TR-<TR_TICKETS>.
-- Usage: see src/bench/similar-scale.sh, which imports the tickets and passes TR_AUTHORIZATION and TR_TICKETS.
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
local tickets = tonumber(os.getenv("TR_TICKETS") or "100000")
common.json_requests("GET")

init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  return wrk.format(nil, string.format("/api/tickets/TR-%06d/similar", math.random(1, tickets)))
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx answers: %d of %d; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms\n",
    summary.errors.status, summary.requests, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000))
end
