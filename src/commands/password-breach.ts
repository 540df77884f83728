// The optional breach check for `safestep check password --online`: says
// exactly what will be sent, asks, sends only 5 hex characters of the SHA-1,
// and fails soft when there is no connection.
import type { AppContext } from '../context.js';
import { wrap } from '../text/markdown.js';
import type { Prompter } from '../prompter.js';
import { AUDIT_MESSAGES, fill, pwnedFound } from '../password/messages.js';
import { checkPwned, describePwnedRequest, type FetchLike } from '../password/pwned.js';

export async function breachCheck(ctx: AppContext, prompter: Prompter, password: string, fetchImpl: FetchLike = fetch as unknown as FetchLike): Promise<void> {
  const request = describePwnedRequest(password);
  const print = (text: string): void => void ctx.io.stdout.write(wrap(text, ctx.io.width).join('\n') + '\n');
  print('');
  print(fill(AUDIT_MESSAGES['pwned.notice'][ctx.lang], { prefix: request.prefix }));
  if (!(await prompter.confirm(ctx.t('password.sendNow'), false))) {
    print(ctx.t('password.notSent'));
    return;
  }
  const result = await checkPwned(password, fetchImpl);
  if ('error' in result) print(AUDIT_MESSAGES['pwned.error'][ctx.lang]);
  else if (result.count > 0) print(pwnedFound(result.count, ctx.lang));
  else print(AUDIT_MESSAGES['pwned.not-found'][ctx.lang]);
}
