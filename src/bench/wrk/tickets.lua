-- wrk script: POST /api/tickets (signed in, so no rate limit) with a rotation of tickets in five languages.
-- Usage: TR_AUTHORIZATION="Basic ..." wrk -t2 -c16 -d20s -s src/bench/wrk/tickets.lua http://localhost:8080/api/tickets
local bodies = {
  '{"subject": "Cannot log in", "body": "Since this morning I cannot log in to the customer portal, it says my password is wrong although I reset it twice."}',
  '{"subject": "Rechnung doppelt", "body": "Meine Kreditkarte wurde für die Rechnung 2024-118 zweimal belastet. Bitte erstatten Sie eine Zahlung."}',
  '{"subject": "Servidor caído", "body": "El servidor de producción no responde desde las 9:00 y nuestros clientes no pueden comprar. Es urgente."}',
  '{"subject": "Problème d\'imprimante", "body": "L\'imprimante du bureau affiche une erreur de bourrage papier tous les matins depuis la mise à jour."}',
  '{"subject": "Alteração de plano", "body": "Gostaria de mudar o meu plano para a versão empresarial e saber como fica a faturação do próximo mês."}',
}
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = os.getenv("TR_AUTHORIZATION")

request = function()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
-- answers other than 2xx are counted by wrk itself ("Non-2xx or 3xx responses"); a Lua counter here would not
-- reach done(), which runs in a state of its own
