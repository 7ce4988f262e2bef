import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { SearchDocType } from '../search-document';

export enum SearchType {
  PROJECT = 'PROJECT',
  PAGE = 'PAGE',
  THREAD = 'THREAD',
  STAKE = 'STAKE',
  TERRITORY = 'TERRITORY',
}
registerEnumType(SearchType, { name: 'SearchType', description: 'Kinds of content the search finds.' });

@ObjectType()
export class SearchHit {
  @Field(() => SearchType)
  type: SearchDocType;

  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field({ description: 'Safe HTML: escaped text where only <mark> elements highlight the matched words.' })
  snippet: string;

  @Field({ description: 'Path in the web app, e.g. /projets/telemedecine-etampes.' })
  url: string;

  @Field(() => String, { nullable: true, description: "Code of the sheet's territory (for a TERRITORY hit, its own code)." })
  territoryCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Name of the sheet's territory (commune, EPCI or département), to tell apart two sheets with the same title. Null for a TERRITORY hit.",
  })
  territoryName?: string | null;

  @Field(() => Date, { nullable: true, description: 'Last change of the content; null for territories.' })
  updatedAt?: Date | null;
}

@ObjectType()
export class FacetValue {
  @Field()
  value: string;

  @Field(() => String, { nullable: true, description: 'What to show for the value when it is a code: the territory name for the territoryCode facet.' })
  label?: string | null;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class Facet {
  @Field({ description: 'type, themes, territoryCode or stage.' })
  field: string;

  @Field(() => [FacetValue])
  values: FacetValue[];
}

@ObjectType()
export class SearchResult {
  @Field(() => [SearchHit], {
    description: 'Content (sheets, pages, topics, stakes), best first. Territories are in `territories` unless only TERRITORY is asked for.',
  })
  hits: SearchHit[];

  @Field(() => [SearchHit], {
    description:
      "A short group (at most 5, 3 when content matched) of territories matching the query, the viewer's département first among equals; on the first page only.",
  })
  territories: SearchHit[];

  @Field(() => Int, { description: 'Number of matching documents (an estimate above 10 000 on Meilisearch).' })
  total: number;

  @Field(() => [Facet], { description: 'Counts per type, theme, territory and stage among the matching documents.' })
  facets: Facet[];

  @Field({ description: '"meilisearch", or the fallback that answered: "sqlite-fts5" or "postgres-fts".' })
  engine: string;

  @Field({
    description: 'True while a bulk indexing runs (first indexing of the territories, a full rebuild): some documents may be missing from the answer for now.',
  })
  indexing: boolean;
}
