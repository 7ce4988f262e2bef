import { quantileClasses } from './quantile-classes';

describe('quantileClasses', () => {
  it('cuts ten values into five classes of two, lowest first, null left out', () => {
    const { classOf, classes } = quantileClasses([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, null]);
    expect(classOf).toEqual([4, 0, 0, 1, 1, 2, 2, 3, 3, 4, null]);
    expect(classes).toEqual([
      { index: 0, min: 1, max: 2, count: 2 },
      { index: 1, min: 3, max: 4, count: 2 },
      { index: 2, min: 5, max: 6, count: 2 },
      { index: 3, min: 7, max: 8, count: 2 },
      { index: 4, min: 9, max: 10, count: 2 },
    ]);
  });

  it('keeps equal values in one class (empty classes are dropped, indices kept)', () => {
    const { classOf, classes } = quantileClasses([0, 0, 0, 0, 0, 0, 0, 0, 2, 5]);
    expect(classOf).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 4, 4]);
    expect(classes).toEqual([
      { index: 0, min: 0, max: 0, count: 8 },
      { index: 4, min: 2, max: 5, count: 2 },
    ]);
  });

  it('has no class without values', () => {
    expect(quantileClasses([null, null])).toEqual({ classOf: [null, null], classes: [] });
  });
});
