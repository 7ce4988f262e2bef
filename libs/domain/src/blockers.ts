/** The contract's `BlockerCategory` enum with French labels and the resources/political split. */
export const BLOCKER_CATEGORIES = [
  'POLITICAL_BACKING',
  'FUNDING',
  'SKILLS_STAFF',
  'VENDOR_DEPENDENCY',
  'PUBLIC_PROCUREMENT',
  'INFRASTRUCTURE',
  'DATA_PRIVACY_SECURITY',
  'ACCULTURATION',
  'DIGITAL_DIVIDE',
  'GOVERNANCE',
  'LEGAL',
] as const;

export type BlockerCategory = (typeof BLOCKER_CATEGORIES)[number];

export const BLOCKER_CATEGORY_LABELS_FR = {
  POLITICAL_BACKING: 'Portage politique',
  FUNDING: 'Financement',
  SKILLS_STAFF: 'Compétences et RH (pas de développeurs en interne)',
  VENDOR_DEPENDENCY: 'Dépendance aux prestataires et logiciels propriétaires',
  PUBLIC_PROCUREMENT: 'Commande publique',
  INFRASTRUCTURE: 'Infrastructure et connectivité',
  DATA_PRIVACY_SECURITY: 'Données, RGPD et sécurité',
  ACCULTURATION: 'Acculturation des agents et élus',
  DIGITAL_DIVIDE: 'Fracture numérique des usagers',
  GOVERNANCE: 'Gouvernance',
  LEGAL: 'Juridique',
} as const satisfies Record<BlockerCategory, string>;

/** The seminar asked to tell a lack of political backing from a lack of resources. */
export const RESOURCE_CATEGORIES: readonly BlockerCategory[] = ['FUNDING', 'SKILLS_STAFF'];

export const BLOCKER_STATUSES = ['OPEN', 'IN_PROGRESS', 'LIFTED', 'WORKED_AROUND', 'ABANDONED'] as const;
export type BlockerStatus = (typeof BLOCKER_STATUSES)[number];
export const RESOLVED_STATUSES: readonly BlockerStatus[] = ['LIFTED', 'WORKED_AROUND'];
