// Small list helpers shared by the steps.

/** The list without repeats, in the order of first appearance. */
export function uniq<T>(list: T[]): T[] {
  return [...new Set(list)];
}
