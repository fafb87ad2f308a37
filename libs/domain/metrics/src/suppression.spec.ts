import { suppress } from './suppression';

describe('suppress', () => {
  it('shows counts of five and more, and zeros', () => {
    expect(suppress([{ key: 'WOMAN', count: 12 }, { key: 'MAN', count: 5 }, { key: 'NON_BINARY', count: 0 }])).toEqual([
      { key: 'WOMAN', count: 12, suppressed: false },
      { key: 'MAN', count: 5, suppressed: false },
      { key: 'NON_BINARY', count: 0, suppressed: false },
    ]);
  });

  it('hides a small cell and, so that subtraction from the total cannot recover it, the next smallest', () => {
    expect(suppress([{ key: 'WOMAN', count: 30 }, { key: 'MAN', count: 7 }, { key: 'NON_BINARY', count: 2 }])).toEqual([
      { key: 'WOMAN', count: 30, suppressed: false },
      { key: 'MAN', count: null, suppressed: true },
      { key: 'NON_BINARY', count: null, suppressed: true },
    ]);
  });

  it('hides a zero beside a lone small cell, which would otherwise equal the total', () => {
    expect(suppress([{ key: 'WOMAN', count: 0 }, { key: 'MAN', count: 0 }, { key: 'UNKNOWN', count: 3 }]).map((c) => c.count)).toEqual([null, 0, null]);
  });

  it('needs no secondary suppression when two cells are already hidden', () => {
    const shown = suppress([{ key: 'a', count: 40 }, { key: 'b', count: 1 }, { key: 'c', count: 3 }, { key: 'd', count: 9 }]);
    expect(shown.filter((c) => c.suppressed).map((c) => c.key)).toEqual(['b', 'c']);
  });

  it('never picks an unpublished complement as the secondary cell, since hiding it protects nothing', () => {
    const cells = [{ key: 'WOMEN', count: 20 }, { key: 'MEN', count: 3 }, { key: 'NON_BINARY', count: 9 }, { key: 'REST', count: 0 }];
    const shown = suppress(cells, 5, new Set(['REST']));
    expect(shown.filter((c) => c.suppressed).map((c) => c.key)).toEqual(['MEN', 'NON_BINARY']);
  });
});
