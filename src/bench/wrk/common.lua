-- Shared by the wrk scripts here: the sample tickets and requests as a signed-in JSON client.
-- A script loads it from its own folder: dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "") .. "common.lua")
local common = {}

-- Tickets in the five languages of the model, as POST bodies.
common.tickets = {
  '{"subject": "Cannot log in", "body": "Since this morning I cannot log in to the customer portal, it says my password is wrong although I reset it twice."}',
  '{"subject": "Rechnung doppelt", "body": "Meine Kreditkarte wurde für die Rechnung 2024-118 zweimal belastet. Bitte erstatten Sie eine Zahlung."}',
  '{"subject": "Servidor caído", "body": "El servidor de producción no responde desde las 9:00 y nuestros clientes no pueden comprar. Es urgente."}',
  '{"subject": "Problème d\'imprimante", "body": "L\'imprimante du bureau affiche une erreur de bourrage papier tous les matins depuis la mise à jour."}',
  '{"subject": "Alteração de plano", "body": "Gostaria de mudar o meu plano para a versão empresarial e saber como fica a faturação do próximo mês."}',
}

-- Every request with this method, asking for JSON (and sending it, unless a GET) and signed in with TR_AUTHORIZATION
-- ("Basic ..." or "Bearer <session token>") when it is set.
function common.json_requests(method)
  wrk.method = method
  if method ~= "GET" then
    wrk.headers["Content-Type"] = "application/json"
  end
  wrk.headers["Accept"] = "application/json"
  local authorization = os.getenv("TR_AUTHORIZATION")
  if authorization and authorization ~= "" then
    wrk.headers["Authorization"] = authorization
  end
end

-- A request function sending these bodies in turn.
function common.rotation(bodies)
  local i = 0
  return function()
    i = i % #bodies + 1
    return wrk.format(nil, nil, nil, bodies[i])
  end
end

-- Answers other than 2xx are counted by wrk itself (summary.errors.status, "Non-2xx or 3xx responses"); a Lua
-- counter in response() would not reach done(), which runs in a state of its own.
return common
