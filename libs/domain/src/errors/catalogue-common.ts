/** Errors of the API itself: access, limits, pagination, the machine (disk, database, search). */
export const COMMON_ERRORS = {
  UNAUTHENTICATED: { fr: 'Vous devez être connecté·e pour faire cela.', en: 'You must be signed in to do this.' },
  FORBIDDEN: { fr: "Vous n'avez pas les droits nécessaires pour faire cela.", en: 'You do not have the rights needed to do this.' },
  RATE_LIMITED: { fr: 'Trop de tentatives. Réessayez dans {wait}.', en: 'Too many attempts. Try again in {wait}.' },
  EMAIL_CHANGES_RATE_LIMITED: {
    fr: 'Trop de demandes de changement d’adresse pour ce compte. Réessayez dans {wait}.',
    en: 'Too many address change requests for this account. Try again in {wait}.',
  },
  VERIFICATION_RESENDS_RATE_LIMITED: {
    fr: 'Trop de liens de confirmation demandés pour ce compte. Réessayez dans {wait}.',
    en: 'Too many confirmation links requested for this account. Try again in {wait}.',
  },
  INTERNAL_ERROR: { fr: 'Une erreur interne est survenue. Elle a été enregistrée.', en: 'An internal error occurred. It has been logged.' },
  /** Argument validation: the sentences of each field, joined (class-validator messages are French). */
  INVALID_INPUT: { fr: '{problems}', en: '{problems}' },
  TOO_MANY_VARIABLE_ERRORS: {
    fr: 'Trop de valeurs invalides dans les variables : les 50 premières sont signalées.',
    en: 'Too many invalid values in the variables: the first 50 are reported.',
  },
  QUERY_TOO_DEEP: {
    fr: "Requête trop profonde : {found} niveaux d'imbrication, {limit} au maximum (query depth limit).",
    en: 'Query too deep: {found} levels of nesting, {limit} at most (query depth limit).',
  },
  QUERY_TOO_MANY_ALIASES: {
    fr: 'Requête refusée : {found} alias, {limit} au maximum (aliases limit).',
    en: 'Query refused: {found} aliases, {limit} at most (aliases limit).',
  },
  QUERY_TOO_COSTLY: {
    fr: 'Requête trop coûteuse : coût {found}, {limit} au maximum (query cost limit).',
    en: 'Query too costly: cost {found}, {limit} at most (query cost limit).',
  },
  QUERY_TOO_COSTLY_UNMEASURED: {
    fr: 'Requête trop coûteuse : {limit} au maximum (query cost limit).',
    en: 'Query too costly: {limit} at most (query cost limit).',
  },
  QUERY_TOO_MANY_DIRECTIVES: { fr: 'Requête refusée : {found} directives, {limit} au maximum.', en: 'Query refused: {found} directives, {limit} at most.' },
  QUERY_TOO_MANY_TOKENS: { fr: 'Requête trop longue : {found} éléments, {limit} au maximum.', en: 'Query too long: {found} tokens, {limit} at most.' },
  QUERY_TOO_LONG: { fr: 'Requête trop longue : plus de {limit} éléments (tokens), refusée.', en: 'Query too long: more than {limit} tokens, refused.' },
  INVALID_PAGINATION_CURSOR: { fr: 'Curseur de pagination invalide.', en: 'Invalid pagination cursor.' },
  PAGE_SIZE_OUT_OF_RANGE: { fr: '« first » doit être compris entre 0 et {max}.', en: '"first" must be between 0 and {max}.' },
  DISK_FULL: {
    fr: "Le serveur manque d'espace disque : votre modification n'a pas été enregistrée. Réessayez plus tard ; si cela dure, prévenez l'administrateur.",
    en: 'The server is out of disk space: your change was not saved. Try again later; if it lasts, tell the administrator.',
  },
  DISK_FAILING: {
    fr: "Le disque du serveur ne répond pas correctement : votre modification n'a pas été enregistrée. Réessayez plus tard ; si cela dure, prévenez l'administrateur.",
    en: "The server's disk is not responding properly: your change was not saved. Try again later; if it lasts, tell the administrator.",
  },
  READ_ONLY: {
    fr: "Le serveur est momentanément en lecture seule : votre modification n'a pas été enregistrée. Réessayez plus tard.",
    en: 'The server is read-only for the moment: your change was not saved. Try again later.',
  },
  DATABASE_BUSY: {
    fr: "La base de données est trop occupée pour le moment : votre modification n'a pas été enregistrée. Réessayez dans un instant.",
    en: 'The database is too busy for the moment: your change was not saved. Try again in a moment.',
  },
  DATABASE_DOWN: {
    fr: 'La base de données est momentanément injoignable. Réessayez dans un instant.',
    en: 'The database cannot be reached for the moment. Try again in a moment.',
  },
  DATABASE_TOO_SLOW: {
    fr: 'La base de données a mis trop de temps à répondre. Réessayez dans un instant.',
    en: 'The database took too long to answer. Try again in a moment.',
  },
  SEARCH_UNAVAILABLE: {
    fr: 'La recherche est momentanément indisponible. Réessayez dans un instant.',
    en: 'Search is unavailable for the moment. Try again in a moment.',
  },
  INVALID_FOLLOW_TARGET_ID: { fr: 'Identifiant invalide pour la cible suivie.', en: 'Invalid identifier for the followed item.' },
  INVALID_NOTIFICATION_ID: { fr: 'Identifiant invalide pour la notification.', en: 'Invalid identifier for the notification.' },
  FOLLOW_TYPE_UNSUPPORTED: {
    fr: 'On ne peut pas encore suivre ce type de contenu ({targetType}).',
    en: 'This kind of content cannot be followed yet ({targetType}).',
  },
  THREAD_NOT_FOUND: { fr: 'Sujet introuvable.', en: 'Thread not found.' },
  PROJECT_NOT_FOUND: { fr: 'Projet introuvable.', en: 'Project not found.' },
  TERRITORY_NOT_FOUND: { fr: 'Territoire introuvable.', en: 'Territory not found.' },
  TERRITORY_CODE_NOT_FOUND: { fr: 'Territoire « {code} » introuvable.', en: 'Territory "{code}" not found.' },
  UNKNOWN_TERRITORY: { fr: 'Territoire inconnu : {code}.', en: 'Unknown territory: {code}.' },
  UNKNOWN_TERRITORY_QUOTED: { fr: 'Territoire inconnu : « {code} ».', en: 'Unknown territory: "{code}".' },
} as const;
