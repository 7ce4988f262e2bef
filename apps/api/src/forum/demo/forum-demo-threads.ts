import type { DemoAccounts } from '../../seed/demo-accounts';

type Author = keyof DemoAccounts;

export interface DemoThread {
  category: string;
  /** Title of a wiki demo project whose Discussion this becomes (skipped if it does not exist). */
  projectTitle?: string;
  title: string;
  author: Author;
  isQuestion?: boolean;
  pinned?: boolean;
  body: string;
  replies: { author: Author; body: string; reactions?: Author[]; accepted?: boolean }[];
}

/** Drawn from the seminar of 4 July 2018 (shared/seeds/seminaire-essonne-2018-07-04.md). */
export const DEMO_THREADS: DemoThread[] = [
  {
    category: 'entraide',
    title: 'Bienvenue sur le forum Essaim : mode d’emploi',
    author: 'moderator',
    pinned: true,
    body:
      'Ce forum sert à **partager ce qui marche (et ce qui coince)** entre communes, EPCI et Département.\n\n' +
      '- posez vos questions en cochant « question » : vous pourrez accepter la réponse qui vous a aidé·e ;\n' +
      '- mentionnez quelqu’un avec `@[Nom affiché]` ;\n' +
      '- signalez un message qui pose problème, la modération s’en occupe.',
    replies: [],
  },
  {
    category: 'identite-numerique',
    projectTitle: 'FranceConnect sur le portail famille',
    title: 'FranceConnect sans développeur en interne : par où commencer ?',
    author: 'agent',
    isQuestion: true,
    body:
      'Au séminaire du 4 juillet 2018, beaucoup ont dit que FranceConnect restait peu déployé parce que son intégration est très contraignante. ' +
      'Chez nous, **personne en interne ne développe** et notre portail famille est un logiciel d’éditeur.\n\n' +
      'Comment avez-vous fait ? Passer par l’éditeur, par un groupement, par le Département ?',
    replies: [
      {
        author: 'member',
        accepted: true,
        reactions: ['agent', 'facilitator'],
        body:
          'Nous sommes passés par **notre éditeur** : FranceConnect est proposé en option dans la plupart des portails famille récents. ' +
          'Il faut demander l’habilitation sur le portail partenaires, puis l’éditeur branche le bouton. Comptez deux à trois mois, surtout pour l’habilitation.',
      },
      {
        author: 'facilitator',
        reactions: ['member'],
        body: 'Bonne piste. À l’échelle de l’EPCI, une **demande groupée** auprès de l’éditeur peut aussi faire baisser le coût pour les petites communes.',
      },
    ],
  },
  {
    category: 'education',
    projectTitle: 'Tablettes dans les écoles et formation des enseignants',
    title: 'Des tablettes qui dorment dans les placards',
    author: 'member',
    body:
      'Raccorder les écoles à la fibre, c’est indispensable, mais le séminaire l’a rappelé : des tablettes achetées ces dernières années **restent stockées dans les placards**. ' +
      'Sans accompagnement des enseignants, l’équipement ne sert pas.\n\nQuelles actions d’acculturation ont marché chez vous ?',
    replies: [
      {
        author: 'agent',
        reactions: ['member', 'moderator'],
        body:
          'Ce qui a fonctionné à Étampes : un **référent numérique par école** (un enseignant volontaire, avec une décharge horaire) et des ateliers courts le mercredi matin. ' +
          'Les tablettes sont sorties des placards quand les enseignants ont eu des séquences toutes prêtes.',
      },
      { author: 'facilitator', body: 'On pourrait en faire un atelier lors du prochain séminaire : retours d’expérience de trois communes.' },
    ],
  },
  {
    category: 'achats-logiciels-libres',
    projectTitle: 'Passage de la bureautique aux logiciels libres',
    title: 'Dépendance aux éditeurs et logiciels propriétaires : comment en sortir ?',
    author: 'facilitator',
    body:
      'La plupart des collectivités se disent **très dépendantes de leurs prestataires** dès qu’il s’agit de logiciels propriétaires. ' +
      'Les participants proposaient des standards mutualisés (open source) et un appui à la rédaction des cahiers des charges.\n\n' +
      'Quelles clauses mettez-vous dans vos marchés pour garder la main (réversibilité, formats ouverts, accès aux données) ?',
    replies: [
      {
        author: 'member',
        reactions: ['facilitator', 'agent'],
        body: 'Trois clauses systématiques chez nous :\n\n1. **réversibilité** chiffrée dans le prix ;\n2. export complet des données dans un **format ouvert** documenté ;\n3. propriété des données par la collectivité, y compris les données produites par le prestataire.',
      },
    ],
  },
];
