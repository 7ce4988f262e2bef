import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataSourceInfo } from '../../benchmark/models/comparison.model';
import { TerritoryKind } from '../../territories/territory-kind';

export enum MapLevel {
  COMMUNE = 'COMMUNE',
  EPCI = 'EPCI',
}
registerEnumType(MapLevel, { name: 'MapLevel', description: 'COMMUNE: one area per commune. EPCI: one area per EPCI, drawn from its member communes.' });

@ObjectType({ description: 'One area of a map: a commune or an EPCI, already projected to an SVG path.' })
export class MapArea {
  @Field(() => ID)
  code: string;

  @Field()
  name: string;

  @Field(() => TerritoryKind)
  kind: TerritoryKind;

  @Field({ description: 'SVG path data in the map’s viewBox (0 0 width height).' })
  d: string;

  @Field(() => Float, { nullable: true, description: 'The mapped value (indicator value, open blockers); null: no data.' })
  value: number | null;

  @Field(() => Int, { nullable: true, description: 'Quantile class of the value, 0 (lowest) to 4; null without a value.' })
  classIndex: number | null;

  @Field({ description: 'The territory the map is about (or, on an EPCI map, the EPCI of that commune).' })
  highlighted: boolean;

  @Field({ description: 'One of the compared peers.' })
  peer: boolean;
}

@ObjectType({ description: 'A class of the legend: values from min to max (inclusive).' })
export class MapLegendClass {
  @Field(() => Int)
  index: number;

  @Field(() => Float)
  min: number;

  @Field(() => Float)
  max: number;

  @Field(() => Int, { description: 'Areas in the class.' })
  count: number;
}

@ObjectType({ description: 'Where the outlines come from.' })
export class MapOutlineSource {
  @Field()
  name: string;

  @Field()
  licence: string;

  @Field()
  vintage: string;
}

@ObjectType({ description: 'A map of a département rendered on the server: inline SVG paths, no tiles.' })
export class TerritoryMap {
  @Field(() => Int)
  width: number;

  @Field(() => Int)
  height: number;

  @Field(() => MapLevel)
  level: MapLevel;

  @Field({ description: 'Code of the département drawn.' })
  departementCode: string;

  @Field()
  departementName: string;

  @Field(() => String, { nullable: true, description: 'Code of the mapped indicator (choropleths of a comparison).' })
  indicatorCode: string | null;

  @Field(() => [MapArea], { description: 'By name.' })
  areas: MapArea[];

  @Field(() => [MapLegendClass], { description: 'Quantile classes (at most 5), lowest first; empty on a location map.' })
  legend: MapLegendClass[];

  @Field(() => Int, { description: 'Areas without a value.' })
  noDataCount: number;

  @Field(() => [String], { description: 'Communes of the département without an outline (not drawn).' })
  missingOutlines: string[];

  @Field(() => [MapOutlineSource], { description: 'Where the outlines come from.' })
  sources: MapOutlineSource[];

  @Field(() => [DataSourceInfo], { description: 'Where the mapped values come from (choropleths of an indicator; empty otherwise), demo last.' })
  valueSources: DataSourceInfo[];

  @Field({ description: 'True when the mapped values are generated demonstration figures, not statistics: the legend must say so.' })
  isDemo: boolean;
}
