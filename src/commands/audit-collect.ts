// `safestep audit --collect FILE`: writes what the system tools answered on
// this computer (see src/audit/collect.ts) after showing it in full. At a
// terminal the person reads it and says yes; scripts pass --yes.
import { access, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { defineMessages } from '../i18n/messages.js';
import { collect } from '../audit/collect.js';
import { loadChecks } from '../audit/load.js';
import { PACKAGE_ROOT } from '../paths.js';
import { wrap } from '../text/markdown.js';
import { inquirerPrompter } from '../prompter.js';
import { checkContext, homeOf } from './shared/checks.js';

export const COLLECT_TEXT = defineMessages('audit-collect', {
  intro: {
    en: 'This is everything that would be written to {file}: the commands the checks ran, their exit codes and what they printed. It holds no file contents, keys, passwords or history; your home folder, user name and computer name are replaced. Read it before you send it to anyone.',
    ru: 'Вот всё, что будет записано в {file}: команды, которые выполнили проверки, их коды завершения и вывод. Содержимого файлов, ключей, паролей и истории там нет; домашняя папка, имя пользователя и имя компьютера заменены. Прочитайте это, прежде чем кому-то отправлять.',
  },
  confirm: { en: 'Write this to {file}?', ru: 'Записать это в {file}?' },
  written: {
    en: 'Written to {file} (readable only by you). Sent to the safestep developers, it becomes a test that keeps the checks right on computers like this one (docs/checks.md).',
    ru: 'Записано в {file} (читать его можете только вы). Если отправить его разработчикам safestep, он станет тестом, который следит, чтобы проверки правильно работали на таких компьютерах (docs/checks.md).',
  },
  cancelled: { en: 'Nothing was written.', ru: 'Ничего не записано.' },
  needsYes: {
    en: 'not at a terminal, so nobody can read the collection before it is written',
    ru: 'вывод не в терминал, поэтому прочитать сбор перед записью некому',
  },
  needsYesHint: { en: 'Add --yes to write it without asking.', ru: 'Добавьте --yes, чтобы записать без вопроса.' },
  exists: { en: '{file} already exists', ru: '{file} уже существует' },
});

async function version(): Promise<string> {
  try {
    return (JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export default async function auditCollect(ctx: AppContext, file: string, opts: { yes?: boolean; force?: boolean }): Promise<number> {
  const m = COLLECT_TEXT.text(ctx.lang);
  const target = path.resolve(file);
  if (!opts.force && (await access(target).then(() => true, () => false))) {
    throw new SafestepError(m('exists', { file: target }), EXIT_USAGE, ctx.t('progress.exportForce'));
  }
  if (!opts.yes && !ctx.io.canPrompt) throw new SafestepError(m('needsYes'), EXIT_USAGE, m('needsYesHint'));
  const home = homeOf(ctx);
  const collection = await collect(await loadChecks(), checkContext(ctx), {
    version: await version(),
    now: ctx.now(),
    release: os.release(),
    identity: { home, user: ctx.env.USER ?? ctx.env.USERNAME ?? os.userInfo().username, host: os.hostname() },
  });
  const body = JSON.stringify(collection, null, 2) + '\n';
  ctx.io.stdout.write(`${wrap(m('intro', { file: target }), ctx.io.width).join('\n')}\n\n${body}\n`);
  if (!opts.yes) {
    const yes = await inquirerPrompter(ctx.io, ctx.t).confirm(m('confirm', { file: target }), false);
    if (!yes) {
      ctx.io.stdout.write(`${m('cancelled')}\n`);
      return EXIT_OK;
    }
  }
  await writeFileAtomic(target, body, 0o600);
  ctx.io.stdout.write(`${wrap(m('written', { file: target }), ctx.io.width).join('\n')}\n`);
  return EXIT_OK;
}
