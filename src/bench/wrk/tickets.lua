-- wrk script: POST /api/tickets (signed in, so no rate limit) with a rotation of tickets in five languages.
-- Usage: TR_AUTHORIZATION="Basic ..." wrk -t2 -c16 -d20s -s src/bench/wrk/tickets.lua http://localhost:8080/api/tickets
local common = dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
common.json_requests("POST")
request = common.rotation(common.tickets)
