/** Whether two lists hold the same values, each compared by identity: the inputs of a kept result have not changed. */
export const sameKey = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
