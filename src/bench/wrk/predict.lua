-- wrk script: POST /api/predict with a rotation of realistic tickets in five languages.
-- Usage: wrk -t2 -c16 -d20s --latency -s src/bench/wrk/predict.lua http://localhost:8080/api/predict
local bodies = {
  '{"subject": "Cannot log in", "body": "Since this morning I cannot log in to the customer portal, it says my password is wrong although I reset it twice."}',
  '{"subject": "Rechnung doppelt", "body": "Meine Kreditkarte wurde für die Rechnung 2024-118 zweimal belastet. Bitte erstatten Sie eine Zahlung."}',
  '{"subject": "Servidor caído", "body": "El servidor de producción no responde desde las 9:00 y nuestros clientes no pueden comprar. Es urgente."}',
  '{"subject": "Problème d\'imprimante", "body": "L\'imprimante du bureau affiche une erreur de bourrage papier tous les matins depuis la mise à jour."}',
  '{"subject": "Alteração de plano", "body": "Gostaria de mudar o meu plano para a versão empresarial e saber como fica a faturação do próximo mês."}',
  '{"body": "The VPN disconnects every ten minutes since the last update of the client on our laptops, please advise."}',
}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
-- predicting needs a signed-in agent: predict-benchmark.sh passes "Basic ..." or "Bearer <session token>"
local authorization = os.getenv("TR_AUTHORIZATION")
if authorization and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

request = function()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end

local non2xx = 0
response = function(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
