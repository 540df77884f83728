// Commands run through the real commander program with in-memory streams.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { sampleLesson, sampleTranslation, tempDir, writeLesson } from '../helpers/fixtures.js';
import { fakeTerminal, KEY, memoryIO } from '../helpers/terminal.js';

async function cli(args: string[], opts: { lessonDirs?: string[]; dataDir?: string; lang?: 'en' | 'ru'; cwd?: string } = {}) {
  const io = memoryIO();
  let helpOut = '';
  let helpErr = '';
  const dataDir = opts.dataDir ?? tempDir();
  const env: Record<string, string> = { SAFESTEP_HOME: dataDir, LANG: opts.lang === 'ru' ? 'ru_RU.UTF-8' : 'en_US.UTF-8', HOME: tempDir() };
  const code = await run(args, {
    io,
    env,
    paths: { dataDir, lessonDirs: opts.lessonDirs ?? [] },
    writeOut: (s) => void (helpOut += s),
    writeErr: (s) => void (helpErr += s),
  });
  return { code, out: io.out() + helpOut, err: io.err() + helpErr, dataDir };
}

function lessonsDir(): string {
  const dir = tempDir();
  writeLesson(dir, sampleLesson(), sampleTranslation());
  writeLesson(dir, { ...sampleLesson('second-lesson'), topic: 'financial', title: 'Second lesson' }, { ...sampleTranslation('second-lesson'), title: 'Второй урок' }, 'financial');
  return dir;
}

