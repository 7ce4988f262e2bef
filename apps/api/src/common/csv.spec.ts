import { csvCell, csvDocument, csvLine, FRENCH_SPREADSHEET, PLAIN_CSV } from './csv';

describe('the CSV writer', () => {
  it('defuses every formula start in text cells, whatever the column', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = csvCell(`${start}HYPERLINK("http://evil")`);
      expect(cell.replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-')).toBe('-');
    expect(csvCell('-1')).toBe("'-1");
  });

  it('defuses lists (joined with " | ") by their first character, like any text', () => {
    expect(csvCell(['=cmd|"/c calc"!A1', 'LibreOffice'])).toBe(`"'=cmd|""/c calc""!A1 | LibreOffice"`);
    expect(csvCell(['LibreOffice', '=1+1'])).toBe('LibreOffice | =1+1');
  });

  it('writes numbers as numbers, never defused, with the dialect decimal mark', () => {
    expect(csvCell(-3.5)).toBe('-3,5');
    expect(csvCell(-3.5, PLAIN_CSV)).toBe('-3.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('oui');
    expect(csvCell(null)).toBe('');
  });

  it('quotes separators, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a,b')).toBe('a,b');
    expect(csvCell('a,b', PLAIN_CSV)).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
  });

  it('writes lines and whole files in the dialect asked for', () => {
    expect(csvLine(['x', 1.5, null])).toBe('x;1,5;\r\n');
    expect(
      csvDocument(
        [
          ['a', 'b'],
          [1, '=2'],
        ],
        FRENCH_SPREADSHEET,
      ),
    ).toBe("\uFEFFa;b\r\n1;'=2\r\n");
    expect(
      csvDocument(
        [
          ['a', 'b'],
          [1.5, '+2'],
        ],
        PLAIN_CSV,
      ),
    ).toBe("a,b\r\n1.5,'+2\r\n");
  });
});
