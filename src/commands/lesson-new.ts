// `safestep lesson new <id> --topic T`: scaffold a valid lesson to edit.
import { access } from 'node:fs/promises';
import { ensureDir } from '../fsutil/dirs.js';
import path from 'node:path';
import type { AppContext } from '../context.js';
import { EXIT_OK, EXIT_USAGE, SafestepError } from '../errors.js';
import { writeFileAtomic } from '../fsutil/atomic.js';
import { scaffoldLesson } from '../lesson/scaffold.js';
import { TOPICS } from '../lesson/types.js';
import type { OptionsOf } from './spec.js';
import type { spec } from './lesson-new.cli.js';

type Options = OptionsOf<typeof spec>;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export default async function lessonNew(ctx: AppContext, id: string, opts: Options): Promise<number> {
  if (!ID.test(id) || id.length > 64) throw new SafestepError(ctx.t('new.badId', { id }), EXIT_USAGE, ctx.t('new.idHint'));
  if (!(TOPICS as readonly string[]).includes(opts.topic)) {
    throw new SafestepError(ctx.t('lessons.badTopic', { topic: opts.topic }), EXIT_USAGE, ctx.t('lessons.topics', { list: TOPICS.join(', ') }));
  }
  const root = path.resolve(opts.dir ?? 'lessons');
  const folder = path.join(root, opts.topic, id);
  const file = path.join(folder, 'lesson.yaml');
  const exists = await access(folder).then(
    () => true,
    () => false,
  );
  if (exists) throw new SafestepError(ctx.t('new.exists', { path: folder }), EXIT_USAGE);
  await ensureDir(folder);
  await writeFileAtomic(file, scaffoldLesson(id, opts.topic, ctx.now().toISOString().slice(0, 10)));
  ctx.io.stdout.write(ctx.t('new.created', { file: path.relative(process.cwd(), file) || file }) + '\n');
  ctx.io.stdout.write(ctx.t('new.draft') + '\n');
  ctx.io.stdout.write(ctx.t('new.next', { dir: path.relative(process.cwd(), folder) || folder, file: path.relative(process.cwd(), file) || file }) + '\n');
  return EXIT_OK;
}
