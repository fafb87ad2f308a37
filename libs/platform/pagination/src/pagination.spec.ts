import { decodeCursor, encodeCursor, toConnection } from './pagination';

describe('cursor pagination', () => {
  it('round-trips a sort key through an opaque cursor', () => {
    expect(decodeCursor(encodeCursor(['kouvola', 'b4c1']), 2)).toEqual(['kouvola', 'b4c1']);
    expect(decodeCursor(undefined, 2)).toBeNull();
  });

  it('rejects cursors it did not issue, naming the argument', () => {
    for (const bad of ['%%%', encodeCursor(['only-one']), Buffer.from('{"a":1}').toString('base64url'), encodeCursor([{}, 'x'])]) {
      expect(() => decodeCursor(bad, 2)).toThrow(/after: is not a cursor/);
    }
  });

  it('builds a page from first + 1 rows', () => {
    const rows = [{ n: 'a' }, { n: 'b' }, { n: 'c' }];
    expect(toConnection(rows, 2, 7, (r) => r.n, (r) => [r.n])).toEqual({
      nodes: ['a', 'b'],
      pageInfo: { hasNextPage: true, endCursor: encodeCursor(['b']) },
      totalCount: 7,
    });
    expect(toConnection([], 2, 0, (r: { n: string }) => r.n, (r) => [r.n]).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
