// `safestep check phone --json`: one stable shape for scripts and trainers'
// tools. Every key is always present (null when unknown); findings carry the
// message id, its text in the chosen language and the text of its fix.
import type { CheckStatus, FindingData, Lang, Severity } from '../check-kit/types.js';
import { stripUnsafe } from '../sanitize.js';
import type { PhoneInput, PhoneResult } from './evaluate.js';
import type { IndicatorIndex } from './indicators.js';
import { phoneText } from './messages.js';
import type { AndroidPart, AndroidSource } from './types.js';

export interface PhoneJson {
  status: CheckStatus;
  source: AndroidSource | null;
  device: { model: string | null; android: string | null; patch: string | null };
  apps: number;
  indicators: { source: string; date: string };
  missing: AndroidPart[];
  findings: {
    id: string;
    severity: Severity;
    package: string | null;
    family: string | null;
    message: string;
    fix: string | null;
    lessons: string[];
  }[];
  backups: { device: string | null; date: string | null; encrypted: boolean | null }[];
}

/** Finding data in one language: bilingual values become that language's text. */
function dataIn(data: FindingData | undefined, lang: Lang): Record<string, string | number> | undefined {
  if (!data) return undefined;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
}

export function toJson(result: PhoneResult, input: PhoneInput, indicators: IndicatorIndex, lang: Lang): PhoneJson {
  const t = phoneText(lang);
  const android = input.android;
  return {
    status: result.status,
    source: android?.source ?? null,
    device: {
      model: android?.device.model ?? null,
      android: android?.device.android ?? null,
      patch: android?.device.patch ?? null,
    },
    apps: android?.apps.length ?? 0,
    indicators: indicators.summary(),
    missing: android ? [...android.missing] : [],
    findings: result.findings.map((f) => ({
      id: f.message,
      severity: f.severity,
      package: f.package ?? null,
      family: f.family ?? null,
      message: stripUnsafe(t(f.message, dataIn(f.data, lang))),
      fix: f.fix ? stripUnsafe(t(f.fix, dataIn(f.data, lang))) : null,
      lessons: [...(f.lessons ?? [])],
    })),
    backups: (input.ios?.backups ?? []).map((b) => ({ device: b.deviceName ?? null, date: b.date ?? null, encrypted: b.encrypted ?? null })),
  };
}
