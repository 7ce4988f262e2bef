/** The contract's `Theme` enum with the French labels users see. */
export const THEMES = [
  'EDUCATION',
  'MOBILITY_TELEWORK',
  'DATA_OPEN_DATA',
  'DIGITAL_INCLUSION',
  'RISK_PREVENTION_SECURITY',
  'DIGITAL_IDENTITY',
  'ONLINE_SERVICES',
  'HEALTH_TELEMEDICINE',
  'AGRICULTURE',
  'TOURISM_CULTURE',
  'ECONOMIC_ATTRACTIVENESS',
  'INFRASTRUCTURE_BROADBAND',
  'PROCUREMENT_OPEN_SOURCE',
  'GOVERNANCE',
] as const;

export type Theme = (typeof THEMES)[number];

export const THEME_LABELS_FR = {
  EDUCATION: 'Éducation',
  MOBILITY_TELEWORK: 'Mobilité & télétravail',
  DATA_OPEN_DATA: 'Données & open data',
  DIGITAL_INCLUSION: 'Inclusion & médiation numérique',
  RISK_PREVENTION_SECURITY: 'Prévention des risques & sécurité',
  DIGITAL_IDENTITY: 'Identité numérique (FranceConnect)',
  ONLINE_SERVICES: 'Démarches en ligne (état civil, école, cantine)',
  HEALTH_TELEMEDICINE: 'Santé & télémédecine',
  AGRICULTURE: 'Agriculture',
  TOURISM_CULTURE: 'Tourisme & culture',
  ECONOMIC_ATTRACTIVENESS: 'Attractivité économique',
  INFRASTRUCTURE_BROADBAND: 'Infrastructures & très haut débit',
  PROCUREMENT_OPEN_SOURCE: 'Achats & logiciels libres',
  GOVERNANCE: 'Gouvernance',
} as const satisfies Record<Theme, string>;

export const THEME_LABELS_EN = {
  EDUCATION: 'Education',
  MOBILITY_TELEWORK: 'Mobility & telework',
  DATA_OPEN_DATA: 'Data & open data',
  DIGITAL_INCLUSION: 'Digital inclusion & mediation',
  RISK_PREVENTION_SECURITY: 'Risk prevention & security',
  DIGITAL_IDENTITY: 'Digital identity (FranceConnect)',
  ONLINE_SERVICES: 'Online services (civil status, school, canteen)',
  HEALTH_TELEMEDICINE: 'Health & telemedicine',
  AGRICULTURE: 'Agriculture',
  TOURISM_CULTURE: 'Tourism & culture',
  ECONOMIC_ATTRACTIVENESS: 'Economic attractiveness',
  INFRASTRUCTURE_BROADBAND: 'Infrastructure & broadband',
  PROCUREMENT_OPEN_SOURCE: 'Procurement & open source',
  GOVERNANCE: 'Governance',
} as const satisfies Record<Theme, string>;

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}
