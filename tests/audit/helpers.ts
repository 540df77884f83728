import type { AuditResult } from '../../src/audit/run.js';
import { defineCheck } from '../../src/check-kit/define.js';
import type { AnyCheck, CheckMeta, CheckStatus, Finding, Topic } from '../../src/check-kit/types.js';

export function meta(id: string, overrides: Partial<CheckMeta> = {}): CheckMeta {
  return {
    id,
    title: { en: `${id} is fine`, ru: `${id} в порядке` },
    failureTitle: { en: `${id} has problems`, ru: `${id}: есть проблемы` },
    subject: { en: `${id} checked`, ru: `проверка ${id}` },
    description: { en: 'd', ru: 'д' },
    topic: 'devices',
    platforms: ['linux', 'darwin', 'win32'],
    lessons: [`${id}-lesson`],
    options: { type: 'object', properties: {}, additionalProperties: false },
    explain: {},
    messages: {
      name: `test.${id}`,
      table: {
        problem: { en: 'Problem at {path}', ru: 'Проблема в {path}' },
        fix: { en: 'Fix {path}', ru: 'Исправьте {path}' },
        note: { en: 'Just so you know', ru: 'К сведению' },
      },
    },
    interactive: false,
    ...overrides,
  };
}

export function result(id: string, status: CheckStatus, findings: Finding[] = [], extra: Partial<AuditResult> & { topic?: Topic } = {}): AuditResult {
  const { topic, ...rest } = extra;
  return { id, meta: meta(id, topic ? { topic } : {}), status, findings, durationMs: 1, ...rest };
}

export function finding(severity: Finding['severity'], path = '/home/anna/x'): Finding {
  return { message: 'problem', fix: 'fix', severity, data: { path }, path };
}

/** A check whose gather and evaluate do what the test says. */
export function fakeCheck(
  id: string,
  behaviour: { gather?: () => Promise<unknown>; evaluate?: (data: unknown) => { status: CheckStatus; findings: Finding[] } },
  overrides: Partial<CheckMeta> = {},
): AnyCheck {
  return defineCheck<unknown, Record<string, unknown>, string>({
    meta: meta(id, overrides),
    gather: behaviour.gather ?? (() => Promise.resolve(null)),
    evaluate: behaviour.evaluate ?? (() => ({ status: 'pass', findings: [] })),
  });
}
