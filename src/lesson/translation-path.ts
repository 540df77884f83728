import path from 'node:path';
import type { Lang } from '../i18n/index.js';

/** lessons/x/lesson.yaml -> lessons/x/lesson.ru.yaml */
export function translationPath(sourceFile: string, lang: Lang): string {
  const ext = path.extname(sourceFile);
  return sourceFile.slice(0, sourceFile.length - ext.length) + `.${lang}` + ext;
}
