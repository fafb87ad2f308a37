import { IndicatorSums, NO_PARTICIPANTS, suppressedIndicators } from './indicators';

const shown = (sums: Partial<IndicatorSums>) =>
  Object.fromEntries(suppressedIndicators({ ...NO_PARTICIPANTS, ...sums }).map((c) => [c.code, c.suppressed ? 'x' : c.value]));

describe('suppressedIndicators', () => {
  it('shows totals and units always, breakdown cells of five and more, and zeros', () => {
    // 40 participants: 30 women, 10 men; 12 aged 18-29, 8 aged 55+, 20 in between; all tertiary; 25 qualified.
    expect(shown({ EECO01: 40, EECO05: 40, EECO07: 12, EECO08: 8, AGE_REST: 20, EECO11: 40, WOMEN: 30, MEN: 10, EECO18: 3, EECR03: 25, QUALIFIED_REST: 15 })).toEqual({
      EECO01: 40, EECO05: 40, EECO07: 12, EECO08: 8, EECO09: 0, EECO10: 0, EECO11: 40, WOMEN: 30, MEN: 10, NON_BINARY: 0, EECO18: 3, EECR03: 25,
    });
  });

  it('hides a small cell and a second shown cell of the same breakdown, never only the unpublished complement', () => {
    // 3 non-binary among 40, gender known for all: hiding it alone would let 40 - 27 - 10 recover it.
    expect(shown({ EECO01: 40, EECO05: 40, WOMEN: 27, MEN: 10, NON_BINARY: 3, GENDER_REST: 0, AGE_REST: 40, EDUCATION_REST: 40, QUALIFIED_REST: 40 })).toMatchObject({
      EECO01: 40, WOMEN: 27, MEN: 'x', NON_BINARY: 'x',
    });
    // 2 qualified of 6: the complement (4) is small too, so both are hidden and EECR03 stays hidden.
    expect(shown({ EECO01: 6, EECR03: 2, QUALIFIED_REST: 4, AGE_REST: 6, EDUCATION_REST: 6, GENDER_REST: 6 })).toMatchObject({ EECO01: 6, EECR03: 'x' });
    // 4 aged 55+ and everyone else unknown or in between: the only shown partner (18-29, a zero) goes too.
    expect(shown({ EECO01: 30, EECO08: 4, AGE_REST: 26, EDUCATION_REST: 30, GENDER_REST: 30, QUALIFIED_REST: 30 })).toMatchObject({ EECO07: 'x', EECO08: 'x' });
  });
});
