// `safestep contacts [--country XX] [--need N]`: who can help, offline.
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { styler } from '../io.js';
import { loadContacts, NEEDS, type Contact } from '../contacts/load.js';
import { contactCard } from '../contacts/render.js';
import { wrap } from '../runner/markdown.js';

export function filterContacts(contacts: readonly Contact[], opts: { country?: string; need?: string }): Contact[] {
  const country = opts.country?.toUpperCase();
  return contacts.filter(
    (c) => (!country || c.countries.length === 0 || c.countries.includes(country)) && (!opts.need || c.needs.includes(opts.need as Contact['needs'][number])),
  );
}

export default async function contacts(ctx: AppContext, opts: { country?: string; need?: string; json?: boolean }): Promise<number> {
  if (opts.country !== undefined && !/^[A-Za-z]{2}$/.test(opts.country)) {
    throw new SafestepError(ctx.t('contacts.badCountry', { country: opts.country }), EXIT_USAGE, ctx.t('contacts.countryHint'));
  }
  if (opts.need !== undefined && !(NEEDS as readonly string[]).includes(opts.need)) {
    throw new SafestepError(ctx.t('contacts.badNeed', { need: opts.need }), EXIT_USAGE, ctx.t('contacts.needs', { list: NEEDS.join(', ') }));
  }
  const { contacts: all, problems } = await loadContacts(ctx.t);
  if (problems.length > 0) {
    const p = problems[0]!;
    throw new SafestepError(`${p.file}:${p.line}:${p.col}: ${p.code}: ${p.message}`, EXIT_PROBLEMS);
  }
  const shown = filterContacts(all, opts);
  if (opts.json) {
    ctx.io.stdout.write(JSON.stringify({ contacts: shown }, null, 2) + '\n');
    return EXIT_OK;
  }
  const chalk = await styler(ctx.io);
  const out: string[] = [...wrap(ctx.t('contacts.intro'), ctx.io.width, '', ''), ''];
  if (shown.length === 0) out.push(ctx.t('contacts.none'));
  for (const c of shown) out.push(...contactCard(c, ctx.lang, ctx.t, ctx.io.width, chalk.bold), '');
  out.push(...wrap(ctx.t('contacts.safety'), ctx.io.width, '', ''));
  ctx.io.stdout.write(out.join('\n') + '\n');
  return EXIT_OK;
}
