import { StringDecoder } from 'node:string_decoder';

export interface GeoJsonFeature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: { type: string; coordinates: unknown } | null;
}

export class GeoJsonFormatError extends Error {}

/**
 * Reads the features of a GeoJSON FeatureCollection one at a time, without holding the file in
 * memory: the official France file is hundreds of MB written on a single line. A small scanner
 * follows strings and nesting, cuts out each object of the top-level "features" array and parses
 * only that object. Memory stays at one feature (plus one chunk).
 */
export async function* readGeoJsonFeatures(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<GeoJsonFeature> {
  const decoder = new StringDecoder('utf8');
  const scanner = new FeatureScanner();
  let first = true;
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    yield* scanner.push(text);
  }
  yield* scanner.push(decoder.end());
  scanner.finish();
}

const STRUCTURE = new Set(['"', ':', '{', '}', '[', ']']);
const NEXT_STRUCTURE = /[":{}[\]]/g;

class FeatureScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Text of the string being read at depth 1 (candidate key), or of the feature being cut out. */
  private stringAtTop = '';
  private lastTopKey = '';
  private inFeatures = false;
  private sawFeatures = false;
  private sawRoot = false;
  private feature: string[] = [];
  private featureStart = -1;

  *push(text: string): Generator<GeoJsonFeature> {
    const capturing = () => this.featureStart >= 0;
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      if (this.inString) {
        // Jump to the next quote or backslash: strings are most of a GeoJSON file's characters.
        if (this.escaped) {
          this.escaped = false;
          if (this.depth === 1) this.stringAtTop += ch;
          i++;
          continue;
        }
        const quote = text.indexOf('"', i);
        const slash = text.indexOf('\\', i);
        const stop = quote < 0 ? slash : slash < 0 ? quote : Math.min(quote, slash);
        if (stop < 0) {
          if (this.depth === 1) this.stringAtTop += text.slice(i);
          i = text.length;
          continue;
        }
        if (this.depth === 1) this.stringAtTop += text.slice(i, stop);
        if (text[stop] === '\\') this.escaped = true;
        else this.inString = false;
        i = stop + 1;
        continue;
      }
      if (this.depth === 0 && ch !== '{' && ch !== '[' && ch !== '}' && ch !== ']') {
        // Outside the root object only spaces may appear (few characters: no fast skip needed).
        if (!/\s/.test(ch)) this.outside(text.slice(i, i + 40));
        i++;
        continue;
      }
      if (!STRUCTURE.has(ch)) {
        // Numbers, commas and spaces (most of a geometry): jump to the next character that matters.
        NEXT_STRUCTURE.lastIndex = i;
        i = NEXT_STRUCTURE.exec(text)?.index ?? text.length;
        continue;
      }
      switch (ch) {
        case '"':
          this.inString = true;
          if (this.depth === 1) this.stringAtTop = '';
          break;
        case ':':
          if (this.depth === 1) this.lastTopKey = this.stringAtTop;
          break;
        case '{':
        case '[':
          if (this.depth === 0) {
            if (ch !== '{') throw new GeoJsonFormatError('Le fichier n’est pas un objet GeoJSON (FeatureCollection attendue).');
            this.sawRoot = true;
          }
          this.depth++;
          if (this.depth === 2 && ch === '[' && this.lastTopKey === 'features') {
            this.inFeatures = true;
            this.sawFeatures = true;
          } else if (this.depth === 3 && this.inFeatures && ch === '{') {
            this.featureStart = i;
            this.feature = [];
          }
          break;
        case '}':
        case ']':
          this.depth--;
          if (this.depth < 0) throw new GeoJsonFormatError('GeoJSON mal formé : accolade ou crochet fermant en trop.');
          if (this.depth === 2 && capturing() && ch === '}') {
            this.feature.push(text.slice(this.featureStart, i + 1));
            this.featureStart = -1;
            yield this.parse(this.feature.join(''));
            this.feature = [];
          } else if (this.depth === 1 && this.inFeatures) {
            this.inFeatures = false;
          }
          break;
        default:
          break;
      }
      i++;
    }
    if (capturing()) {
      this.feature.push(text.slice(this.featureStart));
      this.featureStart = 0;
    }
  }

  /** Text outside the root object: a CSV or another format given as GeoJSON, or junk after the end. */
  private outside(excerpt: string): never {
    const shown = excerpt.split(/\r?\n/)[0];
    throw new GeoJsonFormatError(
      this.sawRoot
        ? `Texte après la fin de l’objet GeoJSON (« ${shown}… ») : le fichier est mal formé.`
        : `Ce n’est pas un fichier GeoJSON : il commence par « ${shown}… » au lieu de « { ». Une FeatureCollection GeoJSON est attendue.`,
    );
  }

  finish(): void {
    if (!this.sawRoot) throw new GeoJsonFormatError('Fichier vide : aucun objet GeoJSON.');
    if (this.depth !== 0 || this.inString) throw new GeoJsonFormatError('GeoJSON tronqué : le fichier se termine au milieu d’un objet.');
    if (!this.sawFeatures) throw new GeoJsonFormatError('Aucun tableau « features » : une FeatureCollection GeoJSON est attendue.');
  }

  private parse(text: string): GeoJsonFeature {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new GeoJsonFormatError(`Entité GeoJSON illisible : ${(error as Error).message}`);
    }
    const feature = value as GeoJsonFeature;
    if (feature?.type !== 'Feature') throw new GeoJsonFormatError('Élément du tableau « features » qui n’est pas une « Feature ».');
    return feature;
  }
}
