import * as v from 'valibot';
import { object, rule, type Named } from './kit.js';
import { AUDIENCES, CONTACT_CHANNELS, WEEKDAYS } from './values.js';

// Named types of the shared text schemas: the declarations of every schema that uses one refer to
// it by name instead of spelling its checks out again.
type Rule = v.CheckAction<string, string> & { key?: string };
type Format<Check extends v.PipeItem<string, string, v.BaseIssue<unknown>>> = v.SchemaWithPipe<readonly [v.StringSchema<undefined>, Check]>;
/** The schema type of `Id`. */
export interface IdSchema
  extends v.SchemaWithPipe<
    readonly [v.StringSchema<undefined>, v.MinLengthAction<string, 1, undefined>, v.MaxLengthAction<string, 200, undefined>, Rule, v.MetadataAction<string, { not: { enum: string[] } }>]
  > {}
/** The schema type of `Text`. */
export interface TextSchema extends v.SchemaWithPipe<readonly [v.StringSchema<undefined>, v.MaxLengthAction<string, number, undefined>]> {}
/** The schema type of `RequiredText`. */
export interface RequiredTextSchema extends v.SchemaWithPipe<readonly [TextSchema, v.MinLengthAction<string, 1, undefined>, Rule]> {}
/** The schema type of `IsoDate`. */
export interface IsoDateSchema extends Format<v.IsoDateAction<string, ''>> {}
/** The schema type of `Instant`. */
export interface InstantSchema extends Format<v.IsoTimestampAction<string, ''>> {}
/** The schema type of `TimeZone`. */
export interface TimeZoneSchema extends Format<Rule> {}
/** The schema type of `TimeOfDay`. */
export interface TimeOfDaySchema extends Format<v.RegexAction<string, undefined>> {}
/** The schema type of `HttpsUrl`. */
export interface HttpsUrlSchema
  extends v.SchemaWithPipe<
    readonly [v.StringSchema<undefined>, v.TrimAction, v.UrlAction<string, ''>, v.UrlAction<string, 'Invalid protocol'>, Rule]
  > {}

/** Whether an id can name something: `.` and `..` cannot, since a web address reads them as "here" and "one level up". */
export const isUsableId = (id: string): boolean => id !== '.' && id !== '..';

/** A stable identifier, 1–200 characters, unique within its kind; not "." or "..". */
export const Id: IdSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(200),
  rule(isUsableId, 'must not be "." or "..": in a web address they mean "this folder" and "the folder above"'),
  v.metadata({ not: { enum: ['.', '..'] } }),
);

/** Free text shown to people. Rendered as text, never as markup. */
export const Text = (max = 5000): TextSchema => v.pipe(v.string(), v.maxLength(max));

/**
 * Something a person can read: a letter, digit or sign, not only spaces, control or format characters.
 * A printable ASCII character answers at once; only text without one meets the Unicode classes,
 * whose first use compiles a large expression (a millisecond or more on an element's first check).
 */
const hasVisibleCharacter = (text: string): boolean => text.length === 0 || /[!-~]/.test(text) || /[^\s\p{Cc}\p{Cf}]/u.test(text);

/**
 * Free text that must say something (a name, title, label or reason): not empty, and not only
 * spaces or invisible characters such as zero-width spaces and direction marks.
 */
export const RequiredText = (max = 5000): RequiredTextSchema =>
  v.pipe(Text(max), v.minLength(1), rule(hasVisibleCharacter, 'must not be only spaces or invisible characters'));

/**
 * `YYYY-MM-DD` of a day that exists (no 30 February), as JSON Schema states it. valibot's own
 * `isoDate` and `isoTimestamp` take any day up to 31 in any month and more forms of time; the two
 * checks below use this stricter pattern, and report problems as dates and instants as theirs do.
 */
const DATE = '(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))';

/**
 * A format check (`iso_date`, `iso_timestamp`, `url`) made of valibot's `regex` or `check`, whose
 * code every bundle has anyway, instead of valibot's own format actions with their patterns:
 * problems are still reported under the format's name, with the same message.
 */
const asFormat = /* @__NO_SIDE_EFFECTS__ */ <Action>(type: string, action: object): Action => ({ ...action, type }) as Action;

/** A calendar date, YYYY-MM-DD. */
export const IsoDate: IsoDateSchema = v.pipe(v.string(), asFormat('iso_date', v.regex(new RegExp(`^${DATE}$`), '')));

/**
 * An instant, ISO 8601 date-time with Z or an offset.
 *
 * @example
 * `2026-03-02T09:00:00+01:00` or `2026-03-02T08:00:00Z`
 */
export const Instant: InstantSchema = v.pipe(
  v.string(),
  asFormat('iso_timestamp', v.regex(new RegExp(`^${DATE}T(?:(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$`), '')),
);

const knownZones = new Map<string, boolean>();

