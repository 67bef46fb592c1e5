import * as z from 'zod/mini';
import { AUDIENCES, CONTACT_CHANNELS, WEEKDAYS } from './values.js';

/** Whether an id can name something: `.` and `..` cannot, since a web address reads them as "here" and "one level up". */
export const isUsableId = (id: string): boolean => id !== '.' && id !== '..';

/** A stable identifier: 1–200 characters, not `.` or `..`. */
export const Id = z.string().check(
  z.minLength(1),
  z.maxLength(200),
  z.refine(isUsableId, { message: 'must not be "." or "..": in a web address they mean "this folder" and "the folder above"' }),
  z.meta({ description: 'A stable identifier, 1–200 characters, unique within its kind; not "." or "..".', not: { enum: ['.', '..'] } }),
);

/** Free text shown to people. Rendered as text, never as markup. */
export const Text = (max = 5000) => z.string().check(z.maxLength(max));

/** Something a person can read: a letter, digit or sign, not only spaces, control or format characters. */
const hasVisibleCharacter = (text: string): boolean => text.length === 0 || /[^\s\p{Cc}\p{Cf}]/u.test(text);

/**
 * Free text that must say something (a name, title, label or reason): not empty, and not only
 * spaces or invisible characters such as zero-width spaces and direction marks.
 */
export const RequiredText = (max = 5000) =>
  Text(max).check(z.minLength(1), z.refine(hasVisibleCharacter, { message: 'must not be only spaces or invisible characters' }));

/** A calendar date without time, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date().check(z.describe('A calendar date, YYYY-MM-DD.'));

/** An instant in time with an offset, ISO 8601 (`2026-03-02T09:00:00+01:00` or `…Z`). */
export const Instant = z.iso
  .datetime({ offset: true })
  .check(z.describe('An instant, ISO 8601 date-time with Z or an offset.'));

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

/** An IANA time zone name such as `Europe/Oslo`. */
export const TimeZone = z.string().check(
  z.refine(isTimeZone, { message: 'an IANA time zone such as Europe/Oslo' }),
  z.describe('An IANA time zone name, for example Europe/Oslo.'),
);

/** A time of day, `HH:mm`, 24-hour clock. */
export const TimeOfDay = z.string().check(
  z.regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  z.describe('A time of day, HH:mm on a 24-hour clock.'),
);

/**
 * An https address a person may open, as the browser normalises it, or undefined: no other scheme
 * (`javascript:`, `data:`), and no user name or password before the host, since
 * `https://good.example@evil.example/` opens evil.example while reading as good.example.
 */
export const safeHttpsUrl = (value: string | undefined): URL | undefined => {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname && !url.username && !url.password ? url : undefined;
  } catch {
    return undefined;
  }
};

/**
 * An e-mail address and nothing more: no `?cc=`, `&body=`, `%`, `#` or spaces, so it cannot add
 * recipients or text when it becomes a `mailto:` link or a calendar attendee.
 */
export const isEmailAddress = (value: string): boolean => /^[A-Za-z0-9._+'-]+@(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}$/u.test(value);

const USERINFO_MESSAGE = 'must not have a user name or password before the host (https://name@host/): it hides the real host';

/** A web address that may be opened: https only, so `javascript:` and `data:` links are refused; no user name or password. */
export const HttpsUrl = z
  .url({ protocol: /^https$/ })
  .check(
    z.refine((value) => safeHttpsUrl(value) !== undefined, { message: USERINFO_MESSAGE }),
    z.describe('An https:// address, without a user name or password before the host.'),
  );

/** A period between two dates; either end may be open. */
export const Period = z
  .looseObject({
    start: z.optional(IsoDate),
    end: z.optional(IsoDate),
  })
  .check(
    z.refine((p) => !p.start || !p.end || p.start <= p.end, {
      message: 'the period ends before it starts',
      path: ['end'],
    }),
    z.describe('A period between two dates; a missing end means still going on.'),
  );

/** Opening hours on some weekdays, for example Monday–Friday 08:00–15:30. */
export const Hours = z
  .looseObject({
    days: z.array(z.enum(WEEKDAYS)).check(z.minLength(1)),
    opens: TimeOfDay,
    closes: TimeOfDay,
  })
  .check(
    z.refine((h) => h.opens < h.closes, { message: 'closes before it opens', path: ['closes'] }),
    z.describe('Hours on the given weekdays, local time of the team.'),
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

/** One way to reach a member or organisation. */
export const ContactPoint = z
  .looseObject({
    channel: z.enum(CONTACT_CHANNELS),
    value: z.string().check(z.minLength(1), z.maxLength(500)),
    label: z.optional(Text(200)),
    hours: z.optional(z.array(Hours)),
    preferred: z.optional(z.boolean()),
    private: z.optional(z.boolean()),
    visibleTo: z.optional(z.array(z.enum(AUDIENCES))),
  })
  .check(
    z.refine((c) => CONTACT_VALUE_RULES[c.channel](c.value), {
      message:
        'the value does not fit the channel (phone and SMS: digits; email: an address only, without ?cc= or other extras; video and secure message: an https:// link without a user name before the host)',
      path: ['value'],
    }),
    z.describe(
      'A way to reach someone. Phone and SMS numbers, e-mail addresses (the address only: no ?cc= or body=), and https:// links for video and secure messages (no user name or password before the host). A contact marked private is shown only to the audiences listed in visibleTo.',
    ),
  );

/** A coded role with a plain-language label, for example a GP or a coordinator. */
export const Role = z.looseObject({
  code: z.string().check(z.minLength(1), z.maxLength(100)),
  system: z.optional(z.string().check(z.maxLength(300))),
  label: RequiredText(200),
  professionalLabel: z.optional(Text(200)),
});

/** Who did something: a person's id and name, and the organisation they acted for. */
export const Actor = z.looseObject({
  id: z.optional(Id),
  name: RequiredText(300),
  organisationId: z.optional(Id),
});

/** Version information a source uses for optimistic concurrency (ETag / FHIR meta.versionId). */
export const Meta = z.looseObject({
  version: z.optional(z.string().check(z.maxLength(200))),
  updated: z.optional(Instant),
});

export type Id = z.infer<typeof Id>;
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
