// The real prompts at a narrow width: long choices and questions wrap under
// their own text (never back to column 0), and a checklist confirms with a count.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.js';
import { inquirerPrompter } from '../../src/prompter.js';
import { fakeTerminal, KEY } from '../helpers/terminal.js';

const LONG = 'Set a SIM PIN in Settings, Mobile data, SIM PIN, and write it down somewhere safe.';

/** Lines of the last drawing of the prompt, as the terminal shows them. */
function lastFrame(screen: string, from: string): string[] {
  return screen.slice(screen.lastIndexOf(from)).split('\n');
}

describe('prompts', () => {
  it('wraps checklist items with a hanging indent and echoes a count in Russian', async () => {
    const term = fakeTerminal({ width: 40 });
    const asked = inquirerPrompter(term.io, translator('ru')).checkbox('Отметьте то, что уже сделали', [
      { name: LONG, value: 'pin' },
      { name: 'Short one.', value: 'short' },
      { name: 'Третий пункт.', value: 'third' },
    ], { echo: 'count' });
    await term.answer('Short one.', KEY.space, KEY.down, KEY.space, KEY.enter);
    expect(await asked).toEqual(['pin', 'short']);
    const frame = lastFrame(term.screen(), 'Set a SIM PIN');
    expect(frame.slice(0, 3)).toEqual(['Set a SIM PIN in Settings, Mobile', '   data, SIM PIN, and write it down', '   somewhere safe.']);
    expect(term.screen()).toMatch(/> Отметьте то, что уже сделали отмечено\s+2 из 3/);
    expect(term.screen()).not.toContain('safe., Short');
  });

  it('wraps a long question and its answers at the width', async () => {
    const term = fakeTerminal({ width: 40 });
    const asked = inquirerPrompter(term.io, translator('en')).select('Someone intercepted the SMS with your login code. Which setting still keeps them out?', [
      { name: 'A cloud password (two-step verification) that you set yourself', value: 'right' },
      { name: 'Hide my number', value: 'wrong' },
    ]);
    await term.answer('Hide my number', KEY.enter);
    expect(await asked).toBe('right');
    const frame = lastFrame(term.screen(), '? Someone');
    expect(frame.slice(0, 5)).toEqual(['? Someone intercepted the SMS with your', '  login code. Which setting still keeps', '  them out?', '❯ A cloud password (two-step', '  verification) that you set yourself']);
  });
});
