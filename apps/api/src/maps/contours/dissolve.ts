export type Position = number[];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export interface AreaGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: PolygonCoords | PolygonCoords[];
}

export interface DissolveResult {
  geometry: AreaGeometry;
  /** "dissolved": shared borders removed; "multipolygon": polygons side by side (borders did not match). */
  method: 'dissolved' | 'multipolygon';
}

/** The polygons of a Polygon or MultiPolygon (anything else: none). */
export function polygonsOf(geometry: { type: string; coordinates: unknown } | null | undefined): PolygonCoords[] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates as PolygonCoords];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as PolygonCoords[];
  return [];
}

/** Shoelace area in the longitude/latitude plane: positive when counter-clockwise. */
export function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum / 2;
}

/** Exterior rings counter-clockwise, holes clockwise (RFC 7946's right-hand rule). */
export function rewindRfc7946(polygon: PolygonCoords): PolygonCoords {
  return polygon.map((ring, index) => {
    const ccw = signedArea(ring) > 0;
    return (index === 0) === ccw ? ring : [...ring].reverse();
  });
}

const key = (p: Position) => `${p[0]},${p[1]}`;

/**
 * Merges communes that became one (a commune nouvelle) into one geometry without their old
 * border. The outlines of one vintage come from one topology (IGN Admin Express), so a border
 * shared by two communes is the same chain of vertices walked in opposite directions: the edges
 * found in both directions are dropped and the remaining edges chained back into rings. When the
 * borders do not match exactly (outlines from different sources), the polygons are kept side by
 * side in a MultiPolygon, which still renders as one filled area.
 */
export function dissolve(geometries: { type: string; coordinates: unknown }[]): DissolveResult {
  const polygons = geometries.flatMap(polygonsOf).map(rewindRfc7946);
  const fallback: DissolveResult = { geometry: { type: 'MultiPolygon', coordinates: polygons }, method: 'multipolygon' };
  if (polygons.length <= 1) return { geometry: { type: 'Polygon', coordinates: polygons[0] ?? [] }, method: 'dissolved' };

  const edges = new Map<string, { from: Position; to: Position }[]>();
  const edgeKey = (a: Position, b: Position) => `${key(a)}>${key(b)}`;
  let shared = 0;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (let i = 0; i < ring.length - 1; i++) {
        const [a, b] = [ring[i], ring[i + 1]];
        if (key(a) === key(b)) continue;
        const reverse = edges.get(edgeKey(b, a));
        if (reverse?.length) {
          reverse.pop();
          if (reverse.length === 0) edges.delete(edgeKey(b, a));
          shared++;
          continue;
        }
        const list = edges.get(edgeKey(a, b)) ?? [];
        list.push({ from: a, to: b });
        edges.set(edgeKey(a, b), list);
      }
    }
  }
  if (shared === 0) return fallback;

  const outgoing = new Map<string, Position[]>();
  let remaining = 0;
  for (const list of edges.values()) {
    for (const { from, to } of list) {
      const targets = outgoing.get(key(from)) ?? [];
      targets.push(to);
      outgoing.set(key(from), targets);
      remaining++;
    }
  }
  const rings: Ring[] = [];
  while (remaining > 0) {
    const [startKey, targets] = [...outgoing.entries()].find(([, t]) => t.length > 0)!;
    const start = startKey.split(',').map(Number);
    const ring: Ring = [start];
    let current = startKey;
    let guard = remaining + 1;
    for (;;) {
      const next = outgoing.get(current)?.pop();
      if (!next) return fallback; // a dangling edge: borders only partly shared
      remaining--;
      ring.push(next);
      current = key(next);
      if (current === startKey) break;
      if (--guard < 0) return fallback;
    }
    void targets;
    if (ring.length >= 4) rings.push(ring);
  }

  const exteriors = rings.filter((r) => signedArea(r) > 0);
  const holes = rings.filter((r) => signedArea(r) <= 0);
  if (exteriors.length === 0) return fallback;
  const result: PolygonCoords[] = exteriors.map((r) => [r]);
  for (const hole of holes) {
    const owner = result.find((p) => contains(p[0], hole[0])) ?? null;
    if (!owner) return fallback;
    owner.push(hole);
  }
  return result.length === 1
    ? { geometry: { type: 'Polygon', coordinates: result[0] }, method: 'dissolved' }
    : { geometry: { type: 'MultiPolygon', coordinates: result }, method: 'dissolved' };
}

/** Ray casting in the longitude/latitude plane (small areas: good enough to place a hole). */
function contains(ring: Ring, point: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
