import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderHtmlReport, renderMarkdownReport, toJsonReport } from '../../src/audit/report.js';
import type { AuditResult } from '../../src/audit/run.js';
import { finding, result } from './helpers.js';

const HOME = '/home/anna';
const date = new Date('2026-05-01T12:30:00Z');

function sample(): AuditResult[] {
  return [
    result('keys', 'fail', [finding('high', '/home/anna/.ssh/id_rsa'), finding('medium', '/home/anna/.ssh/<b>evil</b>.key')]),
    result('lock', 'warn', [finding('low', '/home/anna/x')], { topic: 'identity' }),
    result('disk', 'not-applicable', [{ message: 'note', severity: 'info' }]),
    result('broken', 'error', [], { error: { kind: 'exception', message: 'Error: SECRET-IN-ERROR /home/anna/private' } }),
    result('fine', 'pass'),
  ];
}

describe('Markdown report', () => {
  it('has the score, the next steps, findings by severity and every check, in English', () => {
    const md = renderMarkdownReport(sample(), { lang: 'en', home: HOME, generatedAt: date, platform: 'linux' });
    expect(md).toContain('# safestep: device check report');
    expect(md).toContain('2026-05-01 12:30 UTC');
    // keys 0 + lock 8 + broken 0 + fine 10 = 18 of 40
    expect(md).toContain('**45/100**');
    expect(md).toContain('## The next things to do');
    expect(md).toMatch(/1\. \*\*High\*\* · keys has problems: Problem at \\~\/\.ssh\/id\\_rsa/);
    expect(md).toContain('### Medium');
    expect(md).toContain('`safestep learn keys-lesson`');
    expect(md).toContain('| broken checked (`broken`) | Could not check — This check could not finish, so its result is unknown. |');
    expect(md).toContain('Just so you know');
  });

  it('is in Russian when asked', () => {
    const md = renderMarkdownReport(sample(), { lang: 'ru', home: HOME, generatedAt: date });
    expect(md).toContain('# safestep: отчёт о проверке устройства');
    expect(md).toContain('Что сделать в первую очередь');
    expect(md).toContain('Проблема в \\~/.ssh/id\\_rsa');
    expect(md).toContain('Высокая');
    expect(md).not.toContain('Problem at');
  });

  it('shows home as ~, escapes markup, never includes error messages', () => {
    const md = renderMarkdownReport(sample(), { lang: 'en', home: HOME, generatedAt: date });
    expect(md).not.toContain('/home/anna');
    expect(md).not.toContain('<b>');
    expect(md).toContain('\\<b\\>evil\\</b\\>');
    expect(md).not.toContain('SECRET-IN-ERROR');
    expect(escapeMarkdown('a*b_[c](d)<e>|`f`~&')).toBe('a\\*b\\_\\[c\\](d)\\<e\\>\\|\\`f\\`\\~\\&');
  });

  it('says so when nothing applied and nothing needs doing', () => {
    const md = renderMarkdownReport([result('x', 'not-applicable')], { lang: 'en', home: HOME, generatedAt: date });
    expect(md).toContain('no score: no check applied to this computer');
    expect(md).toContain('Nothing urgent was found.');
  });
});

describe('HTML report', () => {
  it('is one self-contained page: no scripts, no external resources, a CSP that forbids loading', () => {
    const html = renderHtmlReport(sample(), { lang: 'en', home: HOME, generatedAt: date, platform: 'linux' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//i);
    expect(html).toContain('<svg class="gauge"');
    expect(html).toContain('>45</text>');
  });

  it('escapes everything from checks and shows home as ~', () => {
    const html = renderHtmlReport(sample(), { lang: 'en', home: HOME, generatedAt: date });
    expect(html).not.toContain('<b>evil</b>');
    expect(html).toContain('&lt;b&gt;evil&lt;/b&gt;');
    expect(html).not.toContain('/home/anna');
    expect(html).toContain('~/.ssh/id_rsa');
    expect(html).not.toContain('SECRET-IN-ERROR');
  });

  it('has a bar per topic and is in Russian when asked', () => {
    const html = renderHtmlReport(sample(), { lang: 'ru', home: HOME, generatedAt: date });
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('Устройства: 33/100');
    expect(html).toContain('Аккаунты и личные данные: 80/100');
    expect(html).toContain('style="width:80%;');
  });
});

describe('JSON report', () => {
  it('has the shape of `safestep audit --json`, most serious findings first, without error messages', () => {
    const json = toJsonReport(sample(), { lang: 'en', home: HOME });
    expect(json.score).toBe(45);
    expect(json.checks[0]).toEqual({
      id: 'keys',
      title: 'keys has problems',
      status: 'fail',
      findings: [
        { severity: 'high', message: 'Problem at ~/.ssh/id_rsa', fix: 'Fix ~/.ssh/id_rsa', lessons: ['keys-lesson'], path: '~/.ssh/id_rsa' },
        { severity: 'medium', message: 'Problem at ~/.ssh/<b>evil</b>.key', fix: 'Fix ~/.ssh/<b>evil</b>.key', lessons: ['keys-lesson'], path: '~/.ssh/<b>evil</b>.key' },
      ],
    });
    expect(json.checks[3]).toEqual({ id: 'broken', title: 'broken checked', status: 'error', findings: [], error: 'exception' });
    expect(JSON.stringify(json)).not.toContain('SECRET-IN-ERROR');
  });
});
