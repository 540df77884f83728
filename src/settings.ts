// Preferences the learner chose in the home menu (only the language so far).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './fsutil/atomic.js';
import { isLang, type Lang } from './i18n/index.js';

export interface Settings {
  lang?: Lang;
}

function file(dataDir: string): string {
  return path.join(dataDir, 'settings.json');
}

export async function readSettings(dataDir: string): Promise<Settings> {
  try {
    const raw = JSON.parse(await readFile(file(dataDir), 'utf8')) as Record<string, unknown>;
    return typeof raw.lang === 'string' && isLang(raw.lang) ? { lang: raw.lang } : {};
  } catch {
    return {};
  }
}

export async function writeSettings(dataDir: string, settings: Settings): Promise<void> {
  await writeFileAtomic(file(dataDir), JSON.stringify(settings) + '\n');
}
