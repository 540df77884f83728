// The words for statuses, severities, topics and levels: one table shared by
// the terminal, Markdown and HTML outputs, so a status reads the same
// everywhere. The types live here too, since every layer names them.
import { defineMessages } from './messages.js';
import type { Lang } from './lang.js';

export type Severity = 'high' | 'medium' | 'low' | 'info';
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'not-applicable' | 'error';
export type Topic = 'communications' | 'financial' | 'identity' | 'devices' | 'repression' | 'wellbeing';
export type Level = 'basic' | 'intermediate' | 'advanced';
export type Platform = 'linux' | 'darwin' | 'win32';

export const TOPICS: readonly Topic[] = ['communications', 'financial', 'identity', 'devices', 'repression', 'wellbeing'];
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

export const LABELS = defineMessages('labels', {
  'severity.high': { en: 'High', ru: 'Высокая' },
  'severity.medium': { en: 'Medium', ru: 'Средняя' },
  'severity.low': { en: 'Low', ru: 'Низкая' },
  'severity.info': { en: 'For information', ru: 'К сведению' },
  'status.pass': { en: 'OK', ru: 'В порядке' },
  'status.fail': { en: 'Needs attention', ru: 'Требует внимания' },
  'status.warn': { en: 'Worth a look', ru: 'Стоит проверить' },
  'status.not-applicable': { en: 'Not checked on this computer', ru: 'Не проверялось на этом компьютере' },
  'status.error': { en: 'Could not check', ru: 'Не удалось проверить' },
  'topic.communications': { en: 'Communications', ru: 'Связь и мессенджеры' },
  'topic.financial': { en: 'Money and banking', ru: 'Деньги и банки' },
  'topic.identity': { en: 'Identity and accounts', ru: 'Аккаунты и личные данные' },
  'topic.devices': { en: 'Devices', ru: 'Устройства' },
  'topic.repression': { en: 'Transnational repression', ru: 'Транснациональные репрессии' },
  'topic.wellbeing': { en: 'Wellbeing', ru: 'Забота о себе' },
  'level.basic': { en: 'basic', ru: 'начальный' },
  'level.intermediate': { en: 'intermediate', ru: 'средний' },
  'level.advanced': { en: 'advanced', ru: 'продвинутый' },
});

export const severityLabel = (s: Severity, lang: Lang): string => LABELS.get(`severity.${s}`, lang);
export const statusLabel = (s: CheckStatus, lang: Lang): string => LABELS.get(`status.${s}`, lang);
export const topicLabel = (t: Topic, lang: Lang): string => LABELS.get(`topic.${t}`, lang);
export const levelLabel = (l: Level, lang: Lang): string => LABELS.get(`level.${l}`, lang);
