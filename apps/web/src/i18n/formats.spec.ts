import { formats } from './formats';

/** Intl separates thousands and units with no-break spaces: compare as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formats in the chosen language', () => {
  it('writes numbers, shares and dates as each language does', () => {
    expect(plain(formats('fi').number(5605317))).toBe('5 605 317');
    expect(formats('sv').number(1.275, 2)).toBe('1,28');
    expect(formats('en').number(5605317)).toBe('5,605,317');
    expect(plain(formats('fi').percent(0.06))).toBe('6 %');
    expect(formats('en').percent(0.06)).toBe('6%');
    expect(formats('fi').date('2026-02-14')).toBe('14.2.2026');
    expect(formats('en').date('2026-02-14')).toBe('14 Feb 2026');
  });

  it('shows instants in Finnish time, whatever the browser\'s zone', () => {
    // 22:30 UTC on 31 December is already New Year's Day in Helsinki.
    expect(formats('fi').dateTime('2025-12-31T22:30:00Z')).toBe('1.1.2026 klo 0.30');
  });

  it('shows a dash for a missing figure, never 0', () => {
    for (const locale of ['fi', 'sv', 'en'] as const) {
      expect(formats(locale).number(null)).toBe('–');
      expect(formats(locale).percent(undefined)).toBe('–');
      expect(formats(locale).date(null)).toBe('–');
    }
  });
});
