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
}

@ObjectType()
export class FacetValue {
  @Field()
  value: string;

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
  @Field(() => [SearchHit])
  hits: SearchHit[];

  @Field(() => Int, { description: 'Number of matching documents (an estimate above 10 000 on Meilisearch).' })
  total: number;

  @Field(() => [Facet], { description: 'Counts per type, theme, territory and stage among the matching documents.' })
  facets: Facet[];

  @Field({ description: '"meilisearch", or the fallback that answered: "sqlite-fts5" or "postgres-fts".' })
  engine: string;

  @Field({ description: 'True while a bulk indexing runs (first indexing of the territories, a full rebuild): some documents may be missing from the answer for now.' })
  indexing: boolean;
}
