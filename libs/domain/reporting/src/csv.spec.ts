import { BOM, csvCell, csvLine } from './csv';

describe('csv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvLine(['Kouvola; kevät', 'sanoi "hei"', 'a\nb', 3, null], ';')).toBe('"Kouvola; kevät";"sanoi ""hei""";"a\nb";3;\r\n');
    expect(csvLine(['a,b', 'c'], ',')).toBe('"a,b",c\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const attack of ['=HYPERLINK("http://evil")', '+358401234567', '-2+3', '@SUM(A1)', '\t=1']) expect(csvCell(attack, ';').replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('Virtanen', ';')).toBe('Virtanen');
  });

  it('starts files with a UTF-8 byte order mark', () => {
    expect(Buffer.from(BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
