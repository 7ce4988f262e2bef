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
  /** Argument validation: the sentences of each field, joined (each field's own reason is in `fields`). */
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
  // Argument validation (DTO decorators, text rules, scalars): see apps/api/src/common/validation/problem.ts.
  INVALID_VALUE: { fr: 'Valeur invalide pour « {field} » ({detail}).', en: 'Invalid value for "{field}" ({detail}).' },
  INVALID_ID: { fr: 'Identifiant invalide.', en: 'Invalid identifier.' },
  INVALID_ID_OF: { fr: 'Identifiant invalide ({what}).', en: 'Invalid identifier ({what}).' },
  INVALID_ID_FOR: { fr: 'Identifiant invalide pour « {label} ».', en: 'Invalid identifier for "{label}".' },
  INVALID_PROJECT_ID: { fr: 'Identifiant de projet invalide.', en: 'Invalid project identifier.' },
  INVALID_TERRITORY_CODE: { fr: 'Code de territoire invalide.', en: 'Invalid territory code.' },
  INVALID_TERRITORY_CODE_ANY: {
    fr: 'Code de territoire invalide (code INSEE, SIREN ou code de département).',
    en: 'Invalid territory code (INSEE code, SIREN or département code).',
  },
  INVALID_TERRITORY_CODE_EXAMPLES: {
    fr: 'Code de territoire invalide (exemples : 91223, 200056232).',
    en: 'Invalid territory code (examples: 91223, 200056232).',
  },
  INVALID_DEPARTEMENT_CODE: { fr: 'Code de département invalide (exemples : 91, 2A, 971).', en: 'Invalid département code (examples: 91, 2A, 971).' },
  INVALID_EPCI_CODE: { fr: 'Code EPCI invalide (SIREN à 9 chiffres).', en: 'Invalid EPCI code (9-digit SIREN).' },
  UNKNOWN_THEME: { fr: 'Thème inconnu.', en: 'Unknown theme.' },
  UNKNOWN_SORT: { fr: 'Tri inconnu.', en: 'Unknown sort order.' },
  COMMENT_TOO_LONG: { fr: 'Le commentaire ne doit pas dépasser {max} caractères.', en: 'The comment must not exceed {max} characters.' },
  YEAR_OUT_OF_RANGE: { fr: 'L’année doit être comprise entre {min} et {max}.', en: 'The year must be between {min} and {max}.' },
  TEXT_LENGTH_BETWEEN: { fr: '« {label} » doit contenir entre {min} et {max} caractères.', en: '"{label}" must contain between {min} and {max} characters.' },
  TEXT_HAS_CONTROL_CHARACTER: {
    fr: '« {label} » ne peut pas contenir de caractère de contrôle (tabulation, retour à la ligne…).',
    en: '"{label}" cannot contain a control character (tab, line break…).',
  },
  TEXT_HAS_BIDI_OVERRIDE: {
    fr: "« {label} » ne peut pas contenir de caractère qui inverse le sens d'écriture.",
    en: '"{label}" cannot contain a character that reverses the writing direction.',
  },
  TEXT_NOT_VISIBLE: { fr: '« {label} » doit contenir au moins un caractère visible.', en: '"{label}" must contain at least one visible character.' },
  TEXT_HAS_ANGLE_BRACKETS: { fr: '« {label} » ne peut pas contenir les caractères < et >.', en: '"{label}" cannot contain the characters < and >.' },
  TEXT_HAS_NUL: { fr: 'Le texte envoyé contient un caractère nul (\\u0000), refusé.', en: 'The text sent contains a null character (\\u0000), refused.' },
  TEXT_HAS_LONE_SURROGATE: {
    fr: 'Le texte envoyé contient un caractère Unicode mal formé (demi-paire de substitution isolée), refusé.',
    en: 'The text sent contains a malformed Unicode character (lone surrogate half), refused.',
  },
  INVALID_DATE_TIME: {
    fr: 'Date invalide ({value}) : {why}. Format attendu : ISO 8601 avec fuseau horaire, par exemple 2026-03-14T09:00:00Z ou 2026-03-14T10:00:00+01:00.',
    en: 'Invalid date ({value}): {why}. Expected format: ISO 8601 with a time zone, for example 2026-03-14T09:00:00Z or 2026-03-14T10:00:00+01:00.',
  },
  SEARCH_QUERY_TOO_LONG: { fr: 'La recherche est limitée à 200 caractères.', en: 'Search is limited to 200 characters.' },
  UNKNOWN_CONTENT_TYPE: { fr: 'Type de contenu inconnu.', en: 'Unknown content type.' },
  SEARCH_FIRST_TOO_SMALL: { fr: 'first doit être au moins 1.', en: 'first must be at least 1.' },
  SEARCH_FIRST_TOO_LARGE: { fr: 'Au plus {max} résultats par page.', en: 'At most {max} results per page.' },
  SEARCH_OFFSET_NEGATIVE: { fr: 'offset ne peut pas être négatif.', en: 'offset cannot be negative.' },
  SEARCH_OFFSET_TOO_LARGE: {
    fr: "Impossible d'aller au-delà des {max} premiers résultats ; affinez la recherche.",
    en: 'Cannot go beyond the first {max} results; refine the search.',
  },
  UNKNOWN_FOLLOW_TARGET_TYPE: { fr: 'Type de cible inconnu : THREAD ou PROJECT.', en: 'Unknown target type: THREAD or PROJECT.' },
  INVALID_TARGET_ID: { fr: 'Identifiant de cible invalide.', en: 'Invalid target identifier.' },
  TOO_MANY_NOTIFICATIONS: { fr: 'Au plus 500 notifications à la fois.', en: 'At most 500 notifications at a time.' },
  NOTIFICATION_ID_MALFORMED: { fr: 'Identifiant de notification invalide.', en: 'Invalid notification identifier.' },
  UNKNOWN_MAP_LEVEL: { fr: 'Niveau de carte inconnu.', en: 'Unknown map level.' },
  INVALID_LANGUAGE: { fr: 'Langue invalide : fr ou en.', en: 'Invalid language: fr or en.' },
} as const;
