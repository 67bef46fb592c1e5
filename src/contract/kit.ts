/**
 * The few building blocks the contract's schemas share, on top of valibot. Each is marked free of
 * side effects, like valibot's own functions, so a bundle leaves out the schemas it does not use.
 */
import * as v from 'valibot';

type ObjectInput = Record<string, unknown>;

/**
 * An object with the given fields that keeps the keys it does not know. A list is refused as
 * "expected object", like any other value that is not an object (valibot alone would take a list
 * for an object and report each of its fields as missing).
 */
export const object = /* @__NO_SIDE_EFFECTS__ */ <const E extends v.ObjectEntries>(entries: E): v.LooseObjectSchema<E, undefined> => {
  const schema = v.looseObject(entries);
  const run = schema['~run'];
  return { ...schema, '~run': (dataset, config) => run.call(schema, Array.isArray(dataset.value) ? { value: null } : dataset, config) };
};

/**
 * A whole number in the safe range (±2^53 − 1). Anything else is refused as a wrong type, so the
 * rules of the object it is in are not checked against it.
 */
export const int = /* @__NO_SIDE_EFFECTS__ */ () => v.custom<number>((value) => Number.isSafeInteger(value));

/** The largest whole number `int` takes, which the JSON Schema states when no smaller one is set. */
export const MAX_INT = Number.MAX_SAFE_INTEGER;

/**
 * A rule between fields of an object: when `holds` is false, `message` is reported at the field
 * `key`. Like every rule, it is checked only when the object itself has the right shape.
 */
export const rule = /* @__NO_SIDE_EFFECTS__ */ <T>(holds: (value: T) => boolean, message: string, key?: string): v.CheckAction<T, string> & { key?: string } =>
  key === undefined ? v.check(holds, message) : { ...(v.forward(v.check(holds as (value: unknown) => boolean, message) as v.CheckAction<ObjectInput, string>, [key]) as unknown as v.CheckAction<T, string>), key };

/** Reports one problem at `path` (below the object being checked), with a plain message. */
export type Report = (message: string, path: readonly PropertyKey[]) => void;

/**
 * Rules that need code (unique ids across a list, references between fields): `rules` is called
 * with the checked object and a `report` for each problem, only when the object has the right shape.
 */
export const rules = /* @__NO_SIDE_EFFECTS__ */ <T>(check: (value: T, report: Report) => void): v.RawCheckAction<T> =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    check(dataset.value, (message, path) =>
      addIssue({
        message,
        path: path.map((key) => ({ type: 'unknown', origin: 'value', input: undefined, key, value: undefined })) as [v.IssuePathItem, ...v.IssuePathItem[]],
      }),
    );
  });

/**
 * A schema's own type, for `interface XSchema extends Named<typeof xSchema> {}`: an interface is
 * named in the declarations of every schema that holds it, where its fields would otherwise be
 * spelt out again each time.
 */
export type Named<T> = T;
