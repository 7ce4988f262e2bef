/** Benchmark: indicators, figures, peers, imports of open data and contours. */
export const BENCHMARK_ERRORS = {
  FIGURE_YEAR_OUT_OF_RANGE: {
    fr: 'L’année doit être comprise entre {min} et {max} (pas d’année future).',
    en: 'The year must be between {min} and {max} (no future year).',
  },
  FIGURE_YES_NO: { fr: '« {indicator} » vaut 1 (oui) ou 0 (non).', en: '"{indicator}" is 1 (yes) or 0 (no).' },
  FIGURE_BELOW_MIN: { fr: 'La valeur de « {indicator} » doit être au moins {min}{unit}.', en: 'The value of "{indicator}" must be at least {min}{unit}.' },
  FIGURE_ABOVE_MAX: { fr: 'La valeur de « {indicator} » ne peut pas dépasser {max}{unit}.', en: 'The value of "{indicator}" cannot exceed {max}{unit}.' },
  FIGURE_NEEDS_POPULATION: {
    fr: 'Population officielle inconnue pour {name} : « {indicator} » se calcule par habitant.',
    en: 'Official population unknown for {name}: "{indicator}" is computed per inhabitant.',
  },
  FIGURE_CHANGED_MEANWHILE: {
    fr: 'Une autre valeur a été saisie entre-temps pour cet indicateur et cette année. Vérifiez-la avant de la remplacer.',
    en: 'Another value was entered meanwhile for this indicator and this year. Check it before replacing it.',
  },
  INDICATOR_NOT_FOUND: { fr: 'Indicateur « {code} » introuvable.', en: 'Indicator "{code}" not found.' },
  INDICATOR_MIN_ABOVE_MAX: {
    fr: 'La valeur minimale doit être inférieure ou égale à la valeur maximale.',
    en: 'The minimum value must be less than or equal to the maximum value.',
  },
  INDICATOR_CODE_TAKEN: { fr: 'Un indicateur de code « {code} » existe déjà.', en: 'An indicator with code "{code}" already exists.' },
  TERRITORY_EDITORS_ONLY: {
    fr: 'Vous ne pouvez saisir des données que pour un territoire dont vous êtes membre vérifié·e (pas pour {territoryCode}) ; les modérateurs et administrateurs peuvent saisir pour tous.',
    en: 'You can only enter data for a territory you are a verified member of (not for {territoryCode}); moderators and administrators can enter data for all.',
  },
  PEER_LIST_SIGN_IN: { fr: 'Connectez-vous pour utiliser une liste de pairs enregistrée.', en: 'Sign in to use a saved peer list.' },
  PEER_LIST_NOT_FOUND: { fr: 'Liste de pairs introuvable.', en: 'Peer list not found.' },
  PEER_LIST_OF_OTHER_ACCOUNT: { fr: 'Cette liste de pairs appartient à un autre compte.', en: 'This peer list belongs to another account.' },
  UNKNOWN_TERRITORIES: { fr: 'Territoire(s) inconnu(s) : {codes}.', en: 'Unknown territory(ies): {codes}.' },
  TOO_MANY_PEER_LISTS: {
    fr: 'Vous avez déjà {max} listes de pairs : supprimez-en une d’abord.',
    en: 'You already have {max} peer lists: delete one first.',
  },
  PEER_LIST_SAVED_MEANWHILE: {
    fr: 'Une liste « {name} » vient d’être enregistrée : rechargez la page avant de la remplacer.',
    en: 'A list "{name}" has just been saved: reload the page before replacing it.',
  },
  PEERS_CUSTOM_ONLY: {
    fr: '« peerCodes » et « peerListId » ne s’utilisent qu’avec le groupe CUSTOM.',
    en: '"peerCodes" and "peerListId" are only used with the CUSTOM group.',
  },
  PEERS_POPULATION_BAND_ONLY: {
    fr: '« departements » et « scope » ne s’utilisent qu’avec le groupe POPULATION_BAND.',
    en: '"departements" and "scope" are only used with the POPULATION_BAND group.',
  },
  COMMUNE_WITHOUT_EPCI: {
    fr: '{name} n’appartient à aucun EPCI : choisissez un autre groupe de comparaison.',
    en: '{name} belongs to no EPCI: choose another comparison group.',
  },
  SAME_EPCI_COMMUNES_ONLY: {
    fr: 'Le groupe « même EPCI » compare une commune aux autres communes de son EPCI : choisissez une commune, ou un autre groupe.',
    en: 'The "same EPCI" group compares a commune with the other communes of its EPCI: choose a commune, or another group.',
  },
  NO_DEPARTEMENT: {
    fr: '{name} n’a pas de département : choisissez « toute la France ».',
    en: '{name} has no département: choose "all of France".',
  },
  UNKNOWN_POPULATION: {
    fr: 'Population officielle inconnue pour {name} : impossible de trouver sa strate.',
    en: 'Official population unknown for {name}: its size band cannot be found.',
  },
  PEER_CODES_OR_LIST: {
    fr: 'Donnez soit « peerCodes », soit « peerListId », pas les deux.',
    en: 'Give either "peerCodes" or "peerListId", not both.',
  },
  NO_PEERS: {
    fr: 'Choisissez au moins un territoire de comparaison (autre que celui comparé).',
    en: 'Choose at least one territory to compare with (other than the one compared).',
  },
  IMPORT_NOT_FOUND: { fr: 'Import {id} introuvable.', en: 'Import {id} not found.' },
  DATA_SOURCE_NOT_FOUND: {
    fr: 'Source de données « {key} » (connues : {known}) introuvable.',
    en: 'Data source "{key}" (known: {known}) not found.',
  },
  INVALID_VINTAGE: {
    fr: 'Millésime invalide « {vintage} » (exemples : 2024, 2024-T4, 2025-06-30).',
    en: 'Invalid vintage "{vintage}" (examples: 2024, 2024-Q4, 2025-06-30).',
  },
  VINTAGE_REFUSED: { fr: 'Millésime {vintage} refusé. {problem}', en: 'Vintage {vintage} refused. {problem}' },
  IMPORT_RUNNING: { fr: 'Un import « {key} » est déjà en cours ; attendez sa fin.', en: 'An import "{key}" is already running; wait for it to finish.' },
  CONTOURS_FILE_NOT_FOUND: { fr: 'Fichier introuvable : {path}', en: 'File not found: {path}' },
  CONTOURS_VINTAGE_UNKNOWN: {
    fr: 'Millésime inconnu : précisez-le (--vintage 2024) ou gardez l’année dans le nom du fichier.',
    en: 'Unknown vintage: give it (--vintage 2024) or keep the year in the file name.',
  },
  CONTOURS_VINTAGE_INVALID: { fr: 'Millésime invalide : « {vintage} ».', en: 'Invalid vintage: "{vintage}".' },
  CONTOURS_FEATURE_WITHOUT_CODE: {
    fr: 'Entité n° {index} sans code INSEE (propriété « code » attendue).',
    en: 'Feature no. {index} without an INSEE code (property "code" expected).',
  },
  CONTOURS_FEATURE_GEOMETRY: {
    fr: 'Entité n° {index} (code {code}) : géométrie {geometry}, Polygon ou MultiPolygon attendu.',
    en: 'Feature no. {index} (code {code}): geometry {geometry}, Polygon or MultiPolygon expected.',
  },
  CONTOURS_DUPLICATE_CODE: { fr: 'Le code {code} apparaît deux fois dans le fichier.', en: 'The code {code} appears twice in the file.' },
  CONTOURS_FEATURE_INVALID: { fr: 'Entité n° {index} : {problem}', en: 'Feature no. {index}: {problem}' },
  CONTOURS_FILE_INVALID: { fr: '{problem}', en: '{problem}' },
  // Argument validation (DTO decorators, text rules, scalars): see apps/api/src/common/validation/problem.ts.
  INVALID_INDICATOR_CODE: { fr: 'Code d’indicateur invalide.', en: 'Invalid indicator code.' },
  VALUE_NOT_A_NUMBER: { fr: 'La valeur doit être un nombre.', en: 'The value must be a number.' },
  VALUE_OUT_OF_RANGE: { fr: 'Valeur hors limites.', en: 'Value out of range.' },
  SOURCE_TOO_LONG: { fr: 'La source ne doit pas dépasser {max} caractères.', en: 'The source must not exceed {max} characters.' },
  INVALID_VALUE_ID: { fr: 'Identifiant de valeur invalide.', en: 'Invalid value identifier.' },
  CSV_TOO_LARGE: { fr: 'Le fichier CSV est trop volumineux (900 000 caractères au plus).', en: 'The CSV file is too large (900,000 characters at most).' },
  TERRITORY_REQUIRED: { fr: 'Choisissez au moins un territoire.', en: 'Choose at least one territory.' },
  TOO_MANY_TERRITORIES_IN_LIST: { fr: 'Au plus {max} territoires par liste.', en: 'At most {max} territories per list.' },
  INVALID_TERRITORY_CODE_IN_LIST: { fr: 'Code de territoire invalide dans la liste.', en: 'Invalid territory code in the list.' },
  INVALID_PEER_LIST: { fr: 'Liste de pairs invalide.', en: 'Invalid peer list.' },
  PEER_LIST_NAME_LENGTH: {
    fr: 'Le nom de la liste doit comporter entre {min} et {max} caractères.',
    en: 'The name of the list must be between {min} and {max} characters long.',
  },
  INDICATOR_CODE_FORMAT: {
    fr: 'Le code doit comporter 2 à 40 caractères : majuscules, chiffres et « _ », en commençant par une lettre.',
    en: 'The code must have 2 to 40 characters: capital letters, digits and "_", starting with a letter.',
  },
  NAME_LENGTH: { fr: 'Le nom doit comporter entre {min} et {max} caractères.', en: 'The name must be between {min} and {max} characters long.' },
  UNIT_REQUIRED: { fr: 'L’unité est obligatoire (40 caractères au plus).', en: 'The unit is required (40 characters at most).' },
  INPUT_UNIT_TOO_LONG: { fr: 'L’unité de saisie ne doit pas dépasser 40 caractères.', en: 'The input unit must not exceed 40 characters.' },
  DESCRIPTION_TOO_LONG: { fr: 'La description ne doit pas dépasser 2 000 caractères.', en: 'The description must not exceed 2,000 characters.' },
  INVALID_PER_INHABITANTS: {
    fr: 'perInhabitants doit valoir 1, 100, 1 000, 10 000 ou 100 000.',
    en: 'perInhabitants must be 1, 100, 1,000, 10,000 or 100,000.',
  },
  UNKNOWN_PEER_GROUP: { fr: 'Groupe de pairs inconnu.', en: 'Unknown peer group.' },
  TOO_MANY_COMPARISON_TERRITORIES: { fr: 'Au plus {max} territoires de comparaison.', en: 'At most {max} comparison territories.' },
  INVALID_TERRITORY_CODE_IN_PEERS: { fr: 'Code de territoire invalide dans la liste des pairs.', en: 'Invalid territory code in the list of peers.' },
  UNKNOWN_PEER_SCOPE: { fr: 'Périmètre de comparaison inconnu.', en: 'Unknown comparison scope.' },
  SCORE_NOT_INTEGER: { fr: 'Le score doit être un nombre entier.', en: 'The score must be a whole number.' },
  SCORE_OUT_OF_RANGE: { fr: 'Le score doit être compris entre {min} et {max}.', en: 'The score must be between {min} and {max}.' },
  JUSTIFICATION_TOO_SHORT: { fr: 'La justification doit comporter au moins 10 caractères.', en: 'The justification must be at least 10 characters long.' },
  JUSTIFICATION_TOO_LONG: { fr: 'La justification ne doit pas dépasser 2 000 caractères.', en: 'The justification must not exceed 2,000 characters.' },
  INVALID_IMPORT_ID: { fr: 'Import invalide.', en: 'Invalid import.' },
} as const;
