import { geoConicConformal, geoPath } from 'd3-geo';
import type { PolygonCoords } from '../contours/dissolve';
import { polygonsOf, signedArea } from '../contours/dissolve';

export interface ShapeToDraw {
  code: string;
  geometry: { type: string; coordinates: unknown };
}

export interface DrawnShape {
  code: string;
  /** SVG path data in the map's own coordinates (0…width, 0…height). */
  d: string;
}

/**
 * d3-geo works on the sphere and reads a polygon's exterior ring clockwise (the opposite of
 * RFC 7946): a ring the other way round means "the whole globe except this commune" and fills
 * the map. Every ring is rewound here, whatever the file said.
 */
export function rewindForD3(geometry: { type: string; coordinates: unknown }): { type: 'MultiPolygon'; coordinates: PolygonCoords[] } {
  const polygons = polygonsOf(geometry).map((polygon) =>
    polygon.map((ring, index) => {
      const clockwise = signedArea(ring) < 0;
      return (index === 0) === clockwise ? ring : [...ring].reverse();
    }),
  );
  return { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Projects outlines to SVG paths with a conformal conic projection centred on France (the shape
 * of Lambert-93, the official French projection), fitted to the box. Coordinates rounded to
 * 0.1 unit: invisible at this size and a third of the text.
 */
export function drawShapes(shapes: ShapeToDraw[], width: number, height: number, margin = 4): DrawnShape[] {
  const features = shapes.map((s) => ({ type: 'Feature' as const, properties: { code: s.code }, geometry: rewindForD3(s.geometry) }));
  if (features.length === 0) return [];
  const projection = geoConicConformal()
    .parallels([44, 49])
    .rotate([-3, 0])
    .fitExtent(
      [
        [margin, margin],
        [width - margin, height - margin],
      ],
      { type: 'FeatureCollection', features },
    );
  const path = geoPath(projection).digits(1);
  return features.map((f) => ({ code: f.properties.code, d: path(f) ?? '' }));
}

/** Height for a given width that keeps the area's proportions (projected bounds). */
export function fittedHeight(shapes: ShapeToDraw[], width: number): number {
  const features = shapes.map((s) => ({ type: 'Feature' as const, properties: {}, geometry: rewindForD3(s.geometry) }));
  if (features.length === 0) return width;
  const projection = geoConicConformal().parallels([44, 49]).rotate([-3, 0]).fitWidth(width, { type: 'FeatureCollection', features });
  const [[, y0], [, y1]] = geoPath(projection).bounds({ type: 'FeatureCollection', features });
  return Math.max(100, Math.min(Math.round(width * 1.5), Math.ceil(y1 - y0)));
}
