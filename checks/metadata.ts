// Photos, documents and videos in a folder the user names: location, serial
// numbers, names and other metadata worth removing before sharing. It never
// scans anything the user did not point at.
import { defineCheck, defineMessages, findingsOf, type Bilingual, type CheckResult, type Finding, type MessageIds } from '../src/check-kit/index.js';
import { categoryTitle } from '../src/metadata/messages.js';
import { summarize } from '../src/metadata/report.js';
import { scanPaths } from '../src/metadata/scan.js';
import { CATEGORIES, isRisky, type Category, type FileScan, type MetaSeverity } from '../src/metadata/types.js';

const LESSONS = ['photo-document-metadata'];

interface FileSummary {
  path: string;
  worst: MetaSeverity;
  categories: Category[];
}

export interface MetadataData {
  files: FileSummary[];
  summary: ReturnType<typeof summarize>;
}

const INPUT = {
  kind: 'path',
  prompt: {
    en: 'Which folder or file should be checked? (for example ~/Pictures)',
    ru: 'Какую папку или файл проверить? (например, ~/Pictures)',
  },
} as const;

const M = defineMessages('check.metadata', {
  file: { en: '{path}: found {categories}', ru: '{path}: найдено — {categories}' },
  fix: {
    en: 'Make a clean copy before you send or publish it: {cmd} scrub "{path}" (the original is kept).',
    ru: 'Сделайте очищенную копию, прежде чем отправлять или публиковать: {cmd} scrub "{path}" (оригинал сохранится).',
  },
  summary: {
    en: 'Files: {total}; checked: {checked}; with metadata: {withFindings}; not checked: {notChecked}.',
    ru: 'Файлов: {total}; проверено: {checked}; с метаданными: {withFindings}; не проверено: {notChecked}.',
  },
  notChecked: {
    en: { one: '{count} file could not be checked (unsupported type, unreadable, damaged or over a safety limit): run {cmd} check metadata on the folder to see which and why.', other: '{count} files could not be checked (unsupported type, unreadable, damaged or over a safety limit): run {cmd} check metadata on the folder to see which and why.' },
    ru: {
      one: 'Не удалось проверить {count} файл (неизвестный тип, нет доступа, повреждён или превышен предел безопасности). Чтобы узнать, какой и почему, запустите {cmd} check metadata для этой папки.',
      few: 'Не удалось проверить {count} файла (неизвестный тип, нет доступа, повреждены или превышен предел безопасности). Чтобы узнать, какие и почему, запустите {cmd} check metadata для этой папки.',
      many: 'Не удалось проверить {count} файлов (неизвестный тип, нет доступа, повреждены или превышен предел безопасности). Чтобы узнать, какие и почему, запустите {cmd} check metadata для этой папки.',
      other: 'Не удалось проверить {count} файла (неизвестный тип, нет доступа, повреждены или превышен предел безопасности). Чтобы узнать, какие и почему, запустите {cmd} check metadata для этой папки.',
    },
  },
});

type Id = MessageIds<typeof M>;
const finding = findingsOf(M, { lessons: LESSONS });

function titles(categories: readonly Category[]): Bilingual {
  const list = (lang: 'en' | 'ru') => categories.map((c) => categoryTitle(c, lang).toLowerCase()).join(', ');
  return { en: list('en'), ru: list('ru') };
}

export default defineCheck({
  meta: {
    id: 'metadata',
    title: { en: 'No revealing metadata in these files', ru: 'В этих файлах нет выдающих вас метаданных' },
    failureTitle: { en: 'Some files carry revealing metadata', ru: 'В некоторых файлах есть выдающие вас метаданные' },
    subject: { en: 'Metadata in the files you chose', ru: 'Метаданные в выбранных вами файлах' },
    description: {
      en: 'Looks inside photos, PDFs, office documents and videos in a folder you choose for GPS location, camera serial numbers, author names, tracked changes and hidden previews.',
      ru: 'Проверяет фото, PDF, офисные документы и видео в выбранной вами папке: координаты GPS, серийные номера камер, имена авторов, исправления и скрытые превью.',
    },
    topic: 'devices',
    lessons: LESSONS,
    explain: {
      all: {
        en: 'Only the files and folders you name (folders recursively, symbolic links not followed); it reads just the headers and metadata blocks, on this computer, and changes nothing.',
        ru: 'Только файлы и папки, которые вы укажете (папки со всем содержимым, символические ссылки не открываются); читаются лишь заголовки и блоки метаданных, на этом компьютере, ничего не меняется.',
      },
    },
    input: INPUT,
    messages: M,
  },
  async gather(ctx): Promise<MetadataData> {
    const paths = ctx.paths.length > 0 ? [...ctx.paths] : ctx.input ? [await ctx.input.path(INPUT.prompt)] : [];
    if (paths.length === 0 || paths.every((p) => p === '')) throw new Error('no folder was named');
    const all: FileScan[] = [];
    const files: FileSummary[] = [];
    for await (const item of scanPaths(paths.map((p) => (p.startsWith('~/') ? ctx.home + p.slice(1) : p)))) {
      all.push(item);
      const risky = item.findings.filter(isRisky);
      if (risky.length === 0) continue;
      files.push({ path: item.path, worst: risky.some((f) => f.severity === 'high') ? 'high' : 'medium', categories: CATEGORIES.filter((c) => risky.some((f) => f.category === c)) });
    }
    return { files, summary: summarize(all) };
  },
  evaluate(data): CheckResult<Id> {
    const findings: Finding<Id>[] = data.files.map((f) => finding('file', f.worst, { fix: 'fix', path: f.path, data: { path: f.path, categories: titles(f.categories) } }));
    // A file that could not be checked is never a pass.
    if (data.summary.notChecked > 0) findings.push(finding('notChecked', 'medium', { data: { count: data.summary.notChecked }, lessons: [] }));
    findings.push(finding('summary', 'info', { data: { ...data.summary }, lessons: [] }));
    const status = findings.some((f) => f.severity === 'high') ? 'fail' : findings.some((f) => f.severity === 'medium') ? 'warn' : 'pass';
    return { status, findings };
  },
});
