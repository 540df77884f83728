// Photos, documents and videos in a folder the user names: location, serial
// numbers, names and other metadata worth removing before sharing. It never
// scans anything the user did not point at.
import { defineCheck, type Bilingual, type Finding } from '../src/checks/types.js';
import { categoryTitle } from '../src/metadata/messages.js';
import { scanPaths, summarize } from '../src/metadata/scan.js';
import { CATEGORIES, isRisky, type Category, type FileScan, type MetaSeverity } from '../src/metadata/types.js';

interface FileSummary {
  path: string;
  worst: MetaSeverity;
  categories: Category[];
}

export interface MetadataData {
  files: FileSummary[];
  summary: ReturnType<typeof summarize>;
}

const PROMPT: Bilingual = {
  en: 'Which folder or file should be checked? (for example ~/Pictures)',
  ru: 'Какую папку или файл проверить? (например, ~/Pictures)',
};

function titles(categories: readonly Category[], lang: 'en' | 'ru'): string {
  return categories.map((c) => categoryTitle(c, lang).toLowerCase()).join(', ');
}

export default defineCheck<MetadataData>({
  meta: {
    id: 'metadata',
    title: { en: 'No revealing metadata in these files', ru: 'В этих файлах нет выдающих вас метаданных' },
    failureTitle: { en: 'Some files carry revealing metadata', ru: 'В некоторых файлах есть выдающие вас метаданные' },
    description: {
      en: 'Looks inside photos, PDFs, office documents and videos in a folder you choose for GPS location, camera serial numbers, author names, tracked changes and hidden previews.',
      ru: 'Проверяет фото, PDF, офисные документы и видео в выбранной вами папке: координаты GPS, серийные номера камер, имена авторов, исправления и скрытые превью.',
    },
    topic: 'devices',
    platforms: ['linux', 'darwin', 'win32'],
    lessons: ['photo-document-metadata'],
    options: { type: 'object', properties: {}, additionalProperties: false },
    reads: [
      {
        en: 'Only the files and folders you name (folders recursively, symbolic links not followed); it reads just the headers and metadata blocks, on this computer, and changes nothing.',
        ru: 'Только файлы и папки, которые вы укажете (папки со всем содержимым, символические ссылки не открываются); читаются лишь заголовки и блоки метаданных, на этом компьютере, ничего не меняется.',
      },
    ],
    interactive: true,
    messages: {
      file: { en: '{path}: found {categoriesEn}', ru: '{path}: найдено — {categoriesRu}' },
      fix: {
        en: 'Make a clean copy before you send or publish it: safestep scrub "{path}" (the original is kept).',
        ru: 'Сделайте очищенную копию, прежде чем отправлять или публиковать: safestep scrub "{path}" (оригинал сохранится).',
      },
      summary: {
        en: 'Files: {total}; checked: {checked}; with metadata: {withFindings}; not checked: {notChecked}.',
        ru: 'Файлов: {total}; проверено: {checked}; с метаданными: {withFindings}; не проверено: {notChecked}.',
      },
      notChecked: {
        en: '{notChecked} files could not be checked (unsupported type, unreadable, damaged or over a safety limit): run safestep check metadata on the folder to see which and why.',
        ru: 'Не удалось проверить файлов: {notChecked} (неизвестный тип, нет доступа, повреждены или превышен предел безопасности). Чтобы узнать, какие и почему, запустите safestep check metadata для этой папки.',
      },
    },
  },
  async gather(ctx) {
    const paths = ctx.paths.length > 0 ? [...ctx.paths] : ctx.input ? [await ctx.input.path(PROMPT)] : [];
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
  evaluate(data) {
    const findings: Finding[] = data.files.map((f) => ({
      message: 'file',
      fix: 'fix',
      severity: f.worst,
      path: f.path,
      data: { path: f.path, categoriesEn: titles(f.categories, 'en'), categoriesRu: titles(f.categories, 'ru') },
      lessons: ['photo-document-metadata'],
    }));
    // A file that could not be checked is never a pass.
    if (data.summary.notChecked > 0) findings.push({ message: 'notChecked', severity: 'medium', data: { ...data.summary } });
    findings.push({ message: 'summary', severity: 'info', data: { ...data.summary } });
    const status = findings.some((f) => f.severity === 'high') ? 'fail' : findings.some((f) => f.severity === 'medium') ? 'warn' : 'pass';
    return { status, findings };
  },
});
