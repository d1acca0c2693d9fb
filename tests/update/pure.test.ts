/** The policy's pure helpers: semver precedence, release notes to plain text, failure kinds. */
import { describe, expect, it } from 'vitest';
import { classifyUpdateError } from '../../electron/update/errors';
import { notesToText } from '../../electron/update/notes';
import { compareVersions, isPrerelease, parseVersion } from '../../electron/update/version';

describe('compareVersions (semver 2.0 precedence)', () => {
  it('orders the spec example chain', () => {
    const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.1.0', '2.0.0'];
    for (let i = 0; i + 1 < chain.length; i++) {
      expect(compareVersions(chain[i]!, chain[i + 1]!), `${chain[i]} < ${chain[i + 1]}`).toBe(-1);
      expect(compareVersions(chain[i + 1]!, chain[i]!)).toBe(1);
    }
    expect(compareVersions('1.2.3+build.5', '1.2.3')).toBe(0);
    expect(compareVersions('10.0.0', '9.9.9')).toBe(1);
  });

  it('refuses what is not a version', () => {
    for (const bad of ['', '1', '1.2', '01.2.3', '1.2.3-', 'latest', '1.2.3.4']) expect(parseVersion(bad), bad).toBeNull();
    expect(() => compareVersions('1.0.0', 'x')).toThrow();
    expect(isPrerelease('1.2.0-beta.1')).toBe(true);
    expect(isPrerelease('1.2.0')).toBe(false);
  });
});

describe('notesToText', () => {
  it('drops tags, scripts and handlers, keeps the words and list items', () => {
    expect(notesToText('<p>Fixed <b>sync</b> &amp; <i>backup</i></p><ul><li>One</li><li>Two</li></ul><script>alert(1)</script><img src=x onerror=alert(2)>')).toBe(
      'Fixed sync & backup\n\n• One\n• Two',
    );
    expect(notesToText('5 &lt; 6 &#x4e00;&#38405;')).toBe('5 < 6 一阅');
    expect(notesToText('<a href="javascript:alert(1)">click</a> <unfinished')).toBe('click');
  });

  it('joins electron-builder note lists and ignores anything else', () => {
    expect(notesToText([{ version: '1.1.0', note: 'A' }, { version: '1.0.1', note: '<b>B</b>' }])).toBe('1.1.0\nA\n\n1.0.1\nB');
    expect(notesToText(null)).toBe('');
    expect(notesToText(42)).toBe('');
    expect(notesToText('x'.repeat(30_000))).toHaveLength(20_000);
  });
});

describe('classifyUpdateError', () => {
  const kind = (error: unknown) => classifyUpdateError(error).kind;
  it('gives each failure one kind', () => {
    expect(kind(Object.assign(new Error('x'), { code: 'ERR_ONEWALLET_BAD_SIGNATURE' }))).toBe('bad_signature');
    expect(kind(Object.assign(new Error('sha512 checksum mismatch'), { code: 'ERR_CHECKSUM_MISMATCH' }))).toBe('checksum_mismatch');
    expect(kind(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBe('disk_full');
    expect(kind(Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }))).toBe('offline');
    expect(kind(new Error('Request timed out'))).toBe('timeout');
    expect(kind(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe('feed_unreachable');
    expect(kind(Object.assign(new Error('HttpError: 503'), { statusCode: 503 }))).toBe('feed_unreachable');
    expect(kind('something odd')).toBe('download_failed');
  });
});