describe('safestep commands', () => {
  it('prints help in the chosen language and exits 0', async () => {
    const en = await cli(['--help']);
    expect(en.code).toBe(0);
    expect(en.out).toContain('Usage: safestep');
    expect(en.out).toContain('take a lesson');
    const ru = await cli(['--help'], { lang: 'ru' });
    expect(ru.out).toContain('Использование: safestep [параметры] [команда]');
    expect(ru.out).toContain('пройти урок');
  });

  it('without a terminal, plain `safestep` prints help and exits 0', async () => {
    const r = await cli([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Commands:');
  });

  it('gives one clear line and exit 2 for usage errors', async () => {
    const r = await cli(['lesons']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe('safestep: unknown command lesons');
    expect(r.err).not.toMatch(/at .*\.js:\d+/);
    const bad = await cli(['lessons', '--topic', 'cats']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown topic "cats"');
  });

  it('lists lessons as JSON with their progress', async () => {
    const dirs = [lessonsDir()];
    const r = await cli(['lessons', '--json'], { lessonDirs: dirs });
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { lessons: { id: string; topic: string; minutes: number; progress: { state: string; steps: number } }[] };
    expect(parsed.lessons.map((l) => [l.id, l.topic, l.progress.state, l.progress.steps])).toEqual([
      ['sample-lesson', 'communications', 'new', 8],
      ['second-lesson', 'financial', 'new', 8],
    ]);
    const ru = await cli(['lessons', '--topic', 'financial'], { lessonDirs: dirs, lang: 'ru' });
    expect(ru.out).toContain('Деньги и банки');
    expect(ru.out).toContain('Второй урок');
    expect(ru.out).not.toContain('Пробный урок');
  });

  it('suggests the closest lesson id for a typo', async () => {
    const r = await cli(['learn', 'sample-leson'], { lessonDirs: [lessonsDir()] });
    expect(r.code).toBe(2);
    expect(r.err).toContain('there is no lesson "sample-leson"');
    expect(r.err).toContain('Did you mean: sample-lesson');
  });

  it('validates lessons with positions and exit 1 on errors', async () => {
    const dir = lessonsDir();
    const ok = await cli(['lesson', 'validate', dir], { lessonDirs: [dir] });
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('Checked 2 lessons: 0 error(s), 0 warning(s).');
    const broken = writeLesson(tempDir(), { ...sampleLesson('bad-one'), steps: [{ id: 'only', type: 'text', body: 'x', next: 'gone' }] });
    const bad = await cli(['lesson', 'validate', broken, '--json'], { lessonDirs: [dir] });
    expect(bad.code).toBe(1);
    const report = JSON.parse(bad.out) as { errors: number; problems: { code: string; line: number }[] };
    expect(report.problems.filter((p) => p.code === 'unknown-target')).toHaveLength(1);
    const strict = await cli(['lesson', 'validate', '--strict', broken.replace('lesson.yaml', '')], { lessonDirs: [dir] });
    expect(strict.code).toBe(1);
  });

  it('scaffolds a lesson that validates, then previews every branch', async () => {
    const root = tempDir();
    const created = await cli(['lesson', 'new', 'my-first-lesson', '--topic', 'devices', '--dir', root]);
    expect(created.code).toBe(0);
    const file = path.join(root, 'devices', 'my-first-lesson', 'lesson.yaml');
    expect(existsSync(file)).toBe(true);
    const validated = await cli(['lesson', 'validate', '--json', file]);
    const report = JSON.parse(validated.out) as { errors: number; problems: { code: string }[] };
    expect(report.errors).toBe(0);
    expect(report.problems.map((p) => p.code)).toEqual(['draft', 'translation-missing']);
    const again = await cli(['lesson', 'new', 'my-first-lesson', '--topic', 'devices', '--dir', root]);
    expect(again.code).toBe(2);

    // A draft stays out of the learners' list until its author deletes `draft: true`.
    expect(created.out).toContain('delete that line');
    const listed = await cli(['lessons'], { lessonDirs: [root] });
    expect(listed.out).not.toContain('my-first-lesson');
    expect((await cli(['learn', 'my-first-lesson'], { lessonDirs: [root] })).code).toBe(2);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^draft: true.*\n/m, ''));
    expect((await cli(['lessons'], { lessonDirs: [root] })).out).toContain('my-first-lesson');

    const preview = await cli(['lesson', 'preview', path.join(lessonsDir(), 'communications', 'sample-lesson', 'lesson.yaml')]);
    expect(preview.code).toBe(0);
    for (const text of ['Unsafe because.', 'C is good.', 'Go left → left-end', 'Left ending.', 'Right path.', '[ ] Second thing', 'runs the local check telegram-desktop-session', 'the lesson ends here', 'Nothing to note.']) {
      expect(preview.out).toContain(text);
    }
    const ruPreview = await cli(['lesson', 'preview', 'sample-lesson', '--lang', 'ru'], { lessonDirs: [lessonsDir()] });
    expect(ruPreview.out).toContain('Налево → left-end');
    expect(ruPreview.out).toContain('Заметки для тренера');
  });

  it('asks before deleting all progress at a terminal, and keeps it on no', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'progress.json'), JSON.stringify({ format: 1, lessons: { 'sample-lesson': { version: 2, updated: '2026-11-01', steps: { intro: { done: true, v: 2 } } } } }));
    const term = fakeTerminal();
    const done = run(['progress', 'reset', '--all'], { io: term.io, lang: 'ru', env: { SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [lessonsDir()] } });
    await term.answer('Удалить весь прогресс и ответы для плана?', KEY.enter);
    expect(await done).toBe(0);
    expect(term.screen()).toContain('Ничего не удалено.');
    expect(readFileSync(path.join(dataDir, 'progress.json'), 'utf8')).toContain('sample-lesson');
  });

  it('exports, resets and imports progress', async () => {
    const dataDir = tempDir();
    writeFileSync(
      path.join(dataDir, 'progress.json'),
      JSON.stringify({ format: 1, current: 'sample-lesson', lessons: { 'sample-lesson': { version: 2, updated: '2026-11-01', steps: { intro: { done: true, v: 2 } } } } }),
    );
    const dirs = [lessonsDir()];
    const exportFile = path.join(tempDir(), 'progress-export.json');
    expect((await cli(['progress', 'export', exportFile], { dataDir, lessonDirs: dirs })).code).toBe(0);
    expect((await cli(['progress', 'export', exportFile], { dataDir, lessonDirs: dirs })).code).toBe(2);
    const refused = await cli(['progress', 'reset', '--all'], { dataDir, lessonDirs: dirs });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('add --yes');
    expect(readFileSync(path.join(dataDir, 'progress.json'), 'utf8')).toContain('sample-lesson');
    const typo = await cli(['progress', 'reset', 'sample-lesso'], { dataDir, lessonDirs: dirs });
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('sample-lesson');
    expect((await cli(['progress', 'reset', '--all', '--yes'], { dataDir, lessonDirs: dirs })).code).toBe(0);
    const empty = JSON.parse((await cli(['progress', '--json'], { dataDir, lessonDirs: dirs })).out) as { lessons: unknown[] };
    expect(empty.lessons).toEqual([]);
    const imported = await cli(['progress', 'import', exportFile], { dataDir, lessonDirs: dirs, lang: 'ru' });
    expect(imported.out).toContain('Добавлен прогресс по 1 уроку');
    const shown = JSON.parse((await cli(['progress', '--json'], { dataDir, lessonDirs: dirs })).out) as { lessons: { id: string; stepsDone: number }[] };
    expect(shown.lessons).toEqual([expect.objectContaining({ id: 'sample-lesson', stepsDone: 1 })]);
    writeFileSync(exportFile, 'not json');
    const bad = await cli(['progress', 'import', exportFile], { dataDir, lessonDirs: dirs });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('is not a safestep progress file');
    expect(readFileSync(path.join(dataDir, 'progress.json'), 'utf8')).toContain('sample-lesson');
  });

  it('warns about a corrupt progress file and keeps working', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'progress.json'), '\u0000garbage');
    const r = await cli(['lessons'], { dataDir, lessonDirs: [lessonsDir()] });
    expect(r.code).toBe(0);
    expect(r.err).toContain('could not be read, so safestep started a new one');
    expect(r.out).toContain('sample-lesson');
  });

  it('lists checks and explains one without running it', async () => {
    const list = await cli(['check']);
    expect(list.out).toContain('telegram-desktop-session');
    const explain = await cli(['check', 'telegram-desktop-session', '--explain'], { lang: 'ru' });
    expect(explain.out).toContain('Что смотрит эта проверка:');
    const unknown = await cli(['check', 'telegram-sesion']);
    expect(unknown.code).toBe(2);
  });
});
