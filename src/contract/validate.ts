/** Turning contract violations into messages a portal developer can act on. */
import * as v from 'valibot';

/** One problem found in data given to an element or a source. */
export interface ContractIssue {
  /** Where the problem is, for example `members[2].contacts[0].value`. */
  path: string;
  /** What was wrong, in plain words. */
  message: string;
  /** What was found there, shortened for display. */
  found?: string;
}

/** The result of checking data against the contract. */
export type ContractResult<T> = { ok: true; value: T } | { ok: false; issues: ContractIssue[] };

/** Thrown (or reported) when data breaks the contract. */
export class ContractError extends Error {
  constructor(
    readonly entity: string,
    readonly issues: ContractIssue[],
  ) {
    super(`${entity} does not follow the data contract: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'ContractError';
  }
}

/** What the checks need to know of a schema: the parts valibot schemas have. */
interface SchemaParts {
  type: string;
  wrapped?: SchemaParts;
  entries?: Record<string, SchemaParts>;
  item?: SchemaParts;
  options?: readonly unknown[];
}

/** A contract schema whose output is `T`. */
export type Schema<T> = v.GenericSchema<unknown, T>;

/** Formats a path the way a developer writes it: `members[2].contacts[0].value`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');

/** A short, safe description of a found value for an error message. */
export const describeValue = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return `"${shown}" (text, ${value.length} characters)`;
  }
  return `${String(value)} (${typeof value})`;
};

const FORMAT_NAMES: Record<string, string> = {
  iso_date: 'a date as YYYY-MM-DD',
  iso_timestamp: 'an instant as ISO 8601 with Z or an offset',
  url: 'an https:// address',
  regex: 'text in the expected pattern',
};

/** The schema itself, without the optional wrapper a field may have. */
const required = (schema: SchemaParts | undefined): SchemaParts | undefined => (schema?.type === 'optional' ? required(schema.wrapped) : schema);

/** The schema at `path` below `schema`, through optional fields, objects and lists. */
const schemaAt = (schema: SchemaParts | undefined, path: readonly PropertyKey[]): SchemaParts | undefined =>
  required(path.reduce<SchemaParts | undefined>((current, key) => {
    const inner = required(current);
    return inner?.entries?.[key as string] ?? inner?.item;
  }, schema));

/** The name of the type a schema expects, as the messages say it: `string`, `object`, `array`… */
const typeName = (schema: SchemaParts | undefined): string =>
  schema?.type === 'loose_object' ? 'object' : schema?.type === 'custom' ? 'number' : (schema?.type ?? 'a value');

const oneOf = (schema: SchemaParts | undefined): string => (schema?.options ?? []).map((value) => JSON.stringify(value)).join(', ');

const explain = (issue: v.BaseIssue<unknown>, found: unknown, schema: SchemaParts | undefined): string => {
  const size = issue.requirement as number;
  switch (issue.kind === 'schema' && schema?.type === 'picklist' ? 'picklist' : issue.type) {
    case 'picklist':
      return found === undefined ? `is required (one of ${oneOf(schema)})` : `expected one of ${oneOf(schema)}, found ${describeValue(found)}`;
    case 'custom':
      // A whole number (`int`): a wrong type, a fraction, or past the safe range.
      if (typeof found === 'number' && Number.isFinite(found)) {
        if (!Number.isInteger(found)) return `expected int, found ${describeValue(found)}`;
        return found > 0 ? `must be at most ${Number.MAX_SAFE_INTEGER}` : `must be at least ${Number.MIN_SAFE_INTEGER}`;
      }
      return found === undefined ? 'is required (expected number)' : `expected number, found ${describeValue(found)}`;
    case 'iso_date':
    case 'iso_timestamp':
    case 'url':
    case 'regex': {
      const note = issue.type === 'url' && issue.message ? ` (${issue.message.toLowerCase()})` : '';
      return `expected ${FORMAT_NAMES[issue.type]}${note}, found ${describeValue(found)}`;
    }
    case 'min_length':
      return Array.isArray(found) ? `needs at least ${size} item(s)` : size === 1 ? 'must not be empty' : `needs at least ${size} characters`;
    case 'max_length':
      return Array.isArray(found)
        ? `has too many items (at most ${size})`
        : `is too long (at most ${size} characters, found ${typeof found === 'string' ? found.length : '?'})`;
    case 'min_value':
      return `must be at least ${size}`;
    case 'max_value':
      return `must be at most ${size}`;
    case 'check':
    case 'raw_check':
      return issue.message;
    default:
      if (issue.kind === 'schema') return found === undefined ? `is required (expected ${typeName(schema)})` : `expected ${typeName(schema)}, found ${describeValue(found)}`;
      return issue.message;
  }
};

const valueAt = (root: unknown, path: readonly PropertyKey[]): unknown => {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
};

/** Converts valibot issues into plain messages with path and found value. */
export const toContractIssues = (issues: readonly v.BaseIssue<unknown>[], input: unknown, schema?: Schema<unknown>): ContractIssue[] =>
  issues.map((issue) => {
    const path = (issue.path ?? []).map((item) => item.key as PropertyKey);
    const custom = issue.type === 'check' || issue.type === 'raw_check';
    const found = custom ? undefined : valueAt(input, path);
    // A missing field is reported by its object; the field's own schema says what was expected.
    const at = schemaAt(schema as SchemaParts | undefined, path);
    const message = explain(issue, found, at);
    const description: ContractIssue = { path: formatPath(path), message };
    if (found !== undefined && !message.includes('found')) description.found = describeValue(found);
    return description;
  });

/** Checks `input` against a contract schema and returns the parsed value or readable issues. */
export const check = <T>(schema: Schema<T>, input: unknown): ContractResult<T> => {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, issues: toContractIssues(result.issues, input, schema) };
};

/** Like `check`, but throws a `ContractError` naming the entity. */
export const parse = <T>(entity: string, schema: Schema<T>, input: unknown): T => {
  const result = check(schema, input);
  if (!result.ok) throw new ContractError(entity, result.issues);
  return result.value;
};
