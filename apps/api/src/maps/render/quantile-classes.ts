export interface ValueClass {
  index: number;
  min: number;
  max: number;
  count: number;
}

export interface Classification {
  /** Class of each value (same order as the input; null stays null). */
  classOf: (number | null)[];
  /** Non-empty classes, lowest first. */
  classes: ValueClass[];
}

/**
 * Quantile classes: the values, sorted, are cut into `k` groups of (about) equal size. Equal
 * values always share a class (a value's class is decided by its first position), so a class
 * may stay empty when many communes share a value; empty classes are left out of the legend and
 * the others keep their index, so the colour of a class never depends on its neighbours.
 */
export function quantileClasses(values: (number | null)[], k = 5): Classification {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const n = present.length;
  const firstIndex = new Map<number, number>();
  present.forEach((v, i) => {
    if (!firstIndex.has(v)) firstIndex.set(v, i);
  });
  const classOfValue = (v: number) => Math.min(k - 1, Math.floor((firstIndex.get(v)! * k) / n));
  const classes = new Map<number, ValueClass>();
  for (const v of present) {
    const index = classOfValue(v);
    const c = classes.get(index);
    if (!c) classes.set(index, { index, min: v, max: v, count: 1 });
    else {
      c.max = v;
      c.count++;
    }
  }
  return {
    classOf: values.map((v) => (v === null || !Number.isFinite(v) ? null : classOfValue(v))),
    classes: [...classes.values()].sort((a, b) => a.index - b.index),
  };
}
