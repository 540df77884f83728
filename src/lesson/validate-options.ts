// What the lesson validator needs to know about the rest of safestep: the
// checks lessons may name (with their option schemas) and the contact ids.
import type { AppContext } from '../context.js';
import { checkIds, checkLoaders } from '../../checks/index.js';
import { loadContacts } from '../contacts/load.js';
import type { OptionsSchema } from '../check-kit/types.js';
import type { ValidateOptions } from './validate.js';

export async function checkSchemas(): Promise<Map<string, OptionsSchema>> {
  const map = new Map<string, OptionsSchema>();
  for (const id of checkIds) map.set(id, (await checkLoaders[id]!()).default.meta.options);
  return map;
}

export async function validateOptions(ctx: AppContext, knownLessonIds?: ReadonlySet<string>): Promise<ValidateOptions> {
  const { contacts, problems } = await loadContacts(ctx.t);
  return {
    t: ctx.t,
    today: ctx.now(),
    checks: await checkSchemas(),
    ...(knownLessonIds ? { knownLessonIds } : {}),
    // A broken directory is reported by `lesson validate` itself; lessons are then not checked against it.
    ...(problems.length === 0 ? { contactIds: new Set(contacts.map((c) => c.id)) } : {}),
  };
}
