import { describe, expect, it } from 'vitest';
import { auditExport, detectFormat, parseCsv, type ExportFormat } from '../../src/password/export-csv.js';

describe('parseCsv (RFC 4180)', () => {
  it.each([
    ['plain fields', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['CRLF line breaks', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['no final line break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['quoted fields', '"a","b"\n"1","2"\n', [['a', 'b'], ['1', '2']]],
    ['escaped quotes', '"say ""hi""",x\n', [['say "hi"', 'x']]],
    ['commas inside quotes', '"a,b",c\n', [['a,b', 'c']]],
    ['line breaks inside quotes', '"line1\nline2",x\r\n"a\r\nb",y\n', [['line1\nline2', 'x'], ['a\r\nb', 'y']]],
    ['empty fields', ',,\n"",x,\n', [['', '', ''], ['', 'x', '']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['byte order mark', '\uFEFFa,b\n', [['a', 'b']]],
    ['Cyrillic', 'имя,пароль\nпочта,секрет\n', [['имя', 'пароль'], ['почта', 'секрет']]],
  ])('%s', (_name, input, expected) => {
    const { records, errors } = parseCsv(input);
    expect(errors).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual(expected);
  });

  it('reports the line each record starts on, across quoted line breaks', () => {
    const { records } = parseCsv('h1,h2\n"a\nb",c\n\nd,e\n');
    expect(records.map((r) => r.row)).toEqual([1, 2, 5]);
  });

  it.each([
    ['unterminated quote', 'a,b\n1,"never closed\n2,3\n', 'unterminated-quote', 2, 3],
    ['bare quote', 'a,b\n1,2"3\n', 'bare-quote', 2, 4],
    ['text after closing quote', 'a,b\n"x"y,2\n', 'text-after-quote', 2, 4],
  ])('%s: error with position', (_name, input, code, row, column) => {
    const { errors } = parseCsv(input);
    expect(errors[0]).toMatchObject({ code, row, column });
  });

  it('never puts cell contents into errors', () => {
    const secret = 'Tr0ub4dour&3-secret';
    const inputs = [`a,b\n${secret}"x,y\n`, `a,b\n"${secret}"junk,y\n`, `a,b\n"${secret}\n`];
    for (const input of inputs) {
      const { errors } = parseCsv(input);
      expect(errors.length).toBeGreaterThan(0);
      expect(JSON.stringify(errors)).not.toContain('secret');
      expect(JSON.stringify(errors)).not.toContain('Tr0ub');
    }
  });
});

// Header rows as the tools write them.
const HEADERS: Record<ExportFormat, string> = {
  bitwarden: 'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
  keepassxc: '"Group","Title","Username","Password","URL","Notes","TOTP","Icon","Last Modified","Created"',
  '1password': 'Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes',
  chrome: 'name,url,username,password,note',
  firefox: '"url","username","password","httpRealm","formActionOrigin","guid","timeCreated","timeLastUsed","timePasswordChanged"',
};

/** One export row per format: name, url, username, password in the right columns. */
function row(format: ExportFormat, name: string, url: string, user: string, password: string): string {
  const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  switch (format) {
    case 'bitwarden':
      return [q(''), '0', 'login', q(name), q(''), q(''), '0', q(url), q(user), q(password), ''].join(',');
    case 'keepassxc':
      return [q('Root/Почта'), q(name), q(user), q(password), q(url), q(''), q(''), q('0'), q('2024-01-01T00:00:00Z'), q('2024-01-01T00:00:00Z')].join(',');
    case '1password':
      return [q(name), q(url), q(user), q(password), '', 'false', 'false', '', ''].join(',');
    case 'chrome':
      return [q(name), q(url), q(user), q(password), ''].join(',');
    case 'firefox':
      return [q(url), q(user), q(password), '', q(url), q('{0f1c}'), '1700000000000', '1700000000000', '1700000000000'].join(',');
  }
}

const FORMATS = Object.keys(HEADERS) as ExportFormat[];

describe('format detection', () => {
  it.each(FORMATS)('detects %s from its header', (format) => {
    const header = parseCsv(`${HEADERS[format]}\n`).records[0];
    expect(detectFormat(header?.fields ?? [])).toBe(format);
  });

  it('detects the older KeePassXC header without TOTP columns', () => {
    expect(detectFormat(['Group', 'Title', 'Username', 'Password', 'URL', 'Notes'])).toBe('keepassxc');
  });

  it('returns null for an unknown header', () => {
    expect(detectFormat(['a', 'b', 'c'])).toBeNull();
  });
});

describe('auditExport', () => {
  const vault = (format: ExportFormat): string =>
    [
      HEADERS[format],
      row(format, 'Почта', 'https://mail.example.org/login', 'anna@example.org', 'gfhjkm1987'),
      row(format, 'Госуслуги', 'https://www.gosuslugi.ru', 'anna', 'natasha1987'),
      row(format, 'Telegram', 'https://web.telegram.org', '+100000', 'gfhjkm1987'),
      row(format, 'Bank', 'https://bank.example.com', 'anna', 'kettle-lantern-orbit-cactus-velvet'),
      row(format, 'Forum', 'forum.example.net', 'anna', ''),
    ].join('\r\n');

  it.each(FORMATS)('%s: finds weak and reused passwords, reported by name only', (format) => {
    const result = auditExport(vault(format));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { audit } = result;
    expect(audit.format).toBe(format);
    expect(audit.summary).toEqual({ entries: 5, withPassword: 4, weak: 3, reusedEntries: 2, reuseGroups: 1 });
    const names = audit.entries.map((e) => e.name);
    if (format === 'firefox') {
      expect(names).toEqual(['mail.example.org', 'www.gosuslugi.ru', 'web.telegram.org', 'bank.example.com', 'forum.example.net']);
    } else {
      expect(names).toEqual(['Почта', 'Госуслуги', 'Telegram', 'Bank', 'Forum']);
    }
    expect(audit.entries[0]?.site).toBe('mail.example.org');
    expect(audit.entries[0]?.username).toBe('anna@example.org');
    expect(audit.weak.map((e) => e.index)).toEqual([1, 2, 3]);
    expect(audit.weak[0]?.reasons).toEqual(expect.arrayContaining(['layout-switch', 'year']));
    expect(audit.reuse).toEqual([{ entries: [1, 3], names: [names[0], names[2]] }]);
    expect(audit.entries[4]?.score).toBeNull();
    const json = JSON.stringify(result);
    for (const secret of ['gfhjkm1987', 'natasha1987', 'kettle-lantern', 'пароль', 'наташа']) expect(json).not.toContain(secret);
  });

  it('uses the format given instead of detecting it', () => {
    const result = auditExport(vault('chrome'), 'chrome');
    expect(result.ok).toBe(true);
  });

  it('refuses a format whose columns are missing', () => {
    const result = auditExport(vault('chrome'), 'bitwarden');
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'missing-column', row: 1 })] });
  });

  it('skips Bitwarden items that are not logins', () => {
    const text = [HEADERS.bitwarden, ',0,note,Door code,"1234",,0,,,,', row('bitwarden', 'Mail', 'https://m.example', 'a', 'qwerty')].join('\n');
    const result = auditExport(text);
    if (!result.ok) throw new Error('expected ok');
    expect(result.audit.entries.map((e) => e.name)).toEqual(['Mail']);
  });

  it('reports malformed rows with their line and no entries', () => {
    const text = [HEADERS.chrome, row('chrome', 'A', 'https://a.example', 'u', 'p1'), '"B","https://b.example","u"', row('chrome', 'C', 'https://c.example', 'u', 'p"3')].join('\n');
    const result = auditExport(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ code: 'field-count', row: 3 })]);
  });

  it('reports an unterminated quote with the line it opens on', () => {
    const text = `${HEADERS.chrome}\n"A","https://a.example","u","secret-pass\n`;
    const result = auditExport(text);
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'unterminated-quote', row: 2, column: 29 })] });
    expect(JSON.stringify(result)).not.toContain('secret-pass');
  });

  it('reports an empty file and an unknown header', () => {
    expect(auditExport('')).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'empty' })] });
    expect(auditExport('a,b\n1,2\n')).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'unknown-format', row: 1 })] });
  });

  it('cleans control characters out of displayed names', () => {
    const text = [HEADERS.chrome, row('chrome', 'Evil\u001b[31mName', 'https://x.example', 'u\u0007', 'p')].join('\n');
    const result = auditExport(text);
    if (!result.ok) throw new Error('expected ok');
    expect(result.audit.entries[0]?.name).toBe('Evil [31mName');
    expect(result.audit.entries[0]?.username).toBe('u');
  });
});
