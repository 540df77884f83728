// A one-line progress indicator on stderr for long scans in a terminal. It is
// redrawn at most every 100 ms and erased at the end, so output stays clean.
import type { Writable } from 'node:stream';
import type { Translate } from '../../i18n/index.js';

export function progressBar(stream: Writable & { columns?: number }, t: Translate): { update(count: number, current: string): void; done(): void } {
  let last = 0;
  let drawn = false;
  return {
    update(count, current) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const text = `${t('metadata.progress', { count })} ${current}`.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
      stream.write(`\r${text.length > width ? text.slice(0, width - 1) + '…' : text.padEnd(width)}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write(`\r${' '.repeat(Math.max(20, (stream.columns ?? 80) - 1))}\r`);
    },
  };
}
