import { helsinkiToday, isLocalDate } from './local-date';

describe('local dates', () => {
  it('accepts real calendar dates written YYYY-MM-DD only', () => {
    expect(['2026-02-28', '2024-02-29', '2026-12-31'].every(isLocalDate)).toBe(true);
    expect(['2026-02-29', '2026-13-01', '2026-2-3', '3.2.2026', '2026-02-03T00:00:00Z', 20260203, null].some(isLocalDate)).toBe(false);
  });

  it('tells the date in Finland, not in UTC', () => {
    expect(helsinkiToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(helsinkiToday(new Date('2026-01-15T21:59:00Z'))).toBe('2026-01-15');
  });
});
