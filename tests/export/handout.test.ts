import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { loadContacts } from '../../src/contacts/load.js';
import { SHIPPED_LESSONS } from '../../src/paths.js';
import { renderHandoutHtml, renderHandoutMarkdown } from '../../src/export/handout.js';
import { markdownToHtml } from '../../src/text/markdown-html.js';
import { translator } from '../../src/i18n/index.js';
import type { Lesson } from '../../src/lesson/types.js';
import { sampleLesson, sampleTranslation, tempDir, writeLesson } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

const lesson = sampleLesson() as unknown as Lesson;
const options = { title: 'Handout <b>', trainer: false, contacts: [], date: '2026-11-27' };

describe('handouts', () => {
  it('escapes lesson text: no markup, scripts or remote resources get through', () => {
    const html = markdownToHtml('Hi <script>alert(1)</script> <img src="https://evil/x.png"> [ok](https://example.org) [bad](javascript:alert(1)) **b**');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('<a href="https://example.org">ok</a>');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<strong>b</strong>');
  });

  it('renders a self-contained A4 page with every step, tick boxes, answers and sources', () => {
    const html = renderHandoutHtml([{ lesson, lang: 'en', t: translator('en') }], { ...options, answers: true });
    expect(renderHandoutHtml([{ lesson, lang: 'en', t: translator('en') }], options)).not.toContain('Answers and explanations');
    expect(html).toContain('@page { size: A4');
    // A command is typed from the paper: it is never split at a hyphen across lines.
    expect(html).toMatch(/code \{[^}]*white-space: nowrap/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/url\(/i);
    for (const step of lesson.steps) expect(html).toContain(`data-step="${step.id}"`);
    expect(html.match(/class="box"/g)?.length).toBe(2 + 3 + 2 + 2); // quiz choices, checklist items, choice options
    expect(html).toContain('Answers and explanations');
    expect(html).toContain('Go left → see step 6');
    expect(html).toContain('https://example.org/a');
    expect(html).toContain('<title>Handout &lt;b&gt;</title>');
    expect(html).not.toContain('Nothing to note.');
    expect(renderHandoutHtml([{ lesson, lang: 'en', t: translator('en') }], { ...options, trainer: true })).toContain('Nothing to note.');
  });

  it('renders Markdown with task-list boxes', () => {
    const md = renderHandoutMarkdown([{ lesson, lang: 'en', t: translator('en') }], options);
    expect(md).toContain('- [ ] First thing');
    expect(md).toContain('- [ ] Go right → see step 7');
    expect(md).toContain('1. A source. <https://example.org/a>');
  });

  it('exports lessons in both languages into one file', async () => {
    const lessons = tempDir();
    writeLesson(lessons, sampleLesson(), sampleTranslation());
    const out = tempDir();
    const dataDir = tempDir();
    const io = memoryIO();
    const code = await run(['export', 'sample-lesson', '--lang', 'en+ru', '--with-answers', '--out', out], { io, env: { SAFESTEP_HOME: dataDir, LANG: 'en_US.UTF-8' }, paths: { dataDir, lessonDirs: [lessons] } });
    expect(code).toBe(0);
    const html = readFileSync(path.join(out, 'sample-lesson.en+ru.html'), 'utf8');
    expect(html).toContain('<article lang="en"');
    expect(html).toContain('<article lang="ru"');
    expect(html).toContain('Пробный урок');
    expect(html).toContain('Ответы и пояснения');
  });

  it('names the help directory\'s organisations in the language of the page', async () => {
    // money-abroad's lessons point to OVD-Info, and its take-home page lists it.
    const { contacts } = await loadContacts(translator('en'));
    const ovd = contacts.find((c) => c.id === 'ovd-info')!;
    expect(ovd.names?.ru).toBe('ОВД-Инфо');
    const dataDir = tempDir();
    for (const format of ['html', 'md']) {
      const out = tempDir();
      const code = await run(['export', '--plan', 'money-abroad', '--lang', 'en+ru', '--format', format, '--out', out], { io: memoryIO(), env: { SAFESTEP_HOME: dataDir, LANG: 'en_US.UTF-8' }, paths: { dataDir, lessonDirs: [SHIPPED_LESSONS] } });
      expect(code).toBe(0);
      for (const name of [`money-abroad.en+ru.${format}`, `money-abroad.take-home.en+ru.${format}`]) {
        const text = readFileSync(path.join(out, name), 'utf8');
        const count = (needle: string, hay = text): number => hay.split(needle).length - 1;
        if (format === 'html') {
          // Each lesson and each sheet is marked with its language.
          const part = (lang: string): string => [...text.matchAll(new RegExp(`<(article|section) (?:class="sheet" )?lang="${lang}"[\\s\\S]*?</\\1>`, 'g'))].map((m) => m[0]).join('');
          expect(count(`<strong>${ovd.name}</strong>`, part('en')), name).toBeGreaterThan(0);
          expect(count(`<strong>${ovd.names!.ru}</strong>`, part('ru')), name).toBe(count(`<strong>${ovd.name}</strong>`, part('en')));
          expect(part('ru'), name).not.toContain(`<strong>${ovd.name}</strong>`);
        } else {
          // Every lesson and sheet is written once per language, so each name comes up as often as the other.
          expect(count(`**${ovd.name}**`), name).toBeGreaterThan(0);
          expect(count(`**${ovd.names!.ru}**`), name).toBe(count(`**${ovd.name}**`));
        }
      }
    }
  });

  it('refuses to print a plan in a language it has no text in, in one line, writing nothing', async () => {
    const lessons = tempDir();
    writeLesson(lessons, sampleLesson(), sampleTranslation());
    const plan = path.join(tempDir(), 'english-only.yaml');
    writeFileSync(plan, 'title: Session\naudience: Newcomers\nlanguages: [en]\nagenda:\n  - lesson: sample-lesson\n    minutes: 30\n');
    // With two languages asked for, messages speak the system's.
    for (const [locale, words] of [['en_US.UTF-8', 'written in English only'], ['ru_RU.UTF-8', 'только на языке: английский']] as const) {
      const dataDir = tempDir();
      const out = path.join(tempDir(), 'out');
      let err = '';
      const code = await run(['export', '--plan', plan, '--lang', 'en+ru', '--out', out], { io: memoryIO(), env: { SAFESTEP_HOME: dataDir, LANG: locale }, paths: { dataDir, lessonDirs: [lessons] }, writeErr: (s) => void (err += s) });
      expect(code).toBe(2);
      expect(err.replace(/\s+/g, ' ')).toContain(words);
      expect(err).toContain('--lang en.');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('keeps a command or a lesson id on the take-home page on one line, in both languages', async () => {
    const dataDir = tempDir();
    const out = tempDir();
    expect(await run(['export', '--plan', 'first-evening', '--lang', 'en+ru', '--out', out], { io: memoryIO(), env: { SAFESTEP_HOME: dataDir, LANG: 'en_US.UTF-8' }, paths: { dataDir, lessonDirs: [SHIPPED_LESSONS] } })).toBe(0);
    const html = readFileSync(path.join(out, 'first-evening.take-home.en+ru.html'), 'utf8');
    expect(html).toContain('code, .id { white-space: nowrap; }');
    expect(html).not.toContain('`');
    for (const lang of ['en', 'ru']) {
      const sheet = new RegExp(`<section class="sheet" lang="${lang}"[\\s\\S]*?</section>`).exec(html)![0];
      expect(sheet).toContain('<code>safestep learn passwords-and-managers</code>');
      expect(sheet).toContain('<span class="id">telegram-account-lock</span>, <span class="id">unfindable-by-number</span>');
    }
  });
});
