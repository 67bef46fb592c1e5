import * as v from 'valibot';
import { ContactPoint as ContractContactPoint } from '../../contract/common.js';
import type { ContactPoint, Hours } from '../../contract/common.js';
import { WEEKDAYS, type ContactChannel, type Weekday } from '../../contract/values.js';
import { EXTENSIONS } from './codes.js';
import type * as F from './types.js';

/** Shown when a reference cannot be resolved and carries no display text. */
export const UNKNOWN_PERSON = 'Unknown person';
export const UNKNOWN_ORGANISATION = 'Unknown organisation';
export const UNKNOWN_PLACE = 'Place not given';

export const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** Structural equality of JSON values; `undefined` properties count as absent. */
export const jsonEqual = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

const sortKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = sortKeys(item);
    }
    return out;
  }
  return value;
};

/** Removes properties whose value is `undefined` (FHIR JSON has no nulls or empty values). */
export const compact = <T extends object>(value: T): T => {
  for (const key of Object.keys(value) as Array<keyof T>) {
    const item = value[key];
    if (item === undefined || (Array.isArray(item) && item.length === 0)) delete value[key];
  }
  return value;
};

/** Sets or removes one property, keeping the property order of the rest. */
export const put = <T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void => {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete target[key];
  else target[key] = value;
};

// ---- extensions ----

export const findExtension = (element: { extension?: F.Extension[] } | undefined, url: string): F.Extension | undefined =>
  element?.extension?.find((ext) => ext.url === url);

export const findExtensions = (element: { extension?: F.Extension[] } | undefined, url: string): F.Extension[] =>
  element?.extension?.filter((ext) => ext.url === url) ?? [];

/** Puts an extension in place of the existing one with the same url (or appends it); `undefined` removes it. */
export const setExtension = (element: { extension?: F.Extension[] }, url: string, extension: F.Extension | undefined): void => {
  const list = element.extension ?? [];
  const index = list.findIndex((ext) => ext.url === url);
  const next = index === -1 ? (extension ? [...list, extension] : list) : extension
    ? list.map((ext, i) => (i === index ? extension : ext))
    : list.filter((ext) => ext.url !== url);
  if (next.length) element.extension = next;
  else delete element.extension;
};

/** Replaces every extension with this url by `extensions`, at the place of the first one. */
export const setExtensions = (element: { extension?: F.Extension[] }, url: string, extensions: F.Extension[]): void => {
  const list = element.extension ?? [];
  const first = list.findIndex((ext) => ext.url === url);
  const others = list.filter((ext) => ext.url !== url);
  const at = first === -1 ? others.length : list.slice(0, first).filter((ext) => ext.url !== url).length;
  const next = [...others.slice(0, at), ...extensions, ...others.slice(at)];
  if (next.length) element.extension = next;
  else delete element.extension;
};

/** Contract fields FHIR has no element for, kept as JSON in one extension. */
export const readExtras = (element: { extension?: F.Extension[] } | undefined): Record<string, unknown> => {
  const text = findExtension(element, EXTENSIONS.contractExtras)?.valueString;
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

export const writeExtras = (element: { extension?: F.Extension[] }, extras: Record<string, unknown>): void => {
  const present = compact({ ...extras });
  setExtension(
    element,
    EXTENSIONS.contractExtras,
    Object.keys(present).length ? { url: EXTENSIONS.contractExtras, valueString: JSON.stringify(present) } : undefined,
  );
};

/** Picks the listed keys that are present. */
export const pick = <T extends object>(value: T, keys: readonly string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = item;
  }
  return out;
};

// ---- codes ----

export const codingsOf = (concepts: F.CodeableConcept | F.CodeableConcept[] | undefined): F.Coding[] =>
  (Array.isArray(concepts) ? concepts : concepts ? [concepts] : []).flatMap((c) => c.coding ?? []);

export const codeIn = (concepts: F.CodeableConcept | F.CodeableConcept[] | undefined, system: string): string | undefined =>
  codingsOf(concepts).find((c) => c.system === system)?.code;

export const hasCode = (concepts: F.CodeableConcept | F.CodeableConcept[] | undefined, system: string, code: string): boolean =>
  codingsOf(concepts).some((c) => c.system === system && c.code === code);

// ---- dates ----

const DATE = /^(\d{4})(-(\d{2})(-(\d{2}))?)?/;

/** A FHIR date or dateTime as `YYYY-MM-DD` (a year or month is padded to its first day). */
export const dateOf = (value: string | undefined): string | undefined => {
  const match = value ? DATE.exec(value) : null;
  if (!match) return undefined;
  return `${match[1]}-${match[3] ?? '01'}-${match[5] ?? '01'}`;
};

