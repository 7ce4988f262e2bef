import { registerEnumType } from '@nestjs/graphql';

export enum TerritoryKind {
  COMMUNE = 'COMMUNE',
  EPCI = 'EPCI',
  DEPARTEMENT = 'DEPARTEMENT',
  REGION = 'REGION',
}

registerEnumType(TerritoryKind, { name: 'TerritoryKind' });

/** Région codes collide with département codes (11, 84, 93…), so régions are stored as "R" + code. */
export const regionCode = (inseeCode: string) => `R${inseeCode}`;
