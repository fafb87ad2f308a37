import { classify, classOf, SEQUENTIAL } from './colour-classes';

describe('colour classes of the map', () => {
  it('puts every value in exactly one class, with ranges that do not overlap', () => {
    const values = [0, 0.4, 1.2, 1.27, 2, 2.5, 3, 3.1, 4, 5.5, 7, 7, 7, 9, 12, 0.1, 0.2, 0.3, 1, 1.1, 2.2, 6];
    const classes = classify(values);
    expect(classes).toHaveLength(SEQUENTIAL.length);
    expect(classes.reduce((sum, c) => sum + c.count, 0)).toBe(values.length);
    for (let i = 1; i < classes.length; i++) expect(classes[i].min).toBeGreaterThan(classes[i - 1].max);
    for (const value of values) expect(classes.filter((c) => value >= c.min && value <= c.max)).toHaveLength(1);
  });

  it('keeps equal values together, and uses fewer classes when there are few distinct values', () => {
    const classes = classify([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.06]);
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [0, 0, 21],
      [0.06, 0.06, 1],
    ]);
    expect(classes[0].colour).toBe(SEQUENTIAL[0]);
    expect(classes[1].colour).toBe(SEQUENTIAL[SEQUENTIAL.length - 1]);
  });

  it('gives a county without a figure no class', () => {
    expect(classOf(classify([1, 2, 3]), null)).toBeUndefined();
    expect(classOf(classify([1, 2, 3]), 2)?.count).toBe(1);
  });
});
