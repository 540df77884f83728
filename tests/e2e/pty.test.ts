// End to end: the built bin/safestep in a real pseudo-terminal (tmux), as a
// person would use it: answer a quiz, quit with Ctrl+C, start again, resume.
// .ci/run installs tmux; the test setup bundles the CLI first.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { sampleLesson, sampleTranslation, tempDir, writeLesson } from '../helpers/fixtures.js';
import { needProgram } from '../helpers/programs.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'safestep.js');
const session = `safestep-e2e-${process.pid}`;
const tmuxProgram = needProgram('tmux');

function tmux(...args: string[]): string {
  return execFileSync(tmuxProgram.path!, args, { encoding: 'utf8' });
}

async function screenContains(text: string, timeoutMs = 8000): Promise<string> {
  const start = Date.now();
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', session);
    if (screen.includes(text)) return screen;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function killSession(): void {
  try {
    tmux('kill-session', '-t', session);
  } catch {
    // already gone
  }
}
// A failed test leaves its session behind; the next one starts clean.
beforeEach(killSession);
afterAll(killSession);

/** True when the terminal wrapped no line itself: the pane's lines equal its joined lines. */
function noTerminalWrap(history = 200): boolean {
  const lines = tmux('capture-pane', '-p', '-t', session, '-S', `-${history}`).split('\n').length;
  const joined = tmux('capture-pane', '-p', '-J', '-t', session, '-S', `-${history}`).split('\n').length;
  return lines === joined;
}

describe.skipIf(tmuxProgram.missing)(tmuxProgram.title('bin/safestep in a real terminal'), () => {
  it('runs a lesson, saves on Ctrl+C, resumes in its language at the same step, in Russian and English', async () => {
    expect(existsSync(path.join(ROOT, 'dist', 'bundle', 'main.js'))).toBe(true);
    const lessons = tempDir();
    writeLesson(lessons, sampleLesson(), sampleTranslation());
    const home = tempDir();
    // The locale is English: Russian is asked for with --lang, as a trainer's laptop might need.
    const env = `env -i PATH="${process.env.PATH}" HOME="${tempDir()}" TERM=xterm-256color LANG=en_US.UTF-8 SAFESTEP_HOME="${home}" SAFESTEP_LESSON_PATH="${lessons}"`;
    const launch = (args: string): void => {
      tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', `${env} node ${BIN} ${args}; echo "EXIT=$?"; sleep 30`);
    };

    launch('--lang ru learn sample-lesson');
    await screenContains('Пробный урок');
    await screenContains('Готовы?');
    tmux('send-keys', '-t', session, 'Enter');
    await screenContains('Выберите безопасный.');
    await screenContains('Выберите один ответ');
    tmux('send-keys', '-t', session, 'Enter');
    await screenContains('Верно.');
    await screenContains('Шаг 3');
    await screenContains('Отметьте все верные ответы');
    tmux('send-keys', '-t', session, 'C-c');
    const afterQuit = await screenContains('EXIT=0');
    // Run from a checkout, the hint names the command that works here.
    expect(afterQuit).toMatch(/Прогресс сохранён\. Продолжить потом: node \S*safestep\.js learn sample-lesson/);
    expect(noTerminalWrap()).toBe(true);
    tmux('kill-session', '-t', session);

    const saved = JSON.parse(readFileSync(path.join(home, 'progress.json'), 'utf8')) as { lessons: Record<string, { lang?: string; steps: Record<string, { done: boolean; correct?: boolean }> }> };
    expect(saved.lessons['sample-lesson']!.steps['quiz-one']).toMatchObject({ done: true, correct: true });
    expect(saved.lessons['sample-lesson']!.lang).toBe('ru');

    // Exactly the printed command: Russian again, and still step 3.
    launch('learn sample-lesson');
    const again = await screenContains('Отметьте все верные ответы');
    expect(again).toContain('С возвращением.');
    expect(again).toContain('Шаг 3');
    expect(again).not.toContain('Шаг 1');
    tmux('send-keys', '-t', session, 'C-c');
    await screenContains('EXIT=0');
    tmux('kill-session', '-t', session);

    launch('--lang en learn sample-lesson');
    const resumed = await screenContains('Tick every answer that is right');
    expect(resumed).toContain('Welcome back.');
    expect(resumed).toContain('Step 3');
    expect(resumed).not.toContain('Pick the safe one.');
    tmux('send-keys', '-t', session, 'C-c');
    await screenContains('EXIT=0');
    tmux('kill-session', '-t', session);

    launch('--lang en progress');
    const listed = await screenContains('EXIT=0');
    expect(listed).toContain('sample-lesson');
    expect(listed).toContain('in progress, 2 steps done');
    tmux('kill-session', '-t', session);
  });

  it('prints the everyday screens at 80 columns without the terminal wrapping a line, in English and Russian', async () => {
    const screens = ['--help', 'lessons', 'contacts', 'check', 'audit --explain', 'workshop list', 'workshop show first-evening', 'progress', 'journal list', 'learn telegram-acount-lock'];
    const env = `env -i PATH="${process.env.PATH}" HOME="${tempDir()}" TERM=xterm-256color LANG=en_US.UTF-8 SAFESTEP_HOME="${tempDir()}"`;
    for (const lang of ['en', 'ru']) {
      const runs = screens.map((args) => `${env} node ${BIN} --lang ${lang} ${args}`).join('; ');
      // The history limit applies to panes made after it is set: a holding window first, then the one that runs.
      tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', 'sleep 60');
      tmux('set-option', '-g', 'history-limit', '20000');
      tmux('new-window', '-t', session, `${runs}; echo "EXIT=done"; sleep 30`);
      await screenContains('EXIT=done', 30_000);
      const all = tmux('capture-pane', '-p', '-t', session, '-S', '-20000');
      expect(all).toContain('telegram-account-lock');
      expect(all).toContain(lang === 'ru' ? 'Первый вечер' : 'First evening');
      expect(noTerminalWrap(20_000)).toBe(true);
      killSession();
    }
  }, 90_000);

  it('presents a workshop at 80x24 on the alternate screen, in pages, and stops in the room\'s language', async () => {
    const lessons = tempDir();
    const lesson = sampleLesson();
    const long = Array.from({ length: 14 }, (_, i) => `Paragraph ${i + 1}: a sentence long enough to take most of one line, and then more words to wrap.`).join('\n\n');
    (lesson.steps as Record<string, unknown>[]).splice(1, 0, { id: 'long', type: 'text', title: 'A long step', body: long });
    const translation = sampleTranslation();
    (translation.steps as Record<string, unknown>).long = { title: 'Длинный шаг', body: long.replace(/Paragraph/g, 'Абзац') };
    writeLesson(lessons, lesson, translation);
    const dir = tempDir();
    const plan = path.join(dir, 'plan.yaml');
    writeFileSync(plan, 'title: Session\naudience: Newcomers\nlanguages: [ru]\nagenda:\n  - lesson: sample-lesson\n    minutes: 30\n');
    const env = `env -i PATH="${process.env.PATH}" HOME="${tempDir()}" TERM=xterm-256color LANG=en_US.UTF-8 SAFESTEP_HOME="${tempDir()}" SAFESTEP_LESSON_PATH="${lessons}"`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', `printf 'before\\n'; ${env} node ${BIN} workshop run ${plan}; echo "EXIT=$?"; sleep 30`);
    const title = await screenContains('30 мин');
    expect(title).not.toContain('before'); // the alternate screen
    tmux('send-keys', '-t', session, 'Right');
    await screenContains('Добро пожаловать');
    tmux('send-keys', '-t', session, 'Right');
    const first = await screenContains('стр. 1/');
    expect(first).toContain('Длинный шаг');
    expect(first).toContain('Абзац 1:');
    tmux('send-keys', '-t', session, 'Space');
    const second = await screenContains('стр. 2/');
    expect(second).toContain('Пробный урок · Шаг 2/9');
    expect(second).not.toContain('Абзац 1:');
    tmux('resize-window', '-t', session, '-x', '60', '-y', '20');
    await new Promise((r) => setTimeout(r, 300));
    const narrow = await screenContains('стр. ');
    expect(Math.max(...narrow.split('\n').map((l) => l.trimEnd().length))).toBeLessThanOrEqual(60);
    tmux('send-keys', '-t', session, 'q');
    const after = await screenContains('EXIT=0');
    expect(after).toContain('before');
    expect(after).toContain('Остановлено.');
    tmux('kill-session', '-t', session);
  });
});
