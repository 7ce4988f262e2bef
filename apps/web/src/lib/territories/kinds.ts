export const TERRITORY_KINDS = ['COMMUNE', 'EPCI', 'DEPARTEMENT', 'REGION'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];
