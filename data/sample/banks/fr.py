# Banque de phrases en français, écrite de zéro pour les données d'exemple de Ticket Router.
LANG = "fr"
URGENT_PREFIX = "URGENT : "

GREET = ["", "", "Bonjour,", "Bonjour à toute l'équipe,", "Madame, Monsieur,", "Bonsoir,", "Salut l'équipe support,"]
CLOSE = ["", "Merci d'avance.", "Cordialement,", "Bien cordialement,", "Merci beaucoup.", "Bonne journée,"]
NAMES = ["Élodie Martin", "François Lefèvre", "Chloé", "Jérôme Besnard", "Hélène Girard", "Noé", "Benoît Caron"]

# for problems that affect a team, a system or customers
IMPACT = {
    "high": [
        "Toute l'équipe est bloquée à cause de ce problème.",
        "C'est urgent, nous ne pouvons plus travailler.",
        "Nos clients sont directement touchés.",
    ],
    "medium": [
        "Nous avons une solution de contournement, mais cela nous ralentit.",
        "Ce n'est pas critique, mais il faudrait régler cela cette semaine.",
        "Quelques collègues sont concernés, les autres peuvent travailler.",
    ],
    "low": [
        "Rien de pressé, quand vous aurez un moment.",
        "C'est un petit détail, rien n'est bloqué.",
        "Simple question, aucune échéance.",
    ],
}

# for requests that concern one person rather than a team or a system
IMPACT_PERSONAL = {
    "high": [
        "Merci de traiter cette demande en urgence.",
        "Cela ne peut pas attendre, j'ai besoin d'une réponse aujourd'hui.",
        "Je vous serais reconnaissant de répondre au plus vite, c'est pressant.",
    ],
    "medium": [
        "Ce serait bien de régler cela dans les prochains jours.",
        "Ce n'est pas une urgence, mais j'aimerais une solution rapidement.",
    ],
    "low": [
        "Rien de pressé, quand vous aurez un moment.",
        "Aucune échéance, c'est une simple question.",
    ],
}

