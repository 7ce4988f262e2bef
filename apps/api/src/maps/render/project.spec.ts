import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawShapes, fittedHeight } from './project';

const file = join(__dirname, '..', '..', 'geo', 'data', 'communes-91-essonne-2018.geojson');

describe('drawShapes (d3-geo)', () => {
  it('projects the Essonne into the box, one closed path per commune, whatever the winding', () => {
    const features = JSON.parse(readFileSync(file, 'utf8')).features as {
      properties: { code: string };
      geometry: { type: string; coordinates: number[][][] };
    }[];
    // Half of them wound the other way round: d3 would otherwise fill the whole globe for those.
    const shapes = features.map((f, i) => ({
      code: f.properties.code,
      geometry: i % 2 ? { type: 'Polygon', coordinates: f.geometry.coordinates.map((r) => [...r].reverse()) } : f.geometry,
    }));
    const height = fittedHeight(shapes, 600);
    expect(height).toBeGreaterThan(400);
    const drawn = drawShapes(shapes, 600, height);
    expect(drawn).toHaveLength(196);
    for (const { d } of drawn) {
      expect(d).toMatch(/^M[\d.]+,[\d.]+L.*Z$/);
      const numbers = d.match(/-?[\d.]+/g)!.map(Number);
      // No path runs outside the box (a globe-sized polygon would cover it from edge to edge).
      expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...numbers.filter((_, i) => i % 2 === 0))).toBeLessThanOrEqual(600);
    }
    const evry = drawn.find((s) => s.code === '91228')!;
    expect(evry.d.length).toBeLessThan(600);
  });
});
