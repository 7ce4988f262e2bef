/**
 * The seminar of 4 July 2018 at the Hôtel du Département in Évry, as its minutes print it
 * (../shared/seeds/seminaire-essonne-2018-07-04.md, copied here: the app never reads that file).
 * Scores are the group means printed in the minutes; `reformulation` marks the words the
 * minutes print in bold with **…**. One erratum: "D2velopper" (a scanning slip) is spelt
 * "Développer".
 */
export interface DemoStake {
  text: string;
  /** One printed mean per group of the workshop, in `groups` order. */
  scores: number[];
  reformulation?: string;
}

export interface DemoWorkshop {
  title: string;
  groups: string[];
  stakes: DemoStake[];
  additions: string[];
}

export const DEMO_WORKSHOPS: DemoWorkshop[] = [
  {
    title: "Développer l'attractivité du territoire",
    groups: ['Groupe 3'],
    stakes: [
      {
        text: "Profiter du renouvellement des marchés pour renforcer l'innovation et l'optimisation de la gestion pour les réseaux d'utilité publique",
        scores: [2],
      },
      { text: 'Augmenter la performance des réseaux de vidéoprotection et développer de nouveaux usages grâce à des systèmes analytiques', scores: [2] },
      {
        text: "Profiter des grands projets d'aménagement pour l'expérimentation de modes de gestion, et de services optimisés grâce au numérique",
        scores: [4.5],
      },
      {
        text: 'Faciliter les déplacements des Essonniens grâce à une meilleure connaissance des besoins locaux et au développement de services annexes',
        scores: [5],
        reformulation:
          'Faciliter les déplacements des Essonniens grâce à une meilleure connaissance des besoins locaux et au développement de services annexes, **dont le télétravail.**',
      },
      {
        text: "Faire bénéficier l'ensemble du territoire de l'innovation produite dans le nord du Département",
        scores: [2],
        reformulation: "Faire **profiter** l'ensemble du territoire de l'innovation produite dans **les pôles d'innovation** du Département.",
      },
      { text: "Diffuser des solutions numériques pour l'agriculture adaptée à l'ensemble des territoires (y compris en milieu urbain)", scores: [4.5] },
      { text: 'Mettre le numérique au service du suivi des ressources naturelles et des risques auxquels elles sont soumises', scores: [5] },
    ],
    additions: [
      "Avoir une vraie stratégie de communication pour développer l'attractivité du territoire",
      "Développer l'offre de télémédecine et mener des actions de communication afin de faire connaître ces initiatives",
    ],
  },
  {
    title: 'Services aux citoyens',
    groups: ['Groupe 1', 'Groupe 2'],
    stakes: [
      {
        text: 'Trouver des formes collectives pour accélérer la numérisation des processus internes et des services aux usagers.',
        scores: [2, 4.5],
        reformulation: 'Trouver des **moyens** pour accélérer la numérisation des processus internes et des services aux usagers.',
      },
      {
        text: 'Mettre la donnée au service de la performance de gestion des administrations et de la qualité des services offerts aux usagers',
        scores: [2, 5],
        reformulation:
          '**Structurer la donnée** pour la mettre au service de la performance de gestion des administrations et de la qualité des services offerts aux usagers, **tout en veillant à protéger les données sensibles.**',
      },
      {
        text: 'Identifier les réseaux de la médiation numérique sur le département et en clarifier les cibles prioritaires',
        scores: [4.5, 4.8],
        reformulation: '**Identifier les cibles de médiation, les prioriser, puis clarifier et coordonner les actions des parties prenantes.**',
      },
      {
        text: "Renforcer le développement du numérique éducatif par l'expérimentation, l'accompagnement des collectivités et les jumelages collèges-écoles",
        scores: [5, 5],
        reformulation:
          "Renforcer le développement du numérique éducatif par l'expérimentation, l'accompagnement des collectivités et les jumelages collèges-écoles, **et par le développement du numérique dans les activités extrascolaires.**",
      },
      {
        text: "Assurer l'égalité d'accès aux plateformes en lignes portées par les médiathèques. S'appuyer sur le maillage de lieux physiques pour proposer de la médiation numérique.",
        scores: [2, 4.9],
        reformulation:
          "Assurer l'égalité d'accès aux plateformes en lignes portées par les médiathèques. S'appuyer sur le maillage de lieux physiques pour proposer de la médiation numérique, **et créer du lien social pour les populations enclavées grâce aux services numériques.**",
      },
      {
        text: 'Proposer des actions au niveau départemental pour développer les usages et services numériques en matière de culture.',
        scores: [4.5, 2.5],
        reformulation: "**Donner les moyens aux acteurs départementaux de la culture et diffuser les usages qu'ils développent.**",
      },
      {
        text: "Rentrer dans une logique de territoire d'expérimentation avec les acteurs privés pour faire du numérique un levier de développement de nouveaux services.",
        scores: [5, 5],
      },
    ],
    additions: ['Apporter une culture numérique globale aux Essonnais.', "Assurer l'égalité d'accès aux services"],
  },
];
