import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/text/markdown.js';
import { stripUnsafe } from '../../src/sanitize.js';

describe('terminal Markdown', () => {
  it('wraps paragraphs to the width and renders lists and links without colour', () => {
    const out = renderMarkdown('## Steps\n\nOne two three four five six seven eight nine ten.\n\n- first item that is long enough to wrap around\n1. numbered\n\nSee [the guide](https://example.org/g).', 24);
    expect(out.split('\n')).toEqual([
      'Steps',
      '',
      'One two three four five',
      'six seven eight nine',
      'ten.',
      '',
      '  • first item that is',
      '    long enough to wrap',
      '    around',
      '  1. numbered',
      '',
      'See the guide',
      '(https://example.org/g).',
    ]);
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(24);
  });

  it('never lets escape sequences or bidi overrides through', () => {
    const hostile = 'Click \u001b]8;;https://evil\u0007here\u001b]8;;\u0007 \u202eevil\u202c \u001b[2J';
    const out = renderMarkdown(hostile, 80);
    expect(out).not.toMatch(/[\u001b\u0007\u202e\u202c]/);
    expect(stripUnsafe('a\u009bb\u2066c')).toBe('abc');
  });
});
