# Banco de frases em português, escrito do zero para os dados de exemplo do Ticket Router.
LANG = "pt"
URGENT_PREFIX = "URGENTE: "

GREET = ["", "", "Olá,", "Bom dia,", "Boa tarde,", "Prezados,", "Olá, equipe de suporte,", "Caros senhores,"]
CLOSE = ["", "Obrigado.", "Obrigada desde já.", "Atenciosamente,", "Cumprimentos,", "Abraço,", "Fico no aguardo."]
NAMES = ["João Conceição", "Ana Luísa", "Mário Simões", "Beatriz", "Gonçalo Araújo", "Inês Pereira", "Thiago"]

# for problems that affect a team, a system or customers
IMPACT = {
    "high": [
        "A equipe inteira está parada por causa disso.",
        "É urgente, não conseguimos trabalhar assim.",
        "Os nossos clientes estão a ser afetados diretamente.",
    ],
    "medium": [
        "Por enquanto temos uma solução provisória, mas isso atrasa o trabalho.",
        "Não é crítico, mas gostaríamos de resolver esta semana.",
        "Afeta alguns colegas, os outros conseguem trabalhar.",
    ],
    "low": [
        "Sem pressa, quando tiverem um tempo.",
        "É um detalhe pequeno, nada está bloqueado.",
        "É só uma dúvida, não há prazo.",
    ],
}

# for requests that concern one person rather than a team or a system
IMPACT_PERSONAL = {
    "high": [
        "Peço que tratem isto com urgência.",
        "Isto não pode esperar, preciso de uma resposta hoje.",
        "Agradeço uma resposta o mais rápido possível, é urgente.",
    ],
    "medium": [
        "Gostaria de ver isto resolvido nos próximos dias.",
        "Não é uma emergência, mas gostaria de resolver em breve.",
    ],
    "low": [
        "Sem pressa, quando tiverem um tempo.",
        "Não há prazo, é só uma dúvida.",
    ],
}

