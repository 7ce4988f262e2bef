/** Wiki pages, project sheets, their revisions, and the optimistic lock on them. */
export const WIKI_ERRORS = {
  PAGE_NOT_FOUND: { fr: 'Page introuvable.', en: 'Page not found.' },
  PROJECT_SHEET_NOT_FOUND: { fr: 'Fiche projet introuvable.', en: 'Project sheet not found.' },
  REVISION_NOT_FOUND: { fr: 'Révision {number} introuvable.', en: 'Revision {number} not found.' },
  HIDDEN_REVISION: { fr: 'Cette révision a été masquée par la modération.', en: 'This revision has been hidden by the moderators.' },
  PAGE_TITLE_TAKEN: { fr: 'Une page porte déjà ce titre : « {title} ».', en: 'A page already has this title: "{title}".' },
  PAGE_TITLE_TAKEN_BY_OTHER: { fr: 'Une autre page porte déjà ce titre : « {title} ».', en: 'Another page already has this title: "{title}".' },
  PAGE_JUST_CREATED: {
    fr: 'Une page porte déjà ce titre : « {title} » (elle vient d’être créée). Ouvrez-la ou choisissez un autre titre.',
    en: 'A page already has this title: "{title}" (it has just been created). Open it or choose another title.',
  },
  SHEET_JUST_CREATED: {
    fr: 'Une fiche porte déjà ce titre pour ce territoire : « {title} » (elle vient d’être créée). Ouvrez-la ou choisissez un autre titre.',
    en: 'A sheet already has this title for this territory: "{title}" (it has just been created). Open it or choose another title.',
  },
  ONLY_PAGE_REVISION: { fr: "Impossible de masquer l'unique révision de cette page.", en: 'The only revision of this page cannot be hidden.' },
  ONLY_SHEET_REVISION: { fr: "Impossible de masquer l'unique révision de cette fiche.", en: 'The only revision of this sheet cannot be hidden.' },
  PARENT_PAGE_NOT_FOUND: { fr: 'Page parente introuvable.', en: 'Parent page not found.' },
  PAGE_UNDER_ITSELF: { fr: 'Une page ne peut pas être rangée sous elle-même.', en: 'A page cannot be placed under itself.' },
  PAGE_REVISION_CONFLICT: {
    fr: "Quelqu'un a enregistré la révision {currentRevision} de cette page pendant que vous la modifiiez (vous étiez partie de la révision {baseRevision}). Votre texte n'a pas été enregistré ni perdu : comparez-le avec la version actuelle avant d'enregistrer à nouveau.",
    en: 'Someone saved revision {currentRevision} of this page while you were editing it (you started from revision {baseRevision}). Your text was neither saved nor lost: compare it with the current version before saving again.',
  },
  SHEET_REVISION_CONFLICT: {
    fr: "Quelqu'un a enregistré la révision {currentRevision} de cette fiche pendant que vous la modifiiez (vous étiez partie de la révision {baseRevision}). Votre texte n'a pas été enregistré ni perdu : comparez-le avec la version actuelle avant d'enregistrer à nouveau.",
    en: 'Someone saved revision {currentRevision} of this sheet while you were editing it (you started from revision {baseRevision}). Your text was neither saved nor lost: compare it with the current version before saving again.',
  },
  SHEET_ALREADY_IN_TERRITORY: { fr: 'Cette fiche appartient déjà à ce territoire.', en: 'This sheet already belongs to this territory.' },
  PROJECT_ALREADY_REPLICATED: { fr: 'Ce projet a déjà été répliqué pour ce territoire.', en: 'This project has already been replicated for this territory.' },
  SHEET_EDITORS_ONLY: {
    fr: 'Seuls les membres de la collectivité porteuse et la modération peuvent modifier cette fiche.',
    en: 'Only members of the lead local authority and the moderators can edit this sheet.',
  },
  SHEET_OWN_TERRITORY_ONLY: {
    fr: 'Vous ne pouvez créer une fiche que pour votre propre collectivité.',
    en: 'You can only create a sheet for your own local authority.',
  },
  REPLICATORS_ONLY: {
    fr: 'Seuls les membres de la collectivité qui adopte le projet (ou la modération) peuvent le répliquer.',
    en: 'Only members of the local authority adopting the project (or the moderators) can replicate it.',
  },
  // Argument validation (DTO decorators, text rules, scalars): see apps/api/src/common/validation/problem.ts.
  SUMMARY_TOO_LONG: { fr: 'Le résumé ne doit pas dépasser 1 000 caractères.', en: 'The summary must not exceed 1,000 characters.' },
  MARKDOWN_TOO_LONG: { fr: 'Le texte ne doit pas dépasser 100 000 caractères.', en: 'The text must not exceed 100,000 characters.' },
  THEME_REQUIRED: { fr: 'Choisissez au moins un thème.', en: 'Choose at least one theme.' },
  UNKNOWN_PROJECT_STAGE: { fr: 'Étape de projet inconnue.', en: 'Unknown project stage.' },
  BUDGET_NEGATIVE: { fr: 'Le budget ne peut pas être négatif.', en: 'The budget cannot be negative.' },
  BUDGET_TOO_HIGH: { fr: 'Le budget est trop élevé.', en: 'The budget is too high.' },
  TITLE_LENGTH: { fr: 'Le titre doit comporter entre {min} et {max} caractères.', en: 'The title must be between {min} and {max} characters long.' },
  INVALID_PARENT_PAGE: { fr: 'Page parente invalide.', en: 'Invalid parent page.' },
  REASON_REQUIRED: { fr: 'Indiquez la raison (au moins 3 caractères).', en: 'Give the reason (at least 3 characters).' },
  TOO_MANY_VENDORS: { fr: 'Au plus 30 fournisseurs ou logiciels.', en: 'At most 30 vendors or software products.' },
} as const;
