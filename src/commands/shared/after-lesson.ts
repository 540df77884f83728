// What a lesson's ending may offer besides "well done": a next action that
// fits what the lesson taught. Kept here, beside the runner's caller, so a
// lesson file stays content and never names a command to run.
import type { AppContext } from '../../context.js';
import { FORGET } from '../../forget/messages.js';
import { asking } from '../../journal/passphrase.js';
import type { Prompter } from '../../prompter.js';
import { wrap } from '../../text/markdown.js';

/** Resolves true when the offer removed safestep's data: the caller must then write nothing more. */
type Offer = (ctx: AppContext, prompter: Prompter) => Promise<boolean>;

/** Before a border crossing: remove what safestep keeps on this computer. */
const offerForget: Offer = async (ctx, prompter) => {
  const m = FORGET.text(ctx.lang);
  ctx.io.stdout.write('\n' + wrap(m('after.offer'), ctx.io.width).join('\n') + '\n');
  const now = await asking(() => prompter.select(m('after.ask'), [{ name: m('after.later'), value: false }, { name: m('after.now'), value: true }], false));
  if (!now) return false;
  const { forgetFlow } = await import('../forget.js');
  return (await forgetFlow(ctx, {}, prompter)).wiped;
};

const OFFERS: ReadonlyMap<string, Offer> = new Map([['border-phone-inspection', offerForget]]);

export async function offerAfterLesson(ctx: AppContext, lessonId: string, prompter: Prompter): Promise<boolean> {
  return (await OFFERS.get(lessonId)?.(ctx, prompter)) ?? false;
}
