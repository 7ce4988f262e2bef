/** Blockers reported on projects. */
export const BLOCKER_ERRORS = {
  BLOCKER_NOT_FOUND: { fr: 'Frein introuvable.', en: 'Blocker not found.' },
  BLOCKER_REPORTERS_ONLY: {
    fr: 'Seuls les membres du territoire du projet et les modérateurs peuvent signaler un frein.',
    en: "Only members of the project's territory and moderators can report a blocker.",
  },
  BLOCKER_UPDATERS_ONLY: {
    fr: 'Seuls les membres du territoire du projet et les modérateurs peuvent mettre à jour ce frein.',
    en: "Only members of the project's territory and moderators can update this blocker.",
  },
  BLOCKER_EDITORS_ONLY: {
    fr: 'Seuls les membres du territoire du projet et les modérateurs peuvent modifier ce frein.',
    en: "Only members of the project's territory and moderators can edit this blocker.",
  },
  BLOCKER_STATUS_UNCHANGED: { fr: 'Le frein est déjà « {status} ».', en: 'The blocker is already "{status}".' },
  BLOCKER_TRANSITION_REFUSED: {
    fr: 'Un frein « {from} » ne peut pas passer à « {to} ». Statuts possibles : {allowed}.',
    en: 'A blocker "{from}" cannot become "{to}". Possible statuses: {allowed}.',
  },
  RESOLUTION_TOO_SHORT: {
    fr: "Expliquez comment le frein a été levé ou contourné (au moins {min} caractères) : d'autres territoires s'en serviront.",
    en: 'Explain how the blocker was lifted or worked around (at least {min} characters): other territories will use it.',
  },
  RESOLUTION_NOT_EXPECTED: {
    fr: 'Une résolution ne s’indique que pour un frein levé ou contourné ; utilisez le commentaire.',
    en: 'A resolution is only given for a lifted or worked-around blocker; use the comment.',
  },
  BLOCKER_STATUS_CHANGED_MEANWHILE: {
    fr: 'Ce frein vient d’être modifié par quelqu’un d’autre : rechargez la page pour voir son nouveau statut.',
    en: 'This blocker has just been changed by someone else: reload the page to see its new status.',
  },
  BLOCKER_NOTHING_TO_SAVE: {
    fr: 'Rien à enregistrer : la catégorie, la gravité et la description sont inchangées.',
    en: 'Nothing to save: the category, severity and description are unchanged.',
  },
  BLOCKER_REVISION_CONFLICT: {
    fr: "Quelqu'un a modifié ce frein pendant que vous le corrigiez (révision {currentRevision}, vous étiez parti·e de la révision {baseRevision}). Vos modifications n'ont pas été enregistrées ni perdues : comparez-les avec la version actuelle avant d'enregistrer à nouveau.",
    en: 'Someone changed this blocker while you were correcting it (revision {currentRevision}, you started from revision {baseRevision}). Your changes were neither saved nor lost: compare them with the current version before saving again.',
  },
  // Argument validation (DTO decorators, text rules, scalars): see apps/api/src/common/validation/problem.ts.
  UNKNOWN_BLOCKER_CATEGORY: { fr: 'Catégorie de frein inconnue.', en: 'Unknown blocker category.' },
  UNKNOWN_BLOCKER_SEVERITY: { fr: 'Gravité inconnue (BLOCKING ou HINDERING).', en: 'Unknown severity (BLOCKING or HINDERING).' },
  UNKNOWN_SEVERITY_FILTER: { fr: 'Gravité de frein inconnue.', en: 'Unknown blocker severity.' },
  BLOCKER_DESCRIPTION_LENGTH: {
    fr: 'La description doit contenir entre {min} et {max} caractères.',
    en: 'The description must contain between {min} and {max} characters.',
  },
  INVALID_START_DATE: { fr: 'Date de début invalide.', en: 'Invalid start date.' },
  START_DATE_TOO_EARLY: { fr: 'La date de début doit être postérieure au 1er janvier 2000.', en: 'The start date must be after 1 January 2000.' },
  START_DATE_IN_FUTURE: { fr: 'La date de début ne peut pas être dans le futur.', en: 'The start date cannot be in the future.' },
  INVALID_BLOCKER_ID: { fr: 'Identifiant de frein invalide.', en: 'Invalid blocker identifier.' },
  UNKNOWN_BLOCKER_STATUS: { fr: 'Statut de frein inconnu.', en: 'Unknown blocker status.' },
  RESOLUTION_TOO_LONG: { fr: 'La résolution ne doit pas dépasser {max} caractères.', en: 'The resolution must not exceed {max} characters.' },
  INVALID_STARTING_REVISION: { fr: 'Révision de départ invalide.', en: 'Invalid starting revision.' },
  TREND_TOO_SHORT: { fr: 'La tendance couvre au moins 1 mois.', en: 'The trend covers at least 1 month.' },
  TREND_TOO_LONG: { fr: 'La tendance couvre au plus 60 mois.', en: 'The trend covers at most 60 months.' },
} as const;
