import { dissolve, signedArea } from './dissolve';

// Two unit squares side by side share the border x = 1.
const left = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};
const right = {
  type: 'Polygon',
  coordinates: [
    [
      [1, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 0],
    ],
  ],
};

describe('dissolve', () => {
  it('removes the shared border: one ring around both, area 2', () => {
    const { geometry, method } = dissolve([left, right]);
    expect(method).toBe('dissolved');
    expect(geometry.type).toBe('Polygon');
    const ring = (geometry.coordinates as number[][][])[0];
    expect(Math.abs(signedArea(ring))).toBeCloseTo(2);
    expect(ring.some(([x, y]) => x === 1 && y > 0 && y < 1)).toBe(false);
    expect(new Set(ring.map((p) => p.join(','))).size).toBe(6);
  });

  it('works whatever the winding of each part', () => {
    const reversed = { type: 'Polygon', coordinates: [[...right.coordinates[0]].reverse()] };
    expect(dissolve([left, reversed]).method).toBe('dissolved');
  });

  it('keeps the polygons side by side when they share no border', () => {
    const far = {
      type: 'Polygon',
      coordinates: [
        [
          [5, 5],
          [6, 5],
          [6, 6],
          [5, 6],
          [5, 5],
        ],
      ],
    };
    const { geometry, method } = dissolve([left, far]);
    expect(method).toBe('multipolygon');
    expect(geometry.type).toBe('MultiPolygon');
    expect(geometry.coordinates).toHaveLength(2);
  });

  it('keeps a hole left by a ring of communes around another', () => {
    // Eight unit squares around the centre square (1..2, 1..2) of a 3×3 grid.
    const cells = [];
    for (let x = 0; x < 3; x++)
      for (let y = 0; y < 3; y++)
        if (x !== 1 || y !== 1)
          cells.push({
            type: 'Polygon',
            coordinates: [
              [
                [x, y],
                [x + 1, y],
                [x + 1, y + 1],
                [x, y + 1],
                [x, y],
              ],
            ],
          });
    const { geometry, method } = dissolve(cells);
    expect(method).toBe('dissolved');
    const polygon = geometry.coordinates as number[][][];
    expect(polygon).toHaveLength(2);
    expect(Math.abs(signedArea(polygon[0]))).toBeCloseTo(9);
    expect(Math.abs(signedArea(polygon[1]))).toBeCloseTo(1);
  });
});
