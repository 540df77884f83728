// `safestep check [id] [paths...]`: run one local check, or list them.
import os from 'node:os';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, SafestepError } from '../errors.js';
import { checkIds } from '../../checks/index.js';
import { executeCheck, findingText, loadCheck, tildify } from '../checks/execute.js';
import { realCheckContext } from '../checks/command-runner.js';
import { renderCheckResult } from '../checks/render.js';
import type { Severity } from '../checks/types.js';
import { closestIds } from '../lesson/catalog.js';
import { wrap } from '../runner/markdown.js';
import { styler } from '../io.js';

const RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3 };

interface CheckOptions {
  json?: boolean;
  explain?: boolean;
  failOn: 'high' | 'medium' | 'low';
}

export default async function check(ctx: AppContext, id: string | undefined, paths: string[], opts: CheckOptions): Promise<number> {
  const chalk = await styler(ctx.io);
  if (!id) {
    const out = [chalk.bold(ctx.t('check.available'))];
    for (const checkId of checkIds) {
      const c = await loadCheck(checkId);
      if (c) out.push(`  ${checkId}`, ...wrap(c.meta.description[ctx.lang], ctx.io.width, '      ', '      '));
    }
    out.push('', ctx.t('check.usage'));
    ctx.io.stdout.write(out.join('\n') + '\n');
    return EXIT_OK;
  }
  const found = await loadCheck(id);
  if (!found) {
    const near = closestIds(id, checkIds);
    throw new SafestepError(ctx.t('check.unknown', { id }), EXIT_USAGE, near.length ? ctx.t('lesson.didYouMean', { ids: near.join(', ') }) : ctx.t('check.seeList'));
  }
  if (opts.explain) {
    const out = [chalk.bold(found.meta.title[ctx.lang]), ...wrap(found.meta.description[ctx.lang], ctx.io.width), '', chalk.bold(ctx.t('check.reads'))];
    for (const r of found.meta.reads) out.push(...wrap(r[ctx.lang], ctx.io.width, '    ', '  - '));
    ctx.io.stdout.write(out.join('\n') + '\n');
    return EXIT_OK;
  }
  const home = os.homedir();
  const result = await executeCheck(found, realCheckContext(ctx.env, paths), {});
  const failing = result.findings.some((f) => RANK[f.severity] >= RANK[opts.failOn]);
  if (opts.json) {
    const findings = result.findings.map((f) => ({
      severity: f.severity,
      message: findingText(found, f.message, withTilde(f.data, home), ctx.lang),
      fix: f.fix ? findingText(found, f.fix, withTilde(f.data, home), ctx.lang) : null,
      lessons: f.lessons ?? [],
      path: f.path ? tildify(f.path, home) : null,
    }));
    ctx.io.stdout.write(JSON.stringify({ id, status: result.status, findings, ...(result.error ? { error: result.error } : {}) }, null, 2) + '\n');
  } else {
    ctx.io.stdout.write(renderCheckResult(found, result, { lang: ctx.lang, t: ctx.t, width: ctx.io.width, home, bold: chalk.bold }).join('\n') + '\n');
  }
  return failing || result.status === 'error' ? EXIT_PROBLEMS : EXIT_OK;
}

function withTilde(data: Record<string, string | number> | undefined, home: string): { message: string; severity: Severity; data: Record<string, string | number> } {
  const mapped = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, typeof v === 'string' ? tildify(v, home) : v]));
  return { message: '', severity: 'info', data: mapped };
}
