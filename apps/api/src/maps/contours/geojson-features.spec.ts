import { readGeoJsonFeatures } from './geojson-features';

async function collect(chunks: string[]) {
  const out = [];
  for await (const f of readGeoJsonFeatures(
    (async function* () {
      yield* chunks.map((c) => Buffer.from(c));
    })(),
  ))
    out.push(f);
  return out;
}

const square = (x: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const collection = JSON.stringify({
  type: 'FeatureCollection',
  name: 'communes "2024" {x}',
  features: [
    { type: 'Feature', properties: { code: '91228', nom: 'Évry-Courcouronnes', note: 'brace } and [bracket] and \\"quote' }, geometry: square(0) },
    { type: 'Feature', properties: { code: '91390', nom: 'Le Mérévillois' }, geometry: square(2) },
  ],
  bbox: [0, 0, 3, 1],
});

describe('readGeoJsonFeatures', () => {
  it('yields each feature of the collection, whatever the chunk boundaries (strings with braces, escapes, UTF-8 split)', async () => {
    const bytes = Buffer.from(`\ufeff${collection}`);
    for (const size of [1, 3, 7, 64, bytes.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const features = [];
      for await (const f of readGeoJsonFeatures(
        (async function* () {
          yield* chunks;
        })(),
      ))
        features.push(f);
      expect(features.map((f) => f.properties?.code)).toEqual(['91228', '91390']);
      expect(features[0].properties?.nom).toBe('Évry-Courcouronnes');
      expect(features[0].properties?.note).toBe('brace } and [bracket] and \\"quote');
      expect(features[1].geometry).toEqual(square(2));
    }
  });

  it('refuses what is not a FeatureCollection, a truncated file, and an element that is not a Feature', async () => {
    await expect(collect(['[1,2]'])).rejects.toThrow(/FeatureCollection attendue/);
    await expect(collect(['{"type":"Feature","geometry":null}'])).rejects.toThrow(/Aucun tableau « features »/);
    await expect(collect([collection.slice(0, 120)])).rejects.toThrow(/tronqué/);
    await expect(collect(['{"features":[{"type":"Point"}]}'])).rejects.toThrow(/pas une « Feature »/);
    await expect(collect([''])).rejects.toThrow(/vide/);
    await expect(collect(['code_insee;nbr\n91228;12\n'])).rejects.toThrow(/pas un fichier GeoJSON : il commence par « code_insee;nbr… »/);
    await expect(collect(['"features"'])).rejects.toThrow(/pas un fichier GeoJSON/);
    await expect(collect([`${collection}\nx`])).rejects.toThrow(/après la fin/);
  });
});