QUEUES = {
    "Technical Support": {
        "ask": [
            "Pouvez-vous m'indiquer comment régler cela ?",
            "Quelqu'un de l'équipe technique pourrait-il regarder ?",
            "Dites-moi si vous avez besoin de plus de détails ou des journaux.",
        ],
        "cores": [
            ("high", "{app} plante à l'ouverture depuis la mise à jour",
             "Depuis la mise à jour {ver}, {app} se ferme tout seul dès l'ouverture sur tous nos postes. Nous avons déjà réinstallé le logiciel, sans résultat."),
            ("high", "Erreur 500 sur l'API",
             "Toutes nos requêtes vers l'API de {app} renvoient une erreur 500 depuis ce matin. Rien n'a changé de notre côté."),
            ("medium", "Les pièces jointes ne s'affichent plus",
             "Dans {app}, les pièces jointes de plus de {n} Mo n'apparaissent plus dans les fiches. Les petits fichiers fonctionnent normalement."),
            ("medium", "Problème d'accents à l'import",
             "Quand j'importe un fichier CSV dans {app}, les lettres accentuées comme é ou ç sont remplacées par des points d'interrogation."),
            ("low", "Question sur les raccourcis clavier",
             "Existe-t-il une liste des raccourcis clavier de {app} ? Je n'ai rien trouvé dans l'aide en ligne."),
            ("low", "Mode sombre qui se réinitialise",
             "Petit bug : le mode sombre de {app} repasse en mode clair à chaque redémarrage. Ce n'est que cosmétique, mais je voulais vous le signaler."),
        ],
    },
    "Product Support": {
        "ask": [
            "Je peux envoyer le numéro de série ou des photos si besoin.",
            "Que me conseillez-vous ?",
            "Quelqu'un qui connaît bien le produit pourrait-il me recontacter ?",
        ],
        "cores": [
            ("high", "{dev} ne s'allume plus",
             "Notre {dev} ne s'allume plus du tout depuis ce matin, aucun voyant ne réagit. C'est l'appareil central de notre accueil."),
            ("medium", "Bruit anormal du {dev}",
             "Mon {dev} fait un bruit de ventilateur très fort, même quand il ne fait rien. Le firmware est à jour ({ver})."),
            ("medium", "Impossible de connecter le {dev} en Bluetooth",
             "Je n'arrive pas à connecter le {dev} à mon téléphone en Bluetooth, il n'apparaît pas dans la liste des appareils."),
            ("low", "Fonction d'export dans {app}",
             "Est-il possible d'exporter mes tableaux {app} au format Excel ? J'aimerais comprendre comment fonctionne cette option."),
            ("high", "{dev} qui surchauffe",
             "Notre {dev} devient brûlant après quelques minutes et sentait le plastique fondu ce matin. Nous l'avons débranché par précaution."),
            ("low", "Accessoires compatibles avec le {dev}",
             "Le support mural de l'ancien modèle est-il compatible avec le {dev} ? Je ne trouve pas de liste de compatibilité sur votre site."),
        ],
    },
    "Customer Service": {
        "ask": [
            "Merci de vérifier et de revenir vers moi.",
            "Je souhaiterais une réponse rapide sur la suite.",
            "À qui dois-je m'adresser pour cela ?",
        ],
        "cores": [
            ("high", "Commande {order} jamais reçue",
             "Ma commande {order} devait arriver il y a dix jours et le suivi n'a pas bougé depuis. J'ai absolument besoin de ce colis avant samedi."),
            ("medium", "Modifier mon adresse de livraison",
             "Je viens de passer la commande {order} avec mon ancienne adresse. Pouvez-vous la modifier avant l'expédition ?"),
            ("medium", "Service client injoignable",
             "J'essaie de joindre votre service client par téléphone depuis deux jours, sans succès. Je voudrais simplement savoir où en est mon dossier {ticket}."),
            ("low", "Remarque sur votre site",
             "Petite remarque : le formulaire de contact de votre site ne garde pas les accents dans les noms. Ce n'est pas grave, mais c'est dommage."),
            ("low", "Points de fidélité",
             "Combien de temps mes points de fidélité restent-ils valables ? Je ne trouve pas l'information sur mon compte."),
            ("medium", "Changer l'adresse e-mail de mon compte",
             "J'ai voulu modifier l'adresse e-mail de mon compte client, mais je ne reçois jamais le lien de confirmation."),
        ],
    },
    "IT Support": {
        "ask": [
            "Le service informatique peut-il m'aider ?",
            "Pourriez-vous vérifier mon compte ?",
            "Je peux vous communiquer le numéro d'inventaire du poste.",
        ],
        "cores": [
            ("high", "Compte piraté",
             "Je pense que mon compte a été piraté : je reçois des alertes de connexion depuis l'étranger et mon mot de passe ne fonctionne plus. Des messages ont été envoyés depuis ma boîte sans mon accord."),
            ("high", "E-mail d'hameçonnage ouvert",
             "J'ai cliqué sur un lien dans un e-mail d'hameçonnage et saisi mon identifiant avant de me rendre compte de l'arnaque. Merci de bloquer mon accès et de vérifier si des données ont été compromises."),
            ("medium", "Le VPN se déconnecte",
             "Depuis hier, le VPN se coupe toutes les dix minutes quand je suis en télétravail. Mes collègues n'ont pas ce problème."),
            ("medium", "Accès pour une nouvelle collègue",
             "Une nouvelle collègue arrive lundi au service comptable. Merci de lui préparer un ordinateur portable, une adresse e-mail et l'accès à {app}."),
            ("low", "Installer une imprimante",
             "Comment ajouter l'imprimante du deuxième étage sur mon nouveau portable ? Y a-t-il une procédure sur l'intranet ?"),
            ("low", "Deuxième écran",
             "Serait-il possible d'avoir un deuxième écran à mon poste ? Cela me faciliterait le travail sur les grands tableaux."),
        ],
    },
    "Billing and Payments": {
        "ask": [
            "Notre numéro client est le {ref}.",
            "Merci de me confirmer quand ce sera réglé.",
            "Quelqu'un du service facturation pourrait-il me recontacter ?",
        ],
        "cores": [
            ("high", "Prélevé deux fois",
             "J'ai été prélevé deux fois de {amount} pour le même abonnement ce mois-ci. Mon compte est à découvert, j'ai besoin du remboursement au plus vite."),
            ("medium", "Numéro de TVA erroné sur la facture {inv}",
             "La facture {inv} mentionne notre ancien numéro de TVA intracommunautaire. Notre comptabilité ne peut pas l'enregistrer en l'état."),
            ("medium", "Montant différent du devis",
             "La facture reçue s'élève à {amount}, alors que le devis signé était moins élevé. Y a-t-il des frais que je n'ai pas vus ?"),
            ("low", "Passer à la facturation annuelle",
             "Nous aimerions passer d'un paiement mensuel à un paiement annuel lors du prochain renouvellement. Y a-t-il une remise ?"),
            ("high", "Suspension du compte pour impayé",
             "Nous avons reçu un avis de suspension de notre compte pour demain à cause d'un paiement refusé. Notre banque affirme n'avoir jamais reçu de demande de prélèvement."),
            ("low", "Télécharger d'anciennes factures",
             "J'ai besoin de toutes les factures de l'année dernière pour notre déclaration. Peut-on les télécharger depuis l'espace client ?"),
        ],
    },
    "Returns and Exchanges": {
        "ask": [
            "Quelle est la suite ?",
            "Merci de m'indiquer la marche à suivre.",
            "L'achat a été fait sur votre boutique en ligne.",
        ],
        "cores": [
            ("high", "Appareil reçu cassé",
             "Le {dev} de la commande {order} est arrivé avec l'écran fissuré et il ne démarre pas. Il nous faut un appareil de remplacement avant le salon de jeudi."),
            ("medium", "Retour d'un produit non ouvert",
             "Je souhaite retourner le {dev} de la commande {order}. Il est encore dans son emballage d'origine, je me suis trompé de modèle."),
            ("medium", "Échange contre une autre couleur",
             "J'ai reçu le {dev} en noir alors que j'avais commandé le blanc. Je voudrais l'échanger."),
            ("low", "Délai de retour pour les articles soldés",
             "Les articles achetés pendant les soldes peuvent-ils être retournés sous 30 jours comme les autres ?"),
            ("medium", "Étiquette de retour illisible",
             "Le bureau de poste refuse l'étiquette de retour de la commande {order} car le code-barres ne se scanne pas. Pouvez-vous m'en envoyer une nouvelle ?"),
            ("low", "Remboursement du retour pas encore reçu",
             "J'ai renvoyé le {dev} il y a une semaine et le suivi indique qu'il vous a été livré. Je ne vois pas encore le remboursement, je voulais juste vérifier."),
        ],
    },
    "Service Outages and Maintenance": {
        "ask": [
            "Existe-t-il une page d'état du service ?",
            "Merci de me tenir informé.",
        ],
        "ask_high": [  # only for high-priority tickets
            "Quand le service sera-t-il rétabli ?",
            "Pouvez-vous confirmer qu'il s'agit d'une panne connue ?",
        ],
        "cores": [
            ("high", "{app} en panne pour tout le monde",
             "{app} est totalement inaccessible depuis 45 minutes, la page de connexion affiche « service indisponible » pour tous nos utilisateurs. Notre production est à l'arrêt."),
            ("high", "Panne générale dans nos agences",
             "Depuis 8 h 30, aucune de nos agences ne peut accéder à vos services en ligne. La coupure touche la messagerie et le logiciel de réservation."),
            ("medium", "Lenteurs depuis la maintenance",
             "Depuis l'opération de maintenance de cette nuit, {app} est très lent et les tableaux de bord mettent presque une minute à s'afficher."),
            ("low", "Prochaine maintenance programmée",
             "Pourriez-vous m'indiquer la date de la prochaine maintenance programmée de {app} ? Nous voulons prévenir nos équipes."),
            ("medium", "Maintenance prévue pendant notre clôture mensuelle",
             "La maintenance annoncée pour vendredi soir tombe pile pendant notre clôture mensuelle. Est-il possible de la décaler ou de garder un accès en lecture ?"),
            ("low", "S'abonner aux avis de maintenance",
             "Comment recevoir par e-mail les avis de maintenance programmée ? Pour l'instant je l'apprends par mes collègues."),
        ],
    },
    "Sales and Pre-Sales": {
        "ask": [
            "Un commercial pourrait-il me contacter ?",
            "Merci de m'envoyer un devis.",
            "Pouvons-nous organiser une démonstration ?",
        ],
        "cores": [
            ("high", "Devis nécessaire aujourd'hui",
             "Nous avons besoin d'un devis officiel pour {n} licences {app} avant ce soir, sinon le budget sera reporté au trimestre suivant."),
            ("medium", "Remise sur volume",
             "Nous envisageons d'équiper nos commerciaux de {n} {dev}. Proposez-vous une remise sur volume ou une offre de location ?"),
            ("medium", "Démonstration de l'offre Entreprise",
             "Nous comparons {app} avec deux autres solutions. Serait-il possible d'avoir une démonstration de l'offre Entreprise ?"),
            ("low", "Différence entre les formules",
             "Quelle est la différence entre la formule Essentiel et la formule Pro de {app} ? Je suis indépendant et j'hésite."),
            ("high", "Renouvellement du contrat qui expire demain",
             "Notre contrat Entreprise pour {app} expire demain et nous n'avons toujours pas reçu l'offre de renouvellement promise."),
            ("low", "Version d'essai",
             "Peut-on essayer {app} gratuitement avant de s'abonner ? Nous sommes une équipe d'environ {n} personnes."),
        ],
    },
    "General Inquiry": {
        "ask": [
            "Qui serait le bon interlocuteur ?",
            "Merci pour toute information.",
            "Une réponse courte suffira.",
        ],
        "cores": [
            ("high", "Demande de la presse - délai aujourd'hui",
             "Je suis journaliste et mon article part à l'impression ce soir. Quelqu'un de votre service communication pourrait-il répondre à deux questions aujourd'hui ?"),
            ("medium", "Proposition de partenariat",
             "Nous sommes un petit cabinet de conseil et souhaiterions devenir revendeur. Avec qui pouvons-nous parler de votre programme partenaires ?"),
            ("medium", "Documents pour un audit fournisseur",
             "Pour notre audit fournisseurs, nous avons besoin de votre certificat ISO 27001. Où pouvons-nous l'obtenir ?"),
            ("low", "Horaires pendant les fêtes",
             "Quels sont vos horaires d'ouverture entre Noël et le Nouvel An ?"),
            ("low", "Stage de fin d'études",
             "Je suis étudiante en informatique et je cherche un stage de fin d'études. Votre entreprise accueille-t-elle des stagiaires ?"),
            ("high", "Demande RGPD avec échéance",
             "Nous vous écrivons au nom d'un client au sujet d'une demande d'accès RGPD qui doit recevoir une réponse avant vendredi. Merci de la transmettre à votre service juridique."),
        ],
    },
    "Human Resources": {
        "ask": [
            "Le service RH peut-il vérifier ?",
            "Qui s'occupe de cela aux ressources humaines ?",
            "Mon matricule est le {ref}.",
        ],
        "cores": [
            ("high", "Salaire non versé",
             "Mon salaire de ce mois n'a pas été versé alors que la date de paie est passée depuis trois jours. J'ai des prélèvements en attente, c'est urgent."),
            ("medium", "Erreur sur ma fiche de paie",
             "Ma fiche de paie du mois dernier ne compte que {n} heures supplémentaires, alors que j'en ai fait davantage selon le logiciel de pointage."),
            ("medium", "Demande de congé parental",
             "Je souhaite prendre un congé parental dans trois mois. Quels documents dois-je fournir et avant quelle date ?"),
            ("low", "Solde de congés",
             "Combien de jours de congés me reste-t-il cette année ? Le portail RH ne semble pas à jour."),
            ("high", "Signalement de harcèlement",
             "Je souhaite signaler un harcèlement répété de la part d'un collègue de mon équipe. J'aimerais parler à quelqu'un des ressources humaines en toute confidentialité, le plus vite possible."),
            ("low", "Budget formation",
             "Existe-t-il un budget annuel de formation pour les salariés ? J'aimerais assister à une conférence à l'automne."),
        ],
    },
}
