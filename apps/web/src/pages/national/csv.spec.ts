import { csvText } from './csv';

describe('the national ESF+ summary as CSV', () => {
  it('separates with semicolons, quotes what needs it, ends lines with CRLF', () => {
    expect(csvText([['Alue', 'Määrä'], ['Etelä-Karjala; Eksote', '12'], ['"Lainattu"', '*']])).toBe('Alue;Määrä\r\n"Etelä-Karjala; Eksote";12\r\n"""Lainattu""";*\r\n');
  });

  it('keeps a spreadsheet from running a cell as a formula, but leaves negative numbers alone', () => {
    expect(csvText([['=HYPERLINK("http://evil")', '+1+1', '@SUM(A1)', '-5', '-2.5']])).toBe('"\'=HYPERLINK(""http://evil"")";\'+1+1;\'@SUM(A1);-5;-2.5\r\n');
  });
});
