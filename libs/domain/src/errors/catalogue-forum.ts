/** The forum: threads, posts, their edits, reactions and moderation. */
export const FORUM_ERRORS = {
  POST_NOT_FOUND: { fr: 'Message introuvable.', en: 'Post not found.' },
  CATEGORY_NOT_FOUND: { fr: 'Catégorie introuvable.', en: 'Category not found.' },
  POST_EDITORS_ONLY: {
    fr: "Seul·e l'auteur·rice du message (ou la modération) peut le modifier.",
    en: 'Only the author of the post (or the moderators) can edit it.',
  },
  HIDDEN_POST: {
    fr: 'Ce message a été masqué par la modération : il ne peut plus être modifié.',
    en: 'This post has been hidden by the moderators: it can no longer be edited.',
  },
  THREAD_LOCKED: {
    fr: "Ce sujet est verrouillé par la modération : il n'accepte plus de réponses ni de modifications.",
    en: 'This thread has been locked by the moderators: it no longer accepts replies or edits.',
  },
  POST_REVISION_CONFLICT: {
    fr: "Ce message a été modifié entre-temps (révision {currentRevision}, vous partiez de la révision {baseRevision}). Votre texte n'a été ni enregistré ni perdu : comparez-le avec la version actuelle avant d'enregistrer à nouveau.",
    en: 'This post was changed meanwhile (revision {currentRevision}, you started from revision {baseRevision}). Your text was neither saved nor lost: compare it with the current version before saving again.',
  },
  QUOTE_OUTSIDE_THREAD: { fr: 'Le message cité doit appartenir à ce sujet.', en: 'The quoted post must belong to this thread.' },
  QUOTE_OF_HIDDEN_POST: { fr: 'On ne peut pas citer un message masqué par la modération.', en: 'A post hidden by the moderators cannot be quoted.' },
  ACCEPTERS_ONLY: {
    fr: "Seul·e l'auteur·rice du sujet (ou la modération) peut accepter une réponse.",
    en: 'Only the author of the thread (or the moderators) can accept an answer.',
  },
  FIRST_POST_AS_ANSWER: {
    fr: 'Le premier message du sujet ne peut pas être sa propre réponse.',
    en: 'The first post of a thread cannot be its own answer.',
  },
  HIDDEN_POST_AS_ANSWER: {
    fr: 'Un message masqué par la modération ne peut pas être la réponse acceptée.',
    en: 'A post hidden by the moderators cannot be the accepted answer.',
  },
  PROJECT_THREAD_EXISTS: {
    fr: 'Ce projet a déjà sa discussion : répondez dans ce sujet plutôt que d’en ouvrir un autre.',
    en: 'This project already has its discussion: reply in that thread rather than opening another one.',
  },
  POST_HISTORY_RESTRICTED: {
    fr: "L'historique d'un message est réservé à son auteur·rice et à la modération.",
    en: 'The history of a post is only for its author and the moderators.',
  },
  OWN_POST_HELPFUL: { fr: 'Vous ne pouvez pas marquer votre propre message comme utile.', en: 'You cannot mark your own post as helpful.' },
  OWN_POST_FLAG: { fr: 'Vous ne pouvez pas signaler votre propre message.', en: 'You cannot report your own post.' },
  HIDDEN_POST_REACTION: {
    fr: 'Ce message a été masqué par la modération : on ne peut plus y réagir.',
    en: 'This post has been hidden by the moderators: it can no longer be reacted to.',
  },
  LINKS_RESERVED: {
    fr: "Les liens sont réservés aux comptes qui ont déjà participé ({posts} messages ou {days} jours d'ancienneté). Retirez le lien ou réessayez plus tard.",
    en: 'Links are for accounts that have already taken part ({posts} posts or {days} days since sign-up). Remove the link or try again later.',
  },
  POSTING_TOO_FAST: {
    fr: 'Vous publiez trop vite. Réessayez dans {seconds} seconde(s) (limite anti-spam des messages du forum).',
    en: 'You are posting too fast. Try again in {seconds} second(s) (anti-spam limit of forum posts).',
  },
  // Argument validation (DTO decorators, text rules, scalars): see apps/api/src/common/validation/problem.ts.
  INVALID_CATEGORY: { fr: 'Catégorie invalide.', en: 'Invalid category.' },
  POST_BODY_LENGTH: { fr: 'Le message doit contenir entre {min} et {max} caractères.', en: 'The message must contain between {min} and {max} characters.' },
  THREAD_TITLE_LENGTH: { fr: 'Le titre doit contenir entre {min} et {max} caractères.', en: 'The title must contain between {min} and {max} characters.' },
  POST_EMPTY: { fr: 'Le message ne peut pas être vide.', en: 'The message cannot be empty.' },
  INVALID_PROJECT: { fr: 'Projet invalide.', en: 'Invalid project.' },
  REPORT_REASON_LENGTH: { fr: 'Le motif doit contenir entre 3 et 500 caractères.', en: 'The reason must contain between 3 and 500 characters.' },
  REPORT_REASON_REQUIRED: { fr: 'Indiquez un motif.', en: 'Give a reason.' },
  UNKNOWN_THREAD_SORT: { fr: 'Tri inconnu : LATEST, TOP ou UNANSWERED.', en: 'Unknown sort order: LATEST, TOP or UNANSWERED.' },
  INVALID_BASE_REVISION: { fr: 'Révision de base invalide.', en: 'Invalid base revision.' },
  INVALID_THREAD_ID: { fr: 'Identifiant de sujet invalide.', en: 'Invalid thread identifier.' },
  UNKNOWN_CATEGORY: { fr: 'Catégorie inconnue.', en: 'Unknown category.' },
} as const;
