// Wires the lesson runner to the real terminal, the real checks and the store.
import type { AppContext } from '../../context.js';
import { styler } from '../../io.js';
import { loadCheck } from '../../../checks/index.js';
import { renderCheckResult, renderExplain } from '../../check-kit/render.js';
import type { Platform } from '../../i18n/labels.js';
import { runChecks } from '../../audit/run.js';
import { checkContext, homeOf, lessonIds } from './checks.js';
import { wrap, type Style } from '../../text/markdown.js';
import type { Prompter } from '../../prompter.js';
import type { StepEnv } from '../../lesson/steps/types.js';
import { loadContacts, type Contact } from '../../contacts/load.js';
import { contactCard } from '../../contacts/render.js';

export async function markdownStyle(ctx: AppContext): Promise<Style> {
  const chalk = await styler(ctx.io);
  return { bold: chalk.bold, italic: chalk.italic, code: chalk.cyan, heading: (s) => chalk.bold.underline(s), dim: chalk.dim };
}

export async function makeStepEnv(ctx: AppContext, prompter: Prompter, lessonId: string): Promise<StepEnv> {
  const style = await markdownStyle(ctx);
  const print = (text = ''): void => void ctx.io.stdout.write(text + '\n');
  return {
    t: ctx.t,
    lang: ctx.lang,
    lessonId,
    prompter,
    style,
    // Read at each use: text printed after the terminal is resized wraps at its new width.
    get width() {
      return ctx.io.width;
    },
    print,
    async showContacts(ids) {
      const { contacts } = await loadContacts(ctx.t);
      const shown = ids.map((id) => contacts.find((c) => c.id === id)).filter((c): c is Contact => c !== undefined);
      if (shown.length === 0) return;
      print(style.bold(ctx.t('contacts.title')));
      for (const c of shown) print(contactCard(c, ctx.lang, ctx.t, ctx.io.width - 2).map((l) => '  ' + l).join('\n'));
      print();
    },
    async explainCheck(id) {
      const check = await loadCheck(id);
      if (!check) return;
      print(style.bold(ctx.t('check.reads')));
      print(renderExplain(check.meta, [process.platform as Platform], { lang: ctx.lang, width: ctx.io.width }).join('\n'));
      print();
    },
    async runCheck(id, options) {
      const check = await loadCheck(id);
      if (!check) {
        print(wrap(ctx.t('check.unknown', { id }), ctx.io.width).join('\n'));
        return;
      }
      // Interactive checks (a password, a folder to scan) ask through the lesson's own prompts.
      const [result] = await runChecks([check], checkContext(ctx, [], check.meta.interactive ? prompter : undefined), {
        only: [id],
        options: { [id]: options },
        ...(check.meta.interactive ? { timeoutMs: 30 * 60_000 } : {}),
      });
      if (!result) {
        print(wrap(ctx.t('check.notForThisSystem', { id }), ctx.io.width).join('\n'));
        return;
      }
      print(renderCheckResult(result, { lang: ctx.lang, t: ctx.t, width: ctx.io.width, home: homeOf(ctx), bold: style.bold, lessons: await lessonIds(ctx) }).join('\n'));
    },
  };
}
