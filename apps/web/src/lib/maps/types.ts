import type { ResultOf } from '$lib/graphql/graphql';
import type { MapFields } from './operations';

export type MapData = ResultOf<typeof MapFields>;
export type MapAreaData = MapData['areas'][number];
/** choropleth: values in classes; location: only where the territory is. */
export type MapMode = 'choropleth' | 'location';
