-- wrk script: GET /api/tickets/{reference}/similar for random stored tickets TR-000001 .. TR-<TR_TICKETS>.
-- Usage: see src/bench/similar-scale.sh, which imports the tickets and passes TR_AUTHORIZATION and TR_TICKETS.
local tickets = tonumber(os.getenv("TR_TICKETS") or "100000")
wrk.method = "GET"
wrk.headers["Accept"] = "application/json"
local authorization = os.getenv("TR_AUTHORIZATION")
if authorization and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

request = function()
  return wrk.format(nil, string.format("/api/tickets/TR-%06d/similar", math.random(1, tickets)))
end

local non2xx = 0
response = function(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx answers: %d of %d; p50 %.1f ms, p90 %.1f ms, p99 %.1f ms\n",
    summary.errors.status, summary.requests, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000))
end