/** The last day a FHIR date or dateTime covers, as `YYYY-MM-DD`: a period that ends in `2026-05` lasts to 31 May, one that ends in `2026` to 31 December. */
export const endDateOf = (value: string | undefined): string | undefined => {
  const match = value ? DATE.exec(value) : null;
  if (!match) return undefined;
  if (match[5]) return `${match[1]}-${match[3]}-${match[5]}`;
  const month = match[3] ?? '12';
  const lastDay = new Date(Date.UTC(Number(match[1]), Number(month), 0)).getUTCDate();
  return `${match[1]}-${month}-${String(lastDay).padStart(2, '0')}`;
};

/** A FHIR date, dateTime or instant as an instant with an offset (a date becomes midnight UTC). */
export const instantOf = (value: string | undefined): string | undefined => {
  if (!value) return undefined;
  if (/^\d{4}(-\d{2}){0,2}$/.test(value)) return `${dateOf(value)}T00:00:00Z`;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!match) return undefined;
  return `${match[1]}${match[2] ?? ':00'}${match[4] ?? 'Z'}`;
};

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** How far a time zone's clock is ahead of UTC at an instant, in minutes. */
const offsetMinutes = (ms: number, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(ms);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round((Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute')) - Math.floor(ms / 60_000) * 60_000) / 60_000);
};

/**
 * Like `instantOf`, but a time written without a zone (`2026-12-01T10:00:00`, which servers send
 * although FHIR asks for one) is the wall-clock time in `timeZone`, not UTC.
 */
export const instantIn = (value: string | undefined, timeZone: string): string | undefined => {
  const wall = value ? WALL_CLOCK.exec(value) : null;
  if (!wall) return instantOf(value);
  const [, year, month, day, hour, minute, second = '00'] = wall;
  const asUtc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute));
  const guess = offsetMinutes(asUtc, timeZone);
  const offset = offsetMinutes(asUtc - guess * 60_000, timeZone);
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`;
};

// ---- names ----

/** A name the person no longer goes by: `old`, `maiden`, or one whose period has ended. */
const isFormer = (name: F.HumanName, today: string) => name.use === 'old' || name.use === 'maiden' || Boolean(name.period?.end && (endDateOf(name.period.end) ?? '') < today);

export const nameOf = (names: F.HumanName[] | undefined, today = new Date().toISOString().slice(0, 10)): string | undefined => {
  if (!names?.length) return undefined;
  const current = names.filter((n) => !isFormer(n, today));
  const name = current.find((n) => n.use === 'usual' || n.use === 'official') ?? current[0] ?? names[0];
  const text = name.text ?? [...(name.given ?? []), name.family].filter(Boolean).join(' ');
  return text.trim() || undefined;
};

/** `Kari Nilsen` → `[{ text: 'Kari Nilsen', family: 'Nilsen', given: ['Kari'] }]`. */
export const humanName = (text: string): F.HumanName[] => {
  const parts = text.trim().split(/\s+/);
  const family = parts.length > 1 ? parts.pop() : undefined;
  return [compact({ text, family, given: parts.length ? parts : undefined })];
};

// ---- contact points ----

const DAY_CODES: Record<string, Weekday> = { mon: 'mon', tue: 'tue', wed: 'wed', thu: 'thu', fri: 'fri', sat: 'sat', sun: 'sun' };

/** R4 `availableTime` / R5 `availability.availableTime` → contract hours (whole days become 00:00–23:59). */
export const hoursOf = (times: F.AvailableTime[] | undefined): Hours[] | undefined => {
  const hours = (times ?? []).flatMap((time): Hours[] => {
    const days = (time.daysOfWeek ?? []).map((d) => DAY_CODES[d]).filter(Boolean);
    if (!days.length) return [];
    const opens = time.allDay ? '00:00' : time.availableStartTime?.slice(0, 5);
    const closes = time.allDay ? '23:59' : time.availableEndTime?.slice(0, 5);
    if (!opens || !closes || opens >= closes) return [];
    return [{ days: WEEKDAYS.filter((d) => days.includes(d)), opens, closes }];
  });
  return hours.length ? hours : undefined;
};

/** Country calling codes for numbers written without one, by the mapping's time zone (Norway, Denmark, Sweden). */
export const CALLING_CODE_BY_TIME_ZONE: Record<string, string> = { 'Europe/Oslo': '47', 'Europe/Copenhagen': '45', 'Europe/Stockholm': '46' };

/**
 * A written telephone number in E.164 (`+4791234567`), or `undefined` when the rule cannot tell it.
 * International numbers (`+…`, `00…`, `tel:+…`, `(+1) 555-555-5555`, `+46 (0)8…`) keep their country
 * code; a number without one is read in `callingCode`'s numbering plan: Norway (47) and Denmark (45)
 * have eight digits and no trunk prefix, Sweden (46) drops its trunk `0`. Anything else stays as written.
 */
export const e164 = (written: string, callingCode?: string): string | undefined => {
  const text = written.trim().replace(/^tel:/i, '');
  // An extension or other RFC 3966 parameter has no E.164 form.
  if (/[;,a-z]/i.test(text)) return undefined;
  const international = /^\(?(\+|00)/.test(text);
  const digits = text.replace(/^\(?(\+|00)/, '').replace(/\(0\)/, '').replace(/[\s\u00a0()./-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  if (international) return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : undefined;
  if ((callingCode === '47' || callingCode === '45') && /^[2-9]\d{7}$/.test(digits)) return `+${callingCode}${digits}`;
  if (callingCode === '46' && /^0[1-9]\d{5,8}$/.test(digits)) return `+46${digits.slice(1)}`;
  return undefined;
};

const CALLING_CODE_BY_COUNTRY: Record<string, string> = {
  no: '47', nor: '47', norway: '47', norge: '47', noreg: '47',
  dk: '45', dnk: '45', denmark: '45', danmark: '45',
  se: '46', swe: '46', sweden: '46', sverige: '46',
};

/** The calling code for a resource's national numbers: its address country when it names one (another country: none), else `fallback` (from the time zone). */
export const callingCodeOf = (resource: F.Resource | undefined, fallback: string | undefined): string | undefined => {
  const country = ((resource?.address as Array<{ country?: string }> | undefined) ?? []).map((a) => a.country?.trim().toLowerCase()).find(Boolean);
  return country ? CALLING_CODE_BY_COUNTRY[country] : fallback;
};

const channelOf = (point: F.ContactPoint): ContactChannel | undefined =>
  (findExtension(point, EXTENSIONS.contactChannel)?.valueCode as ContactChannel | undefined) ??
  (point.system === 'phone' ? 'phone' : point.system === 'sms' ? 'sms' : point.system === 'email' ? 'email' : point.system === 'url' ? 'secure-message' : undefined);

/**
 * FHIR telecom → contract contact points; values the contract would refuse are left out (they stay
 * in the resource). Telephone numbers are written in E.164 where `e164` can tell it.
 */
export const contactsOf = (telecom: F.ContactPoint[] | undefined, hours?: Hours[], today = new Date().toISOString().slice(0, 10), callingCode?: string): ContactPoint[] =>
  (telecom ?? []).flatMap((point): ContactPoint[] => {
    const channel = channelOf(point);
    if (!channel || !point.value) return [];
    const until = endDateOf(point.period?.end);
    if (until && until < today) return [];
    const phone = channel === 'phone' || channel === 'sms';
    const contact: ContactPoint = { channel, value: (phone && e164(point.value, callingCode)) || point.value.trim() };
    if (point.rank === 1) contact.preferred = true;
    if (hours && (channel === 'phone' || channel === 'sms')) contact.hours = hours;
    return v.is(ContractContactPoint, contact) ? [contact] : [];
  });

/** Contact points without repeats: the same channel and value twice (a PractitionerRole and its Practitioner) is one, preferred if either is. */
export const distinctContacts = (contacts: ContactPoint[]): ContactPoint[] => {
  const kept: ContactPoint[] = [];
  for (const contact of contacts) {
    const same = kept.find((k) => k.channel === contact.channel && k.value.toLowerCase() === contact.value.toLowerCase());
    if (!same) kept.push(contact);
    else if (contact.preferred) same.preferred = true;
  }
  return kept;
};

/** Contract contact points → FHIR telecom (private contacts are not written to a shared record). */
export const telecomOf = (contacts: readonly ContactPoint[] | undefined): F.ContactPoint[] =>
  (contacts ?? [])
    .filter((c) => !c.private)
    .map((c) => {
      const system: F.ContactPoint['system'] = c.channel === 'phone' ? 'phone' : c.channel === 'sms' ? 'sms' : c.channel === 'email' ? 'email' : 'url';
      const point: F.ContactPoint = { system, value: c.value };
      if (c.channel === 'video') point.extension = [{ url: EXTENSIONS.contactChannel, valueCode: 'video' }];
      if (c.preferred) point.rank = 1;
      return point;
    });