/**
 * Whether the browser knows `zone` as an IANA time zone. Asking means building an
 * Intl.DateTimeFormat, which is slow, so each answer is kept (a team has a handful of zones).
 */
export const isTimeZone = (zone: string | undefined | null): zone is string => {
  if (!zone) return false;
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    if (knownZones.size < 500) knownZones.set(zone, known);
  }
  return known;
};

/** An IANA time zone name, for example Europe/Oslo. */
export const TimeZone: TimeZoneSchema = v.pipe(
  v.string(),
  rule((zone: string) => isTimeZone(zone), 'an IANA time zone such as Europe/Oslo'),
);

/** A time of day, HH:mm on a 24-hour clock. */
export const TimeOfDay: TimeOfDaySchema = v.pipe(
  v.string(),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d$/),
);

/**
 * An https address a person may open, as the browser normalises it, or undefined: no other scheme
 * (`javascript:`, `data:`), and no user name or password before the host, since
 * `https://good.example@evil.example/` opens evil.example while reading as good.example.
 */
export const safeHttpsUrl = (value: string | undefined): URL | undefined => {
  const url = value ? parseAddress(value) : undefined;
  return url && url.protocol === 'https:' && url.hostname && !url.username && !url.password ? url : undefined;
};

/**
 * An address parsed as the URL standard says. Chromium also takes a host with a space or a
 * percent sign (`https://exa mple.no` becomes the host `exa%20mple.no`) where the standard and Node
 * refuse it; such a host is refused here too, so data gets the same verdict wherever it is checked.
 */
const parseAddress = (value: string): URL | undefined => {
  try {
    const url = new URL(value);
    return url.hostname.includes('%') ? undefined : url;
  } catch {
    return undefined;
  }
};

/**
 * An e-mail address and nothing more: no `?cc=`, `&body=`, `%`, `#` or spaces, so it cannot add
 * recipients or text when it becomes a `mailto:` link or a calendar attendee.
 */
