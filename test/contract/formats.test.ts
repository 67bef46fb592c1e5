import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import fc from 'fast-check';
import { HttpsUrl, Instant, IsoDate, isEmailAddress, RequiredText } from '../../src/contract/common.js';
import { check, type ContractIssue } from '../../src/contract/validate.js';

// The format checks (a date, an instant, an https address) at their edges: what each accepts, and
// the exact problem (path and message) it reports for what it refuses.
const Fields = v.object({ date: v.optional(IsoDate), at: v.optional(Instant), link: v.optional(HttpsUrl) });
const issuesFor = (field: string, value: unknown): ContractIssue[] | 'ok' => {
  const result = check(Fields, { [field]: value });
  return result.ok ? 'ok' : result.issues;
};
const text = (value: string) => `"${value}" (text, ${value.length} characters)`;
const USERINFO = 'must not have a user name or password before the host (https://name@host/): it hides the real host';

describe('format checks', () => {
  it('a date: a day that exists, YYYY-MM-DD and nothing around it', () => {
    for (const ok of ['2026-12-07', '2024-02-29', '2000-02-29', '2026-01-31']) expect(issuesFor('date', ok), ok).to.equal('ok');
    for (const bad of ['1900-02-29', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-12-7', ' 2026-12-07', '2026-12-07\n', '2026-12-07T10:00:00Z', '', '２０２６-12-07']) {
      expect(issuesFor('date', bad), bad).to.deep.equal([{ path: 'date', message: `expected a date as YYYY-MM-DD, found ${text(bad)}` }]);
    }
    expect(issuesFor('date', 20261207)).to.deep.equal([{ path: 'date', message: 'expected string, found 20261207 (number)' }]);
  });

  it('an instant: date, T, seconds, optional fraction, then Z or ±hh:mm', () => {
    for (const ok of ['2026-03-02T09:00:00+01:00', '2026-03-02T08:00:00Z', '2026-03-02T08:00:00.123456789Z', '2026-03-02T08:00:00.1234567891-12:30', '2024-02-29T23:59:59Z']) {
      expect(issuesFor('at', ok), ok).to.equal('ok');
    }
    const refused = ['2026-03-02 08:00:00Z', '2026-03-02T08:00Z', '2026-03-02T08:00:00', '2026-03-02T08:00:00+0100', '2026-03-02T08:00:00+01', '2026-03-02T24:00:00Z', '2026-02-30T08:00:00Z', '2026-03-02t08:00:00z', '2026-03-02T08:00:00,5Z', '2026-03-02T08:00:60Z', '2026-03-02T08:00:00.Z', '2026-03-02'];
    for (const bad of refused) {
      expect(issuesFor('at', bad), bad).to.deep.equal([{ path: 'at', message: `expected an instant as ISO 8601 with Z or an offset, found ${text(bad)}` }]);
    }
    expect(issuesFor('at', null)).to.deep.equal([{ path: 'at', message: 'expected string, found null' }]);
  });

  it('an https address: trimmed, parsed, https only, no user name or password', () => {
    for (const ok of ['https://example.no/a', ' https://example.no/a ', 'HTTPS://EXAMPLE.NO']) expect(issuesFor('link', ok), ok).to.equal('ok');
    for (const other of ['http://example.no/', 'javascript:alert(1)', 'data:text/html,x', 'ftp://x.no']) {
      expect(issuesFor('link', other), other).to.deep.equal([{ path: 'link', message: `expected an https:// address (invalid protocol), found ${text(other)}` }]);
    }
    // A host with a space or a percent sign: Chromium's URL parser takes it, the URL standard (and Node) do not, nor does the contract.
    for (const unparsed of ['not a url', '', 'https://', '//example.no', 'https://exa mple.no', 'https://exa%20mple.no/', 'https://a b.no/x y']) {
      expect(issuesFor('link', unparsed), unparsed).to.deep.equal([{ path: 'link', message: `expected an https:// address, found ${text(unparsed)}` }]);
    }
    // The user-name problem is told only of an https address that has one, not of every address refused above.
    expect(issuesFor('link', 'http://user@evil.example/')).to.deep.equal([
      { path: 'link', message: `expected an https:// address (invalid protocol), found ${text('http://user@evil.example/')}` },
      { path: 'link', message: USERINFO },
    ]);
    for (const hidden of ['https://user@evil.example/', 'https://:pw@host.example/']) expect(issuesFor('link', hidden), hidden).to.deep.equal([{ path: 'link', message: USERINFO }]);
    expect(issuesFor('link', 42)).to.deep.equal([{ path: 'link', message: 'expected string, found 42 (number)' }]);
  });

  // Both checks answer printable ASCII without the Unicode expressions; the answer must be the one
  // the Unicode expression alone gives, for any text (ASCII, other scripts, spaces, control and
  // format characters, emoji).
  it('visible text and e-mail addresses: the ASCII shortcut answers as the Unicode expression does', () => {
    const visible = /[^\s\p{Cc}\p{Cf}]/u;
    const email = /^[A-Za-z0-9._+'-]+@(?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]{2,}$/u;
    const Required = RequiredText(500);
    const pieces = ['a', 'Z', '0', '.', '-', '@', ' ', '\t', '\u00a0', '\u200b', '\u00ad', '\u0007', '\ufeff', 'ø', 'ß', 'ك', '٣', '😀', '\u202e', "'", '+', '_', '%', '#'];
    const textOf = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 12 }).map((parts) => parts.join(''));
    const address = fc.tuple(textOf, textOf, textOf, fc.constantFrom('no', 'se', 'dk', 'ø', 'x', 'رس')).map(([a, b, c, tld]) => `${a}@${b}.${c}.${tld}`);
    fc.assert(
      fc.property(textOf, (value) => {
        expect(v.safeParse(Required, value).success, JSON.stringify(value)).to.equal(value.length > 0 && visible.test(value));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.oneof(address, textOf), (value) => {
        expect(isEmailAddress(value), JSON.stringify(value)).to.equal(email.test(value));
      }),
      { numRuns: 300 },
    );
    for (const [value, ok] of [['sofie.lund@fjordvik.kommune.no', true], ['kari@bærum.no', true], ['a@b.c', false], ['a b@c.no', false], ['a@c.no?cc=x@y.no', false]] as const) {
      expect(isEmailAddress(value), value).to.equal(ok);
    }
  });
});

