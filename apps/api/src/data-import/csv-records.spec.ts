import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { detectEncoding, detectSeparator, foldHeader, openCsv, parseNumber } from './csv-records';
import { mapColumns, normaliseInsee } from './header';
import { HeaderMismatch, VINTAGE_PATTERN } from './source';

async function records(bytes: Buffer, chunk = 7) {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const csv = await openCsv(Readable.from(chunks));
  const out: string[][] = [];
  for await (const r of csv.records) out.push(r.cells);
  return { ...csv, out };
}

describe('streamed CSV reading', () => {
  it('detects Latin-1 (Windows-1252) files and decodes them', async () => {
    const latin = iconv.encode('code;nom\r\n91001;Abbéville-la-Rivière\r\n', 'windows-1252');
    expect(detectEncoding(latin)).toBe('windows-1252');
    const { encoding, separator, out } = await records(latin);
    expect([encoding, separator]).toEqual(['windows-1252', ';']);
    expect(out[1]).toEqual(['91001', 'Abbéville-la-Rivière']);
  });

  it('reads UTF-8 with a BOM, "," and quoted separators, quotes and line breaks, across chunk boundaries', async () => {
    const text = '\uFEFFid,nom,valeur\n1,"Évry, ""centre""\nsud","12,5"\n';
    const { encoding, separator, out } = await records(Buffer.from(text, 'utf8'), 3);
    expect([encoding, separator]).toEqual(['utf-8', ',']);
    expect(out).toEqual([
      ['id', 'nom', 'valeur'],
      ['1', 'Évry, "centre"\nsud', '12,5'],
    ]);
  });

  it('keeps UTF-8 when a multi-byte character is cut at the end of the sample', () => {
    expect(detectEncoding(Buffer.from('é', 'utf8').subarray(0, 1))).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0x41, 0xe9, 0x41]))).toBe('windows-1252');
  });

  it('picks the separator of the header outside quotes', () => {
    expect(detectSeparator('"a;b",c,d\n1;2')).toBe(',');
    expect(detectSeparator('a;b;c')).toBe(';');
    expect(detectSeparator('a\tb')).toBe('\t');
  });

  it('reads French and English numbers and nothing else', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('6\u202f120')).toBe(6120);
    expect(parseNumber('95 %')).toBe(95);
    expect(parseNumber('beaucoup')).toBeNull();
    expect(parseNumber('1,2,3')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });

  it('maps headers by folded name and says what is missing', () => {
    expect(foldHeader('\uFEFF Code_INSEE ')).toBe('code_insee');
    expect(mapColumns(['nom', 'CODE_INSEE', 'nbr'], ['code_insee', 'nbr']).index).toEqual({ code_insee: 1, nbr: 2 });
    expect(() => mapColumns(['code_commune'], ['code_insee', 'nbr'])).toThrow(HeaderMismatch);
    try {
      mapColumns(['code_commune'], ['code_insee', 'nbr']);
    } catch (e) {
      expect((e as HeaderMismatch).missing).toEqual(['code_insee', 'nbr']);
      expect((e as HeaderMismatch).found).toEqual(['code_commune']);
    }
  });

  it('normalises INSEE codes and vintages', () => {
    expect(normaliseInsee('1001')).toBe('01001');
    expect(normaliseInsee('2a004')).toBe('2A004');
    expect(normaliseInsee('913X7')).toBeNull();
    expect(['2024', '2024-T4', '2025-03-31', '2025-06'].every((v) => VINTAGE_PATTERN.test(v))).toBe(true);
    expect(VINTAGE_PATTERN.test('T4 2024')).toBe(false);
  });
});
