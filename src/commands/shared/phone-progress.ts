// What a live phone read is doing, on stderr: one line per part, and the count
// of apps whose signing certificates are read, redrawn in place on a terminal.
// Shared by `check phone` and `audit --phone`, where the read takes minutes.
import type { AppContext } from '../../context.js';
import { defineMessages } from '../../i18n/messages.js';
import type { AndroidPart } from '../../phone/index.js';

const M = defineMessages('phone-progress', {
  reading: { en: 'Reading the phone: {part}…', ru: 'Чтение телефона: {part}…' },
  readingApks: { en: 'Reading signing certificates: {done} of {total} apps…', ru: 'Чтение сертификатов подписи: {done} из {total} приложений…' },
  'part.device': { en: 'model and updates', ru: 'модель и обновления' },
  'part.packages': { en: 'list of apps', ru: 'список приложений' },
  'part.package-flags': { en: 'system and disabled apps', ru: 'системные и отключённые приложения' },
  'part.accessibility': { en: 'accessibility services', ru: 'службы специальных возможностей' },
  'part.device-admins': { en: 'device administrators', ru: 'администраторы устройства' },
  'part.notification-listeners': { en: 'access to notifications', ru: 'доступ к уведомлениям' },
  'part.install-permission': { en: 'who may install apps', ru: 'кто может ставить приложения' },
  'part.settings': { en: 'debugging settings', ru: 'настройки отладки' },
  'part.root': { en: 'signs of root', ru: 'признаки рута' },
  'part.launcher': { en: 'apps without an icon', ru: 'приложения без значка' },
  'part.certificates': { en: 'signing certificates', ru: 'сертификаты подписи' },
});

type PartKey = `part.${AndroidPart}`;

/** One line on stderr per part; the APK count is redrawn in place on a terminal. */
export function phoneProgress(ctx: AppContext): { onProgress: (part: string, done?: number, total?: number) => void; done(): void } {
  const err = ctx.io.stderr;
  const width = Math.max(20, ctx.io.width - 1);
  const fit = (s: string): string => (s.length > width ? `${s.slice(0, width - 1)}…` : s);
  let lastPart: string | undefined;
  let redrawn = false;
  let lastDraw = 0;
  return {
    onProgress(part, done, total) {
      if (part === 'certificates' && done !== undefined && total !== undefined) {
        const line = fit(M.get('readingApks', ctx.lang, { done: done + 1, total }));
        if (err.isTTY) {
          const now = Date.now();
          if (now - lastDraw < 100 && done + 1 < total) return;
          lastDraw = now;
          err.write(`\r${line.padEnd(width)}`);
          redrawn = true;
        } else if (done === 0 || (done + 1) % 50 === 0 || done + 1 === total) {
          err.write(`${line}\n`);
        }
        return;
      }
      if (part === lastPart) return;
      lastPart = part;
      if (redrawn) {
        err.write('\n');
        redrawn = false;
      }
      err.write(`${fit(M.get('reading', ctx.lang, { part: (M.has(`part.${part}`) ? M.get(`part.${part}` as PartKey, ctx.lang) : part) }))}\n`);
    },
    done() {
      if (redrawn) err.write('\n');
    },
  };
}