export const isEmailAddress = (value: string): boolean =>
  // An all-ASCII domain is the common case and is answered without compiling the Unicode classes.
  /^[A-Za-z0-9._+'-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z0-9-]{2,}$/.test(value) ||
  /^[A-Za-z0-9._+'-]+@(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}$/u.test(value);

/** Whether `value` parses as an address (valibot's `url` check). */
const isAddress = (value: string): boolean => parseAddress(value) !== undefined;

/** Whether `value` is an address with the https scheme (an address that does not parse is reported apart). */
const isHttpsAddress = (value: string): boolean => (parseAddress(value)?.protocol ?? 'https:') === 'https:';

/** Whether `value` parses as an address with a user name or password before the host. */
const hasUserInfo = (value: string): boolean => {
  const url = parseAddress(value);
  return url !== undefined && (url.username !== '' || url.password !== '');
};

const USERINFO_MESSAGE = 'must not have a user name or password before the host (https://name@host/): it hides the real host';

/**
 * An https:// address, without a user name or password before the host.
 *
 * @remarks Links with other schemes, such as `javascript:` and `data:`, are refused.
 */
export const HttpsUrl: HttpsUrlSchema = v.pipe(
  v.string(),
  v.trim(),
  asFormat('url', v.check(isAddress, '')),
  // A second URL check, for the scheme: its message is the note the problem carries ("invalid protocol").
  asFormat('url', v.check(isHttpsAddress, 'Invalid protocol')),
  // Only about a user name: an address that does not parse, or is not https, is reported above.
  rule((value) => !hasUserInfo(value), USERINFO_MESSAGE),
);

/**
 * A period between two dates; a missing end means still going on.
 *
 * @remarks Either end may be open.
 */
export const Period = v.pipe(
  object({
    start: v.optional(IsoDate),
    end: v.optional(IsoDate),
  }),
  rule((p) => !p.start || !p.end || p.start <= p.end, 'the period ends before it starts', 'end'),
);

/**
 * Hours on the given weekdays, local time of the team.
 *
 * @example
 * Monday–Friday 08:00–15:30:
 * `{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '15:30' }`
 */
export const Hours = v.pipe(
  object({
    days: v.pipe(v.array(v.picklist(WEEKDAYS)), v.minLength(1)),
    opens: TimeOfDay,
    closes: TimeOfDay,
  }),
  rule((h) => h.opens < h.closes, 'closes before it opens', 'closes'),
);

const phoneLike = (value: string) => /^\+?[0-9 ()-]{3,32}$/.test(value);
const httpsLink = (value: string) => /^https:\/\/[^\s<>"]+$/.test(value) && safeHttpsUrl(value) !== undefined;
const CONTACT_VALUE_RULES: Record<(typeof CONTACT_CHANNELS)[number], (value: string) => boolean> = {
  phone: phoneLike,
  sms: phoneLike,
  email: isEmailAddress,
  video: httpsLink,
  'secure-message': httpsLink,
};

const contactPointSchema = v.pipe(
  object({
    channel: v.picklist(CONTACT_CHANNELS),
    value: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
    label: v.optional(Text(200)),
    hours: v.optional(v.array(Hours)),
    preferred: v.optional(v.boolean()),
    private: v.optional(v.boolean()),
    visibleTo: v.optional(v.array(v.picklist(AUDIENCES))),
  }),
  rule((c) => CONTACT_VALUE_RULES[c.channel](c.value), 'the value does not fit the channel (phone and SMS: digits; email: an address only, without ?cc= or other extras; video and secure message: an https:// link without a user name before the host)', 'value'),
);

/** The schema type of `ContactPoint`. */
export interface ContactPointSchema extends Named<typeof contactPointSchema> {}

/**
 * A way to reach someone. Phone and SMS numbers, e-mail addresses (the address only: no ?cc= or
 * body=), and https:// links for video and secure messages (no user name or password before the
 * host). A contact marked private is shown only to the audiences listed in visibleTo.
 */
export const ContactPoint: ContactPointSchema = contactPointSchema;

/** A coded role with a plain-language label, for example a GP or a coordinator. */
export const Role = object({
  code: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  system: v.optional(v.pipe(v.string(), v.maxLength(300))),
  label: RequiredText(200),
  professionalLabel: v.optional(Text(200)),
});

/** Who did something: a person's id and name, and the organisation they acted for. */
export const Actor = object({
  id: v.optional(Id),
  name: RequiredText(300),
  organisationId: v.optional(Id),
});

/** Version information a source uses for optimistic concurrency (ETag / FHIR meta.versionId). */
export const Meta = object({
  version: v.optional(v.pipe(v.string(), v.maxLength(200))),
  updated: v.optional(Instant),
});

export type Id = v.InferOutput<typeof Id>;
// <generated-types> by scripts/contract-docs.mjs from the schemas above and FIELD_NOTES: do not edit.

import type { Audience, ContactChannel, Weekday } from './values.js';

/**
 * A period between two dates; a missing end means still going on.
 */
export type Period = {
  /** First day; open when left out. A date, `YYYY-MM-DD`. */
  start?: string;
  /** Last day; a missing end means still going on. A date, `YYYY-MM-DD`. */
  end?: string;
};

/**
 * Hours on the given weekdays, local time of the team.
 */
export type Hours = {
  /** The weekdays these hours apply to. At least 1 item. */
  days: Weekday[];
  /** When it opens, local time of the team. `HH:mm`, 24-hour clock. */
  opens: string;
  /** When it closes; after `opens`. `HH:mm`, 24-hour clock. */
  closes: string;
};

/**
 * A way to reach someone. Phone and SMS numbers, e-mail addresses (the address only: no ?cc= or
 * body=), and https:// links for video and secure messages (no user name or password before the
 * host). A contact marked private is shown only to the audiences listed in visibleTo.
 */
export type ContactPoint = {
  /** How to reach them: phone, SMS, video, secure message or e-mail. */
  channel: ContactChannel;
  /** The number, address or https:// link, depending on the channel. 1–500 characters. */
  value: string;
  /** What the contact is, for example "Reception". At most 200 characters. */
  label?: string;
  /** When the contact is answered. */
  hours?: Hours[];
  /** `true` for the way the member prefers to be reached. */
  preferred?: boolean;
  /** `true` if only the audiences in `visibleTo` may see it. */
  private?: boolean;
  /** Who may see a private contact; an empty list means nobody but the member. */
  visibleTo?: Audience[];
};

/**
 * A coded role with a plain-language label, for example a GP or a coordinator.
 */
export type Role = {
  /** A code, for example SNOMED CT 768821004 for a care team coordinator. 1–100 characters. */
  code: string;
  /** The code system, for example http://snomed.info/sct. At most 300 characters. */
  system?: string;
  /** Plain-language label shown to the service user. 1–200 characters. */
  label: string;
  /** Label shown to professionals ("General practitioner", "Brother (next of kin)"). Without it a professional reader sees `label`, so write `label` in the third person when no professional label is given. At most 200 characters. */
  professionalLabel?: string;
};

/**
 * Who did something: a person's id and name, and the organisation they acted for.
 */
export type Actor = {
  /** The member id of the person, when they are on the team. An id (1–200 characters). */
  id?: string;
  /** The person’s name, as recorded on the change. 1–300 characters. */
  name: string;
  /** The organisation they acted for. An id (1–200 characters). */
  organisationId?: string;
};

/**
 * Version information a source uses for optimistic concurrency (ETag / FHIR meta.versionId).
 */
export type Meta = {
  /** The version the source stored (ETag); sent back as If-Match. At most 200 characters. */
  version?: string;
  /** When the source stored it. An instant, ISO 8601 with `Z` or an offset. */
  updated?: string;
};
// </generated-types>
