// End to end: the built bin/safestep in a real pseudo-terminal (tmux), as a
// person would use it: answer a quiz, quit with Ctrl+C, start again, resume.
// .ci/run installs tmux; the test setup bundles the CLI first.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

afterAll(() => {
  try {
    tmux('kill-session', '-t', session);
  } catch {
    // already gone
  }
});

describe.skipIf(tmuxProgram.missing)(tmuxProgram.title('bin/safestep in a real terminal'), () => {
  it('runs a lesson, saves on Ctrl+C, resumes, in Russian and English', async () => {
    expect(existsSync(path.join(ROOT, 'dist', 'bundle', 'main.js'))).toBe(true);
    const lessons = tempDir();
    writeLesson(lessons, sampleLesson(), sampleTranslation());
    const home = tempDir();
    const env = `env -i PATH="${process.env.PATH}" HOME="${tempDir()}" TERM=xterm-256color LANG=ru_RU.UTF-8 SAFESTEP_HOME="${home}" SAFESTEP_LESSON_PATH="${lessons}"`;
    const launch = (args: string): void => {
      tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '40', `${env} node ${BIN} ${args}; echo "EXIT=$?"; sleep 30`);
    };

    launch('learn sample-lesson');
    await screenContains('Пробный урок');
    await screenContains('Готовы?');
    tmux('send-keys', '-t', session, 'Enter');
    await screenContains('Выберите безопасный.');
    await screenContains('Выберите один ответ');
    tmux('send-keys', '-t', session, 'Enter');
    await screenContains('Верно.');
    await screenContains('Отметьте все верные ответы');
    tmux('send-keys', '-t', session, 'C-c');
    const afterQuit = await screenContains('EXIT=0');
    expect(afterQuit).toContain('Прогресс сохранён.');
    tmux('kill-session', '-t', session);

    const saved = JSON.parse(readFileSync(path.join(home, 'progress.json'), 'utf8')) as { lessons: Record<string, { steps: Record<string, { done: boolean; correct?: boolean }> }> };
    expect(saved.lessons['sample-lesson']!.steps['quiz-one']).toMatchObject({ done: true, correct: true });

    launch('--lang en learn sample-lesson');
    const resumed = await screenContains('Tick every answer that is right');
    expect(resumed).toContain('Welcome back.');
    expect(resumed).not.toContain('Pick the safe one.');
    tmux('send-keys', '-t', session, 'C-c');
    await screenContains('EXIT=0');
    tmux('kill-session', '-t', session);

    launch('--lang en progress');
    const listed = await screenContains('EXIT=0');
    expect(listed).toContain('sample-lesson');
    expect(listed).toContain('in progress, 2 steps done');
  });
});
