/** Turning contract violations into messages a portal developer can act on. */

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

interface RawIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: string;
  values?: unknown[];
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  input?: unknown;
  keys?: string[];
  note?: string;
}

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
  date: 'a date as YYYY-MM-DD',
  datetime: 'an instant as ISO 8601 with Z or an offset',
  url: 'an https:// address',
  regex: 'text in the expected pattern',
};

const explain = (issue: RawIssue, found: unknown): string => {
  switch (issue.code) {
    case 'invalid_type':
      return found === undefined ? `is required (expected ${issue.expected})` : `expected ${issue.expected}, found ${describeValue(found)}`;
    case 'invalid_value': {
      const allowed = (issue.values ?? []).map((v) => JSON.stringify(v)).join(', ');
      return found === undefined ? `is required (one of ${allowed})` : `expected one of ${allowed}, found ${describeValue(found)}`;
    }
    case 'invalid_format':
      return `expected ${FORMAT_NAMES[issue.format ?? ''] ?? issue.format}${issue.note ? ` (${issue.note.toLowerCase()})` : ''}, found ${describeValue(found)}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum} item(s)`
        : issue.origin === 'string'
          ? issue.minimum === 1
            ? 'must not be empty'
            : `needs at least ${issue.minimum} characters`
          : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `has too many items (at most ${issue.maximum})`
        : issue.origin === 'string'
          ? `is too long (at most ${issue.maximum} characters, found ${typeof found === 'string' ? found.length : '?'})`
          : `must be at most ${issue.maximum}`;
    case 'custom':
      return issue.message;
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : `is not valid (${issue.code})`;
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

/** Converts raw validation issues into plain messages with path and found value. */
export const toContractIssues = (rawIssues: readonly RawIssue[], input: unknown): ContractIssue[] =>
  rawIssues.map((issue) => {
    const found = issue.code === 'custom' ? undefined : valueAt(input, issue.path);
    const message = explain(issue, found);
    const description: ContractIssue = { path: formatPath(issue.path), message };
    if (found !== undefined && !message.includes('found')) description.found = describeValue(found);
    return description;
  });

interface SafeParser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly unknown[] } };
}

/** Checks `input` against a contract schema and returns the parsed value or readable issues. */
export const check = <T>(schema: SafeParser<T>, input: unknown): ContractResult<T> => {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: toContractIssues(result.error.issues as RawIssue[], input) };
};

/** Like `check`, but throws a `ContractError` naming the entity. */
export const parse = <T>(entity: string, schema: SafeParser<T>, input: unknown): T => {
  const result = check(schema, input);
  if (!result.ok) throw new ContractError(entity, result.issues);
  return result.value;
};
