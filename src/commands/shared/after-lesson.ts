// What a lesson's ending may offer besides "well done": a next action that
// fits what the lesson taught. Kept here, beside the runner's caller, so a
// lesson file stays content and never names a command to run.
import type { AppContext } from '../../context.js';
import { FORGET } from '../../forget/messages.js';
import { asking } from '../../journal/passphrase.js';
import type { Prompter } from '../../prompter.js';
import { wrap } from '../../text/markdown.js';

type Offer = (ctx: AppContext, prompter: Prompter) => Promise<void>;

/** Before a border crossing: remove what safestep keeps on this computer. */
const offerForget: Offer = async (ctx, prompter) => {
  const m = FORGET.text(ctx.lang);
  ctx.io.stdout.write('\n' + wrap(m('after.offer'), ctx.io.width).join('\n') + '\n');
  const now = await asking(() => prompter.select(m('after.ask'), [{ name: m('after.later'), value: false }, { name: m('after.now'), value: true }], false));
  if (!now) return;
  const { forgetEverything } = await import('../forget.js');
  await forgetEverything(ctx, {}, prompter);
};

const OFFERS: ReadonlyMap<string, Offer> = new Map([['border-phone-inspection', offerForget]]);

export async function offerAfterLesson(ctx: AppContext, lessonId: string, prompter: Prompter): Promise<void> {
  await OFFERS.get(lessonId)?.(ctx, prompter);
}
