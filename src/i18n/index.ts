// The i18n entry point: languages, the message model, and the translator over
// the shared UI table. Lesson text has its own translation files and falls back
// to English with a visible marker (FALLBACK_MARK).
import type { Data } from './format.js';
import type { Lang } from './lang.js';
import { ui, type MessageKey } from './ui.js';

export { LANGS, isLang, langFromEnv, type Lang } from './lang.js';
export { format, setCommandName, type Data } from './format.js';
export { defineMessages, inLang, pick, registeredMessages, type Bilingual, type BilingualText, type Messages, type Phrase, type PluralForms, type TextOf } from './messages.js';
export type { MessageKey };

/** Shown beside lesson text that fell back to English, in the user's language. */
export const FALLBACK_MARK: Record<Lang, string> = { en: '[not translated] ', ru: '[нет перевода] ' };

export type Translate = (key: MessageKey, data?: Data) => string;

export function translator(lang: Lang): Translate {
  return ui.text(lang);
}