QUEUES = {
    "Technical Support": {
        "ask": [
            "Podem me dizer como resolver isso?",
            "Alguém da equipe técnica pode verificar?",
            "Se precisarem de mais detalhes ou dos logs, é só avisar.",
        ],
        "cores": [
            ("high", "{app} trava ao abrir depois da atualização",
             "Desde a atualização para a versão {ver}, o {app} fecha sozinho logo ao abrir em todos os computadores do escritório. Já reinstalamos o programa e o erro continua."),
            ("high", "Falha de login em massa",
             "Nenhum usuário consegue entrar no {app} desde as 10h: aparece \"credenciais inválidas\" mesmo com a senha correta. Ontem estava funcionando normalmente."),
            ("medium", "Relatórios não são gerados",
             "Os relatórios agendados do {app} não estão sendo gerados desde segunda-feira. Consigo gerá-los manualmente, mas não automaticamente."),
            ("medium", "Acentos aparecem errados na importação",
             "Ao importar uma planilha no {app}, as palavras com acento e ç aparecem com símbolos estranhos. O arquivo está em UTF-8."),
            ("low", "Dúvida sobre a integração por webhook",
             "Queria entender como configurar um webhook no {app} para enviar notificações ao nosso sistema interno. A documentação não está muito clara."),
            ("low", "Modo escuro volta ao padrão",
             "Um pequeno bug: o modo escuro do {app} volta para o modo claro sempre que reinicio o programa. É só visual, mas achei melhor avisar."),
        ],
    },
    "Product Support": {
        "ask": [
            "Posso enviar o número de série ou fotos, se ajudar.",
            "O que recomendam?",
            "Alguém que conheça bem o produto pode me contatar?",
        ],
        "cores": [
            ("high", "{dev} não liga mais",
             "O nosso {dev} parou de ligar hoje de manhã, nenhuma luz acende. Todo o atendimento da loja depende dele."),
            ("medium", "Bateria do {dev} dura pouco",
             "A bateria do meu {dev} agora dura só duas horas, antes durava o dia todo. O firmware já está na versão {ver}."),
            ("medium", "{dev} não conecta ao wi-fi",
             "Segui o guia de instalação, mas o {dev} não encontra a rede wi-fi de 5 GHz. A rede de 2,4 GHz aparece normalmente."),
            ("low", "Acessórios compatíveis com o {dev}",
             "O suporte de parede do modelo anterior serve no {dev}? Não encontrei uma lista de compatibilidade no site."),
            ("high", "{dev} a aquecer demasiado",
             "O nosso {dev} aquece tanto que não dá para tocar e hoje cheirava a plástico queimado. Desligámos da tomada por segurança."),
            ("low", "Como usar etiquetas no {app}",
             "É possível criar etiquetas coloridas no {app} para organizar as tarefas? Vi um colega a usar, mas não sei onde se ativa."),
        ],
    },
    "Customer Service": {
        "ask": [
            "Por favor, verifiquem e me retornem.",
            "Gostaria de uma resposta rápida sobre os próximos passos.",
            "Com quem devo falar sobre isso?",
        ],
        "cores": [
            ("high", "Pedido {order} não entregue",
             "O meu pedido {order} devia ter chegado há dez dias e o rastreamento não é atualizado há uma semana. Preciso do produto até sábado sem falta."),
            ("medium", "Alterar endereço de entrega",
             "Acabei de fazer o pedido {order} e reparei que foi usado o endereço antigo. Conseguem alterar antes do envio?"),
            ("medium", "Atendimento telefônico não responde",
             "Tento falar com o atendimento por telefone há dois dias, mas a ligação cai sempre. Só quero saber a situação do protocolo {ticket}."),
            ("low", "Sugestão para o aplicativo",
             "Gosto muito do aplicativo, mas seria útil poder guardar mais de um endereço de entrega. Fica a sugestão."),
            ("low", "Cancelar a newsletter",
             "Recebo a newsletter de vocês três vezes por semana e gostaria de deixar de receber. O link de cancelamento não funciona."),
            ("high", "Reclamação: cobrança de pedido cancelado",
             "Cancelei o pedido {order} no mesmo dia e recebi a confirmação, mas o produto foi enviado e cobrado mesmo assim. Há três dias que tento falar com alguém."),
        ],
    },
    "IT Support": {
        "ask": [
            "A equipe de TI pode me ajudar?",
            "Podem verificar a minha conta de usuário?",
            "Posso passar o número de patrimônio do equipamento.",
        ],
        "cores": [
            ("high", "Conta invadida",
             "Acho que a minha conta foi hackeada: recebi alertas de login de outro país e a minha senha deixou de funcionar. Foram enviados e-mails da minha caixa que eu não escrevi."),
            ("high", "Cliquei num link de phishing",
             "Cliquei num link de um e-mail falso que parecia do banco e digitei a minha senha do trabalho antes de perceber que era phishing. Por favor, bloqueiem o meu acesso e verifiquem se houve acesso não autorizado."),
            ("medium", "VPN cai a toda hora",
             "Desde ontem a VPN desconecta a cada poucos minutos quando trabalho de casa. Os colegas na mesma rede não têm o problema."),
            ("medium", "Acesso à pasta partilhada",
             "Mudei de departamento e ainda não tenho permissão para abrir a pasta partilhada do financeiro. O meu gestor já aprovou."),
            ("low", "Instalar programa no portátil",
             "Preciso instalar um editor de PDF no meu portátil do trabalho. Existe algum aprovado pela empresa?"),
            ("low", "Segundo monitor",
             "Seria possível receber um segundo monitor para a minha mesa? Facilitaria o trabalho com planilhas grandes."),
        ],
    },
    "Billing and Payments": {
        "ask": [
            "O nosso número de cliente é {ref}.",
            "Por favor, confirmem quando estiver resolvido.",
            "Alguém do financeiro pode entrar em contato comigo?",
        ],
        "cores": [
            ("high", "Cobrança em duplicidade",
             "Fui cobrado duas vezes pela mensalidade do {app}, {amount} cada. A minha conta ficou sem saldo e preciso do estorno com urgência."),
            ("medium", "Dados errados na fatura {inv}",
             "A fatura {inv} saiu com o CNPJ antigo da empresa. O nosso setor financeiro não consegue lançar assim."),
            ("medium", "Boleto com valor diferente",
             "O boleto que recebemos é de {amount}, mas o valor combinado na proposta era menor. Existe alguma taxa que eu não esteja vendo?"),
            ("low", "Pagamento anual",
             "Queremos passar do pagamento mensal para o anual na próxima renovação. Há algum desconto?"),
            ("low", "Segunda via de faturas antigas",
             "Preciso da segunda via das faturas do ano passado para a declaração de impostos. Onde posso baixá-las?"),
            ("high", "Conta será suspensa por falta de pagamento",
             "Recebemos um aviso de que a conta será suspensa amanhã por causa de um pagamento recusado, mas o banco diz que o débito nunca foi apresentado."),
        ],
    },
    "Returns and Exchanges": {
        "ask": [
            "Quais são os próximos passos?",
            "Por favor, me digam como proceder.",
            "A compra foi feita na vossa loja online.",
        ],
        "cores": [
            ("high", "Produto chegou danificado",
             "O {dev} do pedido {order} chegou com a tela rachada e não liga. Precisamos de um aparelho novo antes da feira de quinta-feira."),
            ("medium", "Devolução de produto lacrado",
             "Gostaria de devolver o {dev} do pedido {order}. Ainda está lacrado na embalagem original, pedi o modelo errado."),
            ("medium", "Troca por outra cor",
             "Recebi o {dev} na cor preta, mas tinha pedido branco. Gostaria de fazer a troca."),
            ("low", "Prazo de devolução de presentes",
             "Comprei um {dev} para dar de presente. Até quando a pessoa pode trocar se não gostar?"),
            ("medium", "Etiqueta de devolução não funciona",
             "Os Correios recusaram a etiqueta de devolução do pedido {order} porque o código de barras não é lido. Podem enviar uma nova?"),
            ("low", "Reembolso da devolução ainda não caiu",
             "Devolvi o {dev} há uma semana e o rastreamento mostra que já foi entregue a vocês. O reembolso ainda não apareceu, só queria confirmar."),
        ],
    },
    "Service Outages and Maintenance": {
        "ask": [
            "Existe uma página de status do serviço?",
            "Por favor, me mantenham informado.",
        ],
        "ask_high": [  # only for high-priority tickets
            "Quando o serviço deve voltar?",
            "Podem confirmar se é uma falha geral conhecida?",
        ],
        "cores": [
            ("high", "{app} fora do ar",
             "O {app} está fora do ar há 40 minutos, a página de login mostra \"serviço indisponível\" para todos os usuários. A nossa produção parou."),
            ("high", "Interrupção do serviço nas filiais",
             "Desde as 8h30 nenhuma das nossas filiais consegue acessar a plataforma. Parece uma queda geral do servidor, e não um problema da nossa rede."),
            ("medium", "Lentidão depois da manutenção",
             "Depois da manutenção desta madrugada, o {app} está muito lento e alguns painéis demoram quase um minuto para abrir."),
            ("low", "Calendário de manutenções",
             "Vocês divulgam com antecedência as datas das manutenções programadas? Queremos avisar a nossa equipe."),
            ("medium", "Manutenção programada no fecho do mês",
             "A manutenção anunciada para sexta à noite coincide com o nosso fecho de mês. É possível adiar ou manter pelo menos o acesso de leitura?"),
            ("low", "Receber avisos de manutenção",
             "Como faço para receber por e-mail os avisos de manutenção programada? Hoje fico sabendo pelos colegas."),
        ],
    },
    "Sales and Pre-Sales": {
        "ask": [
            "Um vendedor pode entrar em contato comigo?",
            "Podem me enviar um orçamento?",
            "Podemos marcar uma demonstração?",
        ],
        "cores": [
            ("high", "Orçamento urgente para licitação",
             "Precisamos de um orçamento formal para {n} licenças do {app} até amanhã ao meio-dia, para uma licitação pública."),
            ("medium", "Desconto por volume",
             "Estamos pensando em comprar {n} unidades do {dev} para as nossas lojas. Vocês oferecem desconto por volume ou parcelamento?"),
            ("medium", "Demonstração do plano Empresarial",
             "Estamos comparando o {app} com outras ferramentas e gostaríamos de ver uma demonstração do plano Empresarial."),
            ("low", "Diferença entre os planos",
             "Tenho uma pequena empresa e estou em dúvida entre o plano Básico e o Pro do {app}. O que inclui cada um?"),
            ("low", "Existe período de teste?",
             "Dá para testar o {app} de graça antes de assinar? Somos umas {n} pessoas."),
            ("high", "Renovação do contrato vence amanhã",
             "O nosso contrato do {app} vence amanhã e ainda não recebemos a proposta de renovação. Não podemos ficar sem o serviço."),
        ],
    },
    "General Inquiry": {
        "ask": [
            "Quem seria o contato certo para isso?",
            "Agradeço qualquer informação.",
            "Uma resposta curta já ajuda.",
        ],
        "cores": [
            ("high", "Notificação jurídica com prazo",
             "Escrevemos em nome de um cliente sobre um pedido ao abrigo da LGPD que precisa de resposta até sexta-feira. Por favor, encaminhem ao departamento jurídico."),
            ("medium", "Proposta de parceria",
             "Somos uma pequena consultoria e gostaríamos de nos tornar revendedores. Com quem podemos falar sobre o programa de parceiros?"),
            ("low", "Horário de funcionamento no feriado",
             "Qual é o horário de funcionamento do escritório durante o feriado de Carnaval?"),
            ("low", "Estágio para estudantes",
             "Sou estudante de engenharia informática e tenho interesse num estágio de verão. A vossa empresa recebe estagiários?"),
            ("medium", "Certificados para auditoria de fornecedores",
             "Para a nossa auditoria de fornecedores precisamos do vosso certificado ISO 27001. Onde o podemos obter?"),
            ("high", "Pedido de imprensa com prazo hoje",
             "Sou jornalista e a minha matéria fecha hoje à noite. Alguém da comunicação poderia responder a duas perguntas ainda hoje?"),
        ],
    },
    "Human Resources": {
        "ask": [
            "O RH pode verificar, por favor?",
            "Quem no RH é responsável por isso?",
            "O meu número de colaborador é {ref}.",
        ],
        "cores": [
            ("high", "Salário não foi pago",
             "O meu salário deste mês ainda não caiu na conta, e o pagamento devia ter sido feito há três dias. Tenho contas a vencer, preciso de uma solução urgente."),
            ("medium", "Erro no contracheque",
             "No meu contracheque deste mês não aparecem as horas extras do plantão de fim de semana. Podem rever o cálculo?"),
            ("medium", "Pedido de licença parental",
             "Pretendo tirar licença parental daqui a três meses. Que documentos preciso entregar e até quando?"),
            ("low", "Saldo de férias",
             "Quantos dias de férias ainda tenho este ano? O portal do colaborador não parece atualizado."),
            ("high", "Denúncia de assédio",
             "Quero denunciar um caso de assédio repetido por parte de um colega da minha equipe. Preciso falar com alguém do RH de forma confidencial o quanto antes."),
            ("low", "Declaração de vínculo",
             "Preciso de uma declaração da empresa com a minha data de admissão para um financiamento. Não é urgente, é para o mês que vem."),
        ],
    },
}
