import type { BlockerCategory, BlockerSeverity, BlockerStatus, Theme } from '@essaim/domain';

/** One status change of a demo blocker, `daysAgo` before the seed. */
export interface DemoStep {
  status: BlockerStatus;
  daysAgo: number;
  resolution?: string;
  comment?: string;
}

export interface DemoBlocker {
  /** Preferred demo project slugs, in order; `theme` picks a demo project when none exists. */
  slugs: string[];
  theme: Theme;
  category: BlockerCategory;
  severity: BlockerSeverity;
  description: string;
  confidential?: boolean;
  openedDaysAgo: number;
  steps: DemoStep[];
}

/**
 * Blockers raised at the Essonne seminar of 4 July 2018 (FranceConnect too heavy without
 * in-house developers, tablets left in cupboards, dependency on proprietary software,
 * procurement rules against short supply chains), spread over the last two years.
 */
export const DEMO_BLOCKERS: DemoBlocker[] = [
  {
    slugs: ['franceconnect-sur-le-portail-famille-etampes'],
    theme: 'DIGITAL_IDENTITY',
    category: 'SKILLS_STAFF',
    severity: 'BLOCKING',
    description:
      "Intégrer FranceConnect au portail famille demande des développements que la ville ne sait pas faire : pas de développeur en interne, et l'éditeur facture l'intégration au-delà de notre budget.",
    openedDaysAgo: 140,
    steps: [{ status: 'IN_PROGRESS', daysAgo: 60, comment: "Contact pris avec l'agglomération pour une mutualisation." }],
  },
  {
    slugs: ['franceconnect-sur-le-portail-famille-evry-courcouronnes'],
    theme: 'ONLINE_SERVICES',
    category: 'SKILLS_STAFF',
    severity: 'BLOCKING',
    description:
      "FranceConnect jugé trop lourd à déployer : aucune compétence de développement en interne pour brancher le fournisseur d'identité sur nos démarches.",
    openedDaysAgo: 610,
    steps: [
      { status: 'IN_PROGRESS', daysAgo: 520 },
      {
        status: 'LIFTED',
        daysAgo: 430,
        resolution:
          "Passage par le portail de démarches mutualisé de l'agglomération, qui intègre déjà FranceConnect : aucun développement côté commune, seulement le paramétrage des formulaires (2 jours de formation d'un agent).",
      },
    ],
  },
  {
    slugs: ['tablettes-dans-les-ecoles-et-formation-des-enseignants-evry-courcouronnes'],
    theme: 'EDUCATION',
    category: 'ACCULTURATION',
    severity: 'HINDERING',
    description:
      "Les tablettes livrées aux écoles élémentaires restent dans les placards : les enseignants n'ont pas été formés et ne savent pas les intégrer à leurs séquences.",
    openedDaysAgo: 700,
    steps: [
      { status: 'IN_PROGRESS', daysAgo: 600, comment: 'Recensement des besoins avec les directeurs d’école.' },
      {
        status: 'LIFTED',
        daysAgo: 480,
        resolution:
          "Plan de formation avec l'Atelier Canopé de l'Essonne (3 demi-journées par école) et un enseignant référent numérique par école, déchargé une heure par semaine. Taux d'usage des tablettes passé de 10 % à 70 % en un trimestre.",
      },
    ],
  },
  {
    slugs: ['tablettes-dans-les-ecoles-et-formation-des-enseignants-etampes'],
    theme: 'EDUCATION',
    category: 'ACCULTURATION',
    severity: 'HINDERING',
    description:
      'Les tablettes commandées pour les écoles risquent de rester inutilisées : aucune formation des enseignants n’est prévue et les ressources pédagogiques manquent.',
    openedDaysAgo: 95,
    steps: [],
  },
  {
    slugs: ['passage-de-la-bureautique-aux-logiciels-libres-massy'],
    theme: 'PROCUREMENT_OPEN_SOURCE',
    category: 'VENDOR_DEPENDENCY',
    severity: 'BLOCKING',
    description:
      "Verrouillage par l'éditeur de notre progiciel de gestion (finances, RH) : pas d'export des données dans un format ouvert, chaque évolution est facturée et le contrat se renouvelle tacitement.",
    openedDaysAgo: 560,
    steps: [
      { status: 'IN_PROGRESS', daysAgo: 400 },
      {
        status: 'WORKED_AROUND',
        daysAgo: 210,
        resolution:
          "Clause de réversibilité et export CSV négociés au renouvellement ; migration progressive des briques RH vers une solution libre du Socle interministériel de logiciels libres, avec l'appui d'une association de collectivités (ADULLACT).",
      },
    ],
  },
  {
    slugs: ['plateforme-de-circuits-courts-pour-la-restauration-collective-essonne'],
    theme: 'AGRICULTURE',
    category: 'PUBLIC_PROCUREMENT',
    severity: 'BLOCKING',
    description:
      'Les règles des marchés publics empêchent de choisir directement des producteurs locaux pour la restauration collective : le critère géographique est interdit et les lots sont trop gros pour les exploitations.',
    openedDaysAgo: 650,
    steps: [
      { status: 'IN_PROGRESS', daysAgo: 500 },
      {
        status: 'LIFTED',
        daysAgo: 300,
        resolution:
          "Allotissement fin par produit et par saison, critères de fraîcheur et de performance en matière d'approvisionnement direct, et publication des besoins sur la plateforme Agrilocal : 40 % des produits frais viennent désormais de producteurs essonniens.",
      },
    ],
  },
  {
    slugs: ['open-data-des-balades-en-essonne'],
    theme: 'DATA_OPEN_DATA',
    category: 'POLITICAL_BACKING',
    severity: 'BLOCKING',
    description:
      "Le projet d'ouverture des données n'a plus de portage politique depuis le changement d'élu délégué : aucune décision sur le périmètre des jeux de données.",
    openedDaysAgo: 250,
    steps: [],
  },
  {
    slugs: ['raccordement-de-toutes-les-ecoles-a-la-fibre-evry-courcouronnes'],
    theme: 'INFRASTRUCTURE_BROADBAND',
    category: 'FUNDING',
    severity: 'HINDERING',
    description: 'Le raccordement en fibre des écoles de quartier excentrées dépasse le budget d’investissement de la ville.',
    openedDaysAgo: 480,
    steps: [
      {
        status: 'LIFTED',
        daysAgo: 330,
        resolution:
          "Dossier commun avec le syndicat départemental du numérique : subvention de l'État et du Département couvrant 80 % du coût des raccordements.",
      },
    ],
  },
  {
    slugs: ['cabine-de-teleconsultation-en-maison-de-sante-etampes'],
    theme: 'HEALTH_TELEMEDICINE',
    category: 'DATA_PRIVACY_SECURITY',
    severity: 'HINDERING',
    confidential: true,
    description: "L'audit de sécurité du poste de téléconsultation a relevé des failles sur le réseau de la maison de santé ; détails réservés au territoire.",
    openedDaysAgo: 40,
    steps: [],
  },
];
