import { describe, expect, it } from 'vitest';
import { decideColor } from '../../src/io.js';
import { run } from '../../src/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

describe('colour', () => {
  it.each([
    [{ flag: false, env: { FORCE_COLOR: '1' }, isTTY: true }, false],
    [{ env: { NO_COLOR: '1' }, isTTY: true }, false],
    [{ env: { NO_COLOR: '' }, isTTY: true }, true],
    [{ env: { FORCE_COLOR: '1' }, isTTY: false }, true],
    [{ env: { FORCE_COLOR: '0' }, isTTY: true }, false],
    [{ env: {}, isTTY: false }, false],
    [{ env: { TERM: 'dumb' }, isTTY: true }, false],
    [{ env: {}, isTTY: true }, true],
  ])('%o -> %s', (choice, expected) => {
    expect(decideColor(choice)).toBe(expected);
  });
});

describe('--lang', () => {
  it('rejects an unknown language with one line and exit 2, in the locale language', async () => {
    let err = '';
    const dataDir = tempDir();
    const code = await run(['--lang', 'de'], { io: memoryIO(), env: { LANG: 'ru_RU.UTF-8', SAFESTEP_HOME: dataDir }, paths: { dataDir, lessonDirs: [] }, writeErr: (s) => void (err += s) });
    expect(code).toBe(2);
    expect(err.split('\n')[0]).toBe('safestep: неизвестный язык «de»; safestep говорит на en (английском) и ru (русском)');
  });
});
