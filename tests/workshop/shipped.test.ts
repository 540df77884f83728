// The shipped plans: listed, checked in both languages (start times add up to
// the stated length), shown, and an unknown id is one line with exit 2.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { SHIPPED_LESSONS } from '../../src/paths.js';
import { shippedPlanIds } from '../../src/workshop/shipped.js';
import { tempDir } from '../helpers/fixtures.js';
import { memoryIO } from '../helpers/terminal.js';

const dataDir = tempDir();
const opts = (io = memoryIO()) => ({ io, env: { SAFESTEP_HOME: dataDir, LANG: 'en_US.UTF-8' }, paths: { dataDir, lessonDirs: [SHIPPED_LESSONS] } });

describe('shipped workshop plans', () => {
  it('lists six plans with JSON', async () => {
    const io = memoryIO();
    expect(await run(['workshop', 'list', '--json'], opts(io))).toBe(0);
    const { plans } = JSON.parse(io.out()) as { plans: { id: string; minutes: number; lessons: string[] }[] };
    expect(plans.map((p) => p.id)).toEqual(['first-evening', 'before-a-trip-to-russia', 'phone-clinic', 'talking-with-relatives', 'money-abroad', 'for-organisers']);
    expect(plans.map((p) => p.minutes)).toEqual([120, 90, 180, 90, 90, 240]);
  });

  for (const id of shippedPlanIds()) {
    for (const lang of ['en', 'ru']) {
      it(`${id} checks and shows in ${lang}`, async () => {
        const io = memoryIO();
        expect(await run(['--lang', lang, 'workshop', 'check', id], opts(io))).toBe(0);
        expect(io.out()).toContain(lang === 'en' ? 'The start times add up' : 'Время сходится');
        // Languages by name, not by code ("Языки: en, ru" was English on a Russian screen).
        expect(io.out()).toContain(lang === 'en' ? 'Languages: English' : 'Языки: английский');
        const show = memoryIO();
        expect(await run(['--lang', lang, 'workshop', 'show', id], opts(show))).toBe(0);
        expect(show.out()).toContain(lang === 'en' ? 'Room safety' : 'Безопасность в зале');
      });
    }
  }

  it('an unknown id suggests the nearest, exit 2', async () => {
    let err = '';
    const io = memoryIO();
    expect(await run(['workshop', 'show', 'first-evenin'], { ...opts(io), writeErr: (s: string) => void (err += s) })).toBe(2);
    expect(io.err() + err).toContain('first-evening');
  });
});
