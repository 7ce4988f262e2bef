import type { DemoAccounts } from '../../seed/demo-accounts';
import type { ProjectContent } from '../wiki-content';

export interface DemoProject {
  key: string;
  author: keyof DemoAccounts;
  content: Omit<ProjectContent, 'sections'> & { sections: Partial<ProjectContent['sections']> };
  /** Later revisions: each replaces some fields of the previous one. */
  edits: { author: keyof DemoAccounts; comment: string; change: Partial<DemoProject['content']> }[];
}

export const DEMO_NOTE =
  "\n\n---\n\n_Fiche de démonstration : contenu fictif inspiré du séminaire « Construisons ensemble la stratégie numérique de l'Essonne » (4 juillet 2018)._";

/** About fifteen sheets for Essonne territories, across the seminar's themes. */
export const DEMO_PROJECTS: DemoProject[] = [
  {
    key: 'telemedecine',
    author: 'agent',
    content: {
      title: 'Cabine de téléconsultation en maison de santé',
      summary: 'Une cabine de téléconsultation installée à la maison de santé pour répondre au départ de deux médecins généralistes.',
      body: "## Contexte\n\nLe sud de l'Essonne perd ses médecins généralistes. Après deux départs en retraite non remplacés, la commune a installé une **cabine de téléconsultation** dans la maison de santé pluriprofessionnelle.\n\n## Fonctionnement\n\n- une infirmière accueille le patient et l'aide à utiliser les appareils connectés (tensiomètre, otoscope, stéthoscope) ;\n- le médecin téléconsultant est choisi dans un réseau régional ;\n- l'ordonnance est envoyée à la pharmacie voisine.\n\nVoir aussi [[Guide de la fiche projet]].",
      themes: ['HEALTH_TELEMEDICINE', 'DIGITAL_INCLUSION'],
      stage: 'IN_PROGRESS',
      territoryCode: '91223',
      budgetEuros: 85000,
      sections: {
        prerequisites:
          "Une maison de santé ou un local médical accessible.\nUne connexion fibre ou 4G de secours.\nUn personnel soignant présent pour l'accueil.",
        partners: 'Agence régionale de santé (ARS), Ordre des médecins, maison de santé pluriprofessionnelle.',
        vendors: [{ name: 'Cabine connectée (marché public)', openSource: false, licence: 'propriétaire', role: 'Cabine et appareils de mesure' }],
        duration: '9 mois entre la décision et la première consultation',
        pitfalls: "Sous-estimer le temps d'accompagnement des patients âgés.\nOublier le contrat de maintenance des appareils.",
        results: '120 téléconsultations par mois après six mois.',
        contact: 'Service santé, mairie d’Étampes (démo)',
      },
    },
    edits: [
      {
        author: 'agent',
        comment: 'Ajout des chiffres de fréquentation',
        change: {
          summary:
            'Une cabine de téléconsultation installée à la maison de santé pour répondre au départ de deux médecins généralistes : 120 consultations par mois.',
        },
      },
      { author: 'moderator', comment: 'Relecture : précisions sur le financement', change: { budgetEuros: 92000 } },
    ],
  },
  {
    key: 'coworking',
    author: 'admin',
    content: {
      title: 'Télécentre et espace de coworking en gare',
      summary: "Un tiers-lieu de 30 postes dans l'ancienne halle de la gare pour limiter les trajets quotidiens vers Paris.",
      body: '## Pourquoi\n\nLes habitants passent en moyenne 2 h 10 par jour dans les transports. Le télécentre leur permet de **télétravailler près de chez eux** deux à trois jours par semaine.\n\n## Offre\n\n- 30 postes, 3 salles de réunion, une cabine visio ;\n- abonnement à la journée ou au mois ;\n- réservation en ligne.',
      themes: ['MOBILITY_TELEWORK', 'ECONOMIC_ATTRACTIVENESS'],
      stage: 'DEPLOYED',
      territoryCode: '91200',
      budgetEuros: 410000,
      sections: {
        prerequisites: 'Un bâtiment disponible près d’une gare.\nLe très haut débit (fibre professionnelle).',
        partners: 'SNCF Gares & Connexions, Région Île-de-France (aide aux tiers-lieux), communauté de communes.',
        vendors: [{ name: 'Logiciel de réservation libre', openSource: true, licence: 'AGPL-3.0', role: 'Réservation des postes' }],
        duration: '18 mois',
        pitfalls: 'Tarifs trop élevés au lancement : la fréquentation n’a décollé qu’après une offre découverte.',
        results: '70 % de taux d’occupation moyen la deuxième année.',
        contact: 'Développement économique, mairie de Dourdan (démo)',
      },
    },
    edits: [
      {
        author: 'admin',
        comment: 'Mise à jour du taux d’occupation',
        change: { sections: { results: '70 % de taux d’occupation moyen la deuxième année, 85 % le mardi et le jeudi.' } },
      },
    ],
  },
  {
    key: 'tablettes',
    author: 'member',
    content: {
      title: 'Tablettes dans les écoles et formation des enseignants',
      summary:
        'Des classes mobiles de tablettes dans les écoles élémentaires, avec un plan de formation pour que les tablettes ne restent pas dans les placards.',
      body: "## Le constat\n\nDes tablettes achetées en 2015 dormaient dans les armoires faute d'accompagnement.\n\n## Ce qui a changé\n\n1. un **référent numérique** par école ;\n2. trois demi-journées de formation par enseignant ;\n3. une gestion centralisée des tablettes (MDM).",
      themes: ['EDUCATION', 'INFRASTRUCTURE_BROADBAND'],
      stage: 'DEPLOYED',
      territoryCode: '91228',
      budgetEuros: 260000,
      sections: {
        prerequisites: 'Wi-Fi dans les classes et raccordement des écoles à la fibre.',
        partners: 'Éducation nationale (DANE de Versailles), conseillers pédagogiques de circonscription.',
        vendors: [
          { name: 'Gestionnaire de flotte (MDM)', openSource: false, licence: 'propriétaire', role: 'Déploiement des applications' },
          { name: 'Primtux', openSource: true, licence: 'GPL-3.0', role: 'Environnement des postes fixes' },
        ],
        duration: '2 années scolaires',
        pitfalls: 'Acheter le matériel avant d’avoir prévu la formation.',
        results: '85 % des enseignants utilisent les tablettes au moins une fois par semaine.',
        contact: 'Direction de l’éducation, Évry-Courcouronnes (démo)',
      },
    },
    edits: [
      {
        author: 'member',
        comment: 'Précision sur la formation',
        change: {
          body: "## Le constat\n\nDes tablettes achetées en 2015 dormaient dans les armoires faute d'accompagnement.\n\n## Ce qui a changé\n\n1. un **référent numérique** par école ;\n2. trois demi-journées de formation par enseignant, dont une en classe ;\n3. une gestion centralisée des tablettes (MDM).",
        },
      },
      {
        author: 'member',
        comment: 'Résultats de l’enquête de juin',
        change: { sections: { results: '85 % des enseignants utilisent les tablettes au moins une fois par semaine (enquête de juin, 112 réponses).' } },
      },
    ],
  },
  {
    key: 'balades',
    author: 'admin',
    content: {
      title: 'Open data des « Balades en Essonne »',
      summary: 'Publication en open data des circuits de randonnée et des points d’intérêt des Balades en Essonne, remplis par les EPCI.',
      body: "## Objectif\n\nFaire circuler les circuits **au-delà du site départemental** : applications de randonnée, offices de tourisme, OpenStreetMap.\n\n## Jeux de données\n\n- circuits (GeoJSON, GPX) ;\n- points d'intérêt (CSV) ;\n- mis à jour chaque semaine sur data.gouv.fr.\n\nLicence : Licence Ouverte / Etalab 2.0.",
      themes: ['DATA_OPEN_DATA', 'TOURISM_CULTURE'],
      stage: 'DEPLOYED',
      territoryCode: '91',
      budgetEuros: 45000,
      sections: {
        prerequisites: 'Des fiches points d’intérêt structurées (même modèle pour tous les EPCI).',
        partners: 'Comité départemental du tourisme, EPCI de l’Essonne, Etalab.',
        vendors: [{ name: 'uData (data.gouv.fr)', openSource: true, licence: 'AGPL-3.0', role: 'Publication' }],
        duration: '6 mois',
        pitfalls: 'Les fiches saisies par chaque EPCI n’avaient pas le même format : prévoir un schéma commun dès le départ.',
        results: '4 réutilisations recensées la première année.',
        contact: 'Mission données, Département de l’Essonne (démo)',
      },
    },
    edits: [
      {
        author: 'moderator',
        comment: 'Ajout du lien vers le guide open data',
        change: {
          body: "## Objectif\n\nFaire circuler les circuits **au-delà du site départemental** : applications de randonnée, offices de tourisme, OpenStreetMap.\n\n## Jeux de données\n\n- circuits (GeoJSON, GPX) ;\n- points d'intérêt (CSV) ;\n- mis à jour chaque semaine sur data.gouv.fr.\n\nLicence : Licence Ouverte / Etalab 2.0. Voir [[Guide de la fiche projet]].",
        },
      },
    ],
  },
  {
    key: 'franceconnect',
    author: 'member',
    content: {
      title: 'FranceConnect sur le portail famille',
      summary: 'Connexion avec FranceConnect au portail des démarches (inscriptions scolaires, cantine, centre de loisirs).',
      body: "## Le projet\n\nLes familles se connectent au portail avec **FranceConnect** au lieu d'un énième mot de passe. L'éditeur du portail a ajouté le bouton dans une mise à jour.\n\n## Étapes\n\n1. habilitation sur datapass.api.gouv.fr ;\n2. recette en environnement d'intégration ;\n3. mise en production et communication aux familles.",
      themes: ['DIGITAL_IDENTITY', 'ONLINE_SERVICES'],
      stage: 'DEPLOYED',
      territoryCode: '91228',
      budgetEuros: 18000,
      sections: {
        prerequisites: 'Un portail dont l’éditeur prend en charge FranceConnect (ou une passerelle OpenID Connect).',
        partners: 'DINUM (équipe FranceConnect), éditeur du portail famille.',
        vendors: [{ name: 'Portail famille (éditeur privé)', openSource: false, licence: 'propriétaire', role: 'Démarches en ligne' }],
        duration: '4 mois',
        pitfalls: 'Les villes n’ont pas de développeurs en interne : exiger FranceConnect dans le cahier des charges du portail.',
        results: '38 % des connexions passent par FranceConnect après un an.',
        contact: 'DSI mutualisée, Évry-Courcouronnes (démo)',
      },
    },
    edits: [
      {
        author: 'member',
        comment: 'Chiffre de la première année',
        change: { sections: { results: '38 % des connexions passent par FranceConnect après un an ; moins d’appels pour mot de passe oublié.' } },
      },
    ],
  },
  {
    key: 'impots',
    author: 'agent',
    content: {
      title: 'Médiation numérique pour la déclaration de revenus en ligne',
      summary: 'Des permanences de médiateurs numériques en mairie et en bus itinérant pendant la campagne de déclaration des revenus.',
      body: "## Pour qui\n\nLes habitants âgés ou éloignés du numérique, nombreux dans les communes rurales du sud Essonne.\n\n## Comment\n\n- permanences en mairie deux demi-journées par semaine d'avril à juin ;\n- un **bus numérique** qui passe dans les villages ;\n- orientation vers France Services pour les cas complexes.",
      themes: ['DIGITAL_INCLUSION', 'ONLINE_SERVICES'],
      stage: 'IN_PROGRESS',
      territoryCode: '91223',
      budgetEuros: 36000,
      sections: {
        prerequisites: 'Des médiateurs formés (conseillers numériques France Services).',
        partners: 'Centre des finances publiques, France Services, CCAS.',
        vendors: [],
        duration: 'Chaque printemps (3 mois)',
        pitfalls: 'Ne pas faire à la place des personnes : les accompagner pour qu’elles gagnent en autonomie.',
        results: '640 personnes accompagnées en 2024.',
        contact: 'CCAS d’Étampes (démo)',
      },
    },
    edits: [
      {
        author: 'agent',
        comment: 'Ajout du bus numérique',
        change: { title: 'Médiation numérique pour la déclaration de revenus en ligne (permanences et bus)' },
      },
      { author: 'agent', comment: 'Bilan 2024', change: { sections: { results: '640 personnes accompagnées en 2024, dont 40 % de plus de 70 ans.' } } },
    ],
  },
  {
    key: 'circuits-courts',
    author: 'admin',
    content: {
      title: 'Plateforme de circuits courts pour la restauration collective',
      summary: 'Une plateforme qui met en relation les producteurs locaux et les cuisines des collèges.',
      body: '## Idée\n\nApprovisionner les cantines des collèges en **produits locaux** sans complexifier les marchés publics : allotissement fin, catalogue en ligne des producteurs, commande groupée.',
      themes: ['AGRICULTURE', 'PROCUREMENT_OPEN_SOURCE'],
      stage: 'STUDY',
      territoryCode: '91',
      budgetEuros: 120000,
      sections: {
        prerequisites: 'Un recensement des producteurs et de leurs volumes.',
        partners: 'Chambre d’agriculture, cuisines centrales, acheteurs publics.',
        vendors: [{ name: 'Plateforme Agrilocal', openSource: false, licence: 'service public mutualisé', role: 'Mise en relation acheteurs/producteurs' }],
        duration: 'Étude de 6 mois puis expérimentation sur 10 collèges',
        pitfalls: 'Le cadre des marchés publics : prévoir des lots adaptés aux petits producteurs.',
        results: null,
        contact: 'Direction de la restauration scolaire, Département (démo)',
      },
    },
    edits: [
      {
        author: 'admin',
        comment: 'Précision sur l’allotissement',
        change: {
          body: '## Idée\n\nApprovisionner les cantines des collèges en **produits locaux** sans complexifier les marchés publics : allotissement fin (légumes, produits laitiers, viande), catalogue en ligne des producteurs, commande groupée.',
        },
      },
    ],
  },
  {
    key: 'agrotech',
    author: 'admin',
    content: {
      title: 'Incubateur agrotech',
      summary: 'Un incubateur spécialisé en agriculture numérique (drones, capteurs, robots) pour garder les jeunes entreprises sur le territoire.',
      body: "## Ambition\n\nAccompagner 8 jeunes entreprises par an sur l'**agriculture de précision** : gestion des parcelles par drones, capteurs d'humidité, guidage des tracteurs.\n\nInspiré de l'incubateur AgTech d'EuraTechnologies.",
      themes: ['AGRICULTURE', 'ECONOMIC_ATTRACTIVENESS'],
      stage: 'IDEA',
      territoryCode: '200017846',
      budgetEuros: 650000,
      sections: {
        prerequisites: 'Des exploitations volontaires pour les expérimentations.\nLa couverture 4G des parcelles.',
        partners: 'Chambre d’agriculture, lycée agricole, école d’ingénieurs du plateau de Saclay.',
        vendors: [],
        duration: '3 ans',
        pitfalls: null,
        results: null,
        contact: 'Développement économique, CA Étampois Sud Essonne (démo)',
      },
    },
    edits: [{ author: 'admin', comment: 'Passage en étude', change: { stage: 'STUDY' } }],
  },
  {
    key: 'alerte',
    author: 'moderator',
    content: {
      title: "Système d'alerte des habitants (crues de l'Orge et de l'Yvette)",
      summary: 'Alertes SMS, appels vocaux et notifications aux habitants des zones inondables.',
      body: "## Pourquoi\n\nAprès les crues de 2016, la commune a voulu prévenir **toutes** les personnes concernées, y compris celles sans smartphone.\n\n## Canaux\n\n- SMS et appel vocal automatique ;\n- notification dans l'application de la ville ;\n- inscription au registre des personnes vulnérables.",
      themes: ['RISK_PREVENTION_SECURITY'],
      stage: 'DEPLOYED',
      territoryCode: '91589',
      budgetEuros: 24000,
      sections: {
        prerequisites: 'Un plan communal de sauvegarde à jour.\nUne base d’abonnés (inscription volontaire).',
        partners: 'Syndicat de l’Orge, préfecture (SIDPC).',
        vendors: [{ name: 'Service d’alerte multicanal', openSource: false, licence: 'propriétaire', role: 'Envoi des alertes' }],
        duration: '3 mois',
        pitfalls: 'Tester l’envoi chaque trimestre : les listes vieillissent vite.',
        results: '7 200 foyers inscrits.',
        contact: 'Service prévention des risques, Savigny-sur-Orge (démo)',
      },
    },
    edits: [
      {
        author: 'moderator',
        comment: 'Exercice annuel',
        change: { sections: { pitfalls: 'Tester l’envoi chaque trimestre : les listes vieillissent vite. Faire un exercice grandeur nature chaque automne.' } },
      },
    ],
  },
  {
    key: 'fibre-ecoles',
    author: 'member',
    content: {
      title: 'Raccordement de toutes les écoles à la fibre',
      summary: 'Raccorder les 48 écoles de la commune au très haut débit avant d’équiper les classes.',
      body: "## Programme\n\nRaccordement par le réseau d'initiative publique, puis câblage et Wi-Fi dans chaque classe. Les écoles raccordées en premier sont celles qui avaient le plus de projets pédagogiques numériques.",
      themes: ['INFRASTRUCTURE_BROADBAND', 'EDUCATION'],
      stage: 'IN_PROGRESS',
      territoryCode: '91228',
      budgetEuros: 540000,
      sections: {
        prerequisites: 'Un réseau d’initiative publique ou un opérateur présent.',
        partners: 'Essonne Numérique (syndicat mixte), opérateur du réseau.',
        vendors: [],
        duration: '3 ans',
        pitfalls: 'Prévoir le câblage interne : la fibre jusqu’au bâtiment ne suffit pas.',
        results: '31 écoles sur 48 raccordées.',
        contact: 'Direction du patrimoine, Évry-Courcouronnes (démo)',
      },
    },
    edits: [{ author: 'member', comment: 'Avancement', change: { sections: { results: '36 écoles sur 48 raccordées.' } } }],
  },
  {
    key: 'logiciels-libres',
    author: 'moderator',
    content: {
      title: 'Passage de la bureautique aux logiciels libres',
      summary: 'Migration des postes des agents vers LibreOffice et Thunderbird, avec un accompagnement au changement.',
      body: "## Démarche\n\n- inventaire des modèles de documents et des macros ;\n- formation de **référents** dans chaque service ;\n- bascule service par service.\n\nLe modèle de [[Modèle de cahier des charges favorisant le logiciel libre]] a servi pour le marché d'accompagnement.",
      themes: ['PROCUREMENT_OPEN_SOURCE', 'GOVERNANCE'],
      stage: 'DEPLOYED',
      territoryCode: '91377',
      budgetEuros: 75000,
      sections: {
        prerequisites: 'Un soutien clair de la direction générale.',
        partners: 'ADULLACT, association des utilisateurs de logiciels libres pour les collectivités.',
        vendors: [
          { name: 'LibreOffice', openSource: true, licence: 'MPL-2.0', role: 'Bureautique' },
          { name: 'Thunderbird', openSource: true, licence: 'MPL-2.0', role: 'Messagerie' },
        ],
        duration: '14 mois',
        pitfalls: 'Les macros des services financiers : les recenser tôt.',
        results: '600 postes migrés ; économie de licences de 90 000 € par an.',
        contact: 'DSI, mairie de Massy (démo)',
      },
    },
    edits: [
      {
        author: 'moderator',
        comment: 'Économies constatées',
        change: { sections: { results: '600 postes migrés ; économie de licences de 90 000 € par an, réinvestie dans la formation.' } },
      },
    ],
  },
  {
    key: 'budget-participatif',
    author: 'admin',
    content: {
      title: 'Budget participatif en ligne',
      summary: 'Les habitants proposent et votent des projets en ligne (et en mairie) sur une plateforme libre.',
      body: '## Fonctionnement\n\n1. dépôt des idées ;\n2. étude de faisabilité par les services ;\n3. vote en ligne et en urnes physiques.\n\nLa plateforme **Decidim** est hébergée par un prestataire mutualisé.',
      themes: ['GOVERNANCE', 'DIGITAL_INCLUSION'],
      stage: 'DEPLOYED',
      territoryCode: '91174',
      budgetEuros: 30000,
      sections: {
        prerequisites: 'Une enveloppe d’investissement réservée (ici 500 000 €).',
        partners: 'Conseils de quartier, associations.',
        vendors: [{ name: 'Decidim', openSource: true, licence: 'AGPL-3.0', role: 'Plateforme participative' }],
        duration: 'Un cycle annuel',
        pitfalls: 'Garder un vote papier pour ne pas exclure une partie des habitants.',
        results: '2 300 votants la première année.',
        contact: 'Démocratie locale, Corbeil-Essonnes (démo)',
      },
    },
    edits: [{ author: 'admin', comment: 'Deuxième édition', change: { sections: { results: '2 300 votants la première année, 3 100 la deuxième.' } } }],
  },
  {
    key: 'guichet-mobile',
    author: 'admin',
    content: {
      title: 'Guichet numérique mobile dans les villages',
      summary: 'Un camping-car aménagé qui apporte des démarches accompagnées dans les communes sans France Services.',
      body: '## Tournée\n\nChaque village est desservi toutes les deux semaines. Deux conseillers numériques aident pour les démarches CAF, ANTS, impôts, retraite.',
      themes: ['DIGITAL_INCLUSION', 'ONLINE_SERVICES'],
      stage: 'IN_PROGRESS',
      territoryCode: '249100595',
      budgetEuros: 140000,
      sections: {
        prerequisites: 'Une connexion 4G fiable sur les lieux de stationnement.',
        partners: 'Préfecture (labellisation France Services itinérant), communes membres.',
        vendors: [],
        duration: '1 an de préparation',
        pitfalls: 'Annoncer les passages sur plusieurs canaux (affichage, bulletin, radio locale).',
        results: null,
        contact: 'CC le Dourdannais en Hurepoix (démo)',
      },
    },
    edits: [{ author: 'admin', comment: 'Premiers chiffres', change: { sections: { results: '1 150 accompagnements la première année.' } } }],
  },
  {
    key: 'etat-civil',
    author: 'agent',
    content: {
      title: "Demandes d'actes d'état civil en ligne",
      summary: "Les demandes d'actes de naissance, mariage et décès se font en ligne, avec suivi de l'avancement.",
      body: "## Ce qui est proposé\n\nUn formulaire en ligne relié au logiciel d'état civil, avec accusé de réception et **suivi de la demande**. Les actes sont envoyés par courrier ou via COMEDEC aux notaires.\n\nVoir le [[Catalogue des procédures partagées]].",
      themes: ['ONLINE_SERVICES'],
      stage: 'DEPLOYED',
      territoryCode: '91223',
      budgetEuros: 12000,
      sections: {
        prerequisites: 'Un logiciel d’état civil compatible COMEDEC.',
        partners: 'ANTS (COMEDEC), éditeur du logiciel d’état civil.',
        vendors: [{ name: 'Formulaires en ligne (démarches simplifiées)', openSource: true, licence: 'AGPL-3.0', role: 'Formulaire de demande' }],
        duration: '2 mois',
        pitfalls: null,
        results: '70 % des demandes arrivent en ligne.',
        contact: 'Service état civil, Étampes (démo)',
      },
    },
    edits: [
      {
        author: 'agent',
        comment: 'Délai de traitement',
        change: { sections: { results: '70 % des demandes arrivent en ligne ; délai moyen de traitement ramené à 2 jours.' } },
      },
    ],
  },
  {
    key: 'capteurs-eau',
    author: 'moderator',
    content: {
      title: 'Capteurs connectés pour suivre la ressource en eau',
      summary: 'Des capteurs de niveau sur les nappes et les rivières, avec des données publiées en open data.',
      body: "## Objectif\n\nMettre le numérique au service du **suivi des ressources naturelles** : niveaux de l'Essonne et de la Juine, alertes de sécheresse, données ouvertes pour les agriculteurs.",
      themes: ['RISK_PREVENTION_SECURITY', 'DATA_OPEN_DATA', 'AGRICULTURE'],
      stage: 'STUDY',
      territoryCode: '249100553',
      budgetEuros: 95000,
      sections: {
        prerequisites: 'Un réseau bas débit (LoRaWAN) ou une couverture mobile sur les sites.',
        partners: 'Syndicat de rivière, BRGM, chambre d’agriculture.',
        vendors: [{ name: 'ChirpStack', openSource: true, licence: 'MIT', role: 'Serveur de réseau LoRaWAN' }],
        duration: '2 ans',
        pitfalls: 'Le vandalisme sur les capteurs isolés.',
        results: null,
        contact: 'CC Entre Juine et Renarde (démo)',
      },
    },
    edits: [
      {
        author: 'moderator',
        comment: 'Choix du réseau',
        change: { summary: 'Des capteurs de niveau sur les nappes et les rivières, reliés par un réseau LoRaWAN, avec des données publiées en open data.' },
      },
    ],
  },
];

/** Replications: an adopting territory, the author, and the source sheet's key. */
export const DEMO_REPLICATIONS: { source: string; territoryCode: string; author: keyof DemoAccounts; stage: ProjectContent['stage'] }[] = [
  { source: 'tablettes', territoryCode: '91223', author: 'agent', stage: 'STUDY' },
  { source: 'franceconnect', territoryCode: '91223', author: 'agent', stage: 'IN_PROGRESS' },
  { source: 'telemedecine', territoryCode: '91200', author: 'moderator', stage: 'IDEA' },
];
