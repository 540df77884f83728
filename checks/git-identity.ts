// The e-mail address git writes into every commit. In public repositories it
// is published for good and easy to harvest, linking pseudonymous work to a
// real mailbox (and, for Russian providers, to an account that can be
// disclosed to the Russian authorities on request).
import path from 'node:path';
import { defineCheck, defineMessages, findingsOf, maskEmail, readSmallText, statusFromFindings, type CheckResult, type Finding, type MessageIds } from '../src/check-kit/index.js';

export interface GitIdentityData {
  /** Config files that were read, in git's order (later ones win). */
  files: string[];
  email: string | null;
  /** The file the winning user.email came from. */
  source: string | null;
  /** includeIf sections exist: repositories may use other addresses we do not evaluate. */
  conditional: boolean;
  unreadable: string[];
}

/** Parses the `[user] email` (and include paths) out of a git config file. */
export function parseGitConfig(text: string): { email: string | null; includes: string[]; conditional: boolean } {
  let section = '';
  let email: string | null = null;
  const includes: string[] = [];
  let conditional = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"(.*)")?\s*\]/.exec(line);
    if (header) {
      section = (header[1] ?? '').toLowerCase();
      if (section === 'includeif') conditional = true;
      continue;
    }
    const kv = /^([A-Za-z0-9-]+)\s*(?:=\s*(.*))?$/.exec(line);
    if (!kv) continue;
    const key = (kv[1] ?? '').toLowerCase();
    let value = (kv[2] ?? '').replace(/\s+[#;].*$/, '').trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (section === 'user' && key === 'email') email = value;
    if (section === 'include' && key === 'path' && value) includes.push(value);
  }
  return { email, includes, conditional };
}

const NOREPLY = /(?:^|[.@])(?:users\.noreply\.github\.com|users\.noreply\.gitlab\.com|noreply\.codeberg\.org)$|noreply|no-reply/i;
const PLACEHOLDER_DOMAIN = /@(?:[^@]*\.)?(?:example\.(?:com|org|net)|localhost|local|invalid|test|example)$/i;
/** Mail providers under Russian jurisdiction (SORM, disclosure on request). */
const RUSSIAN_PROVIDER = /@(?:[^@]*\.)?(?:yandex\.(?:ru|com|by|kz|ua)|ya\.ru|mail\.ru|bk\.ru|inbox\.ru|list\.ru|internet\.ru|rambler\.ru|lenta\.ru|autorambler\.ru|myrambler\.ru|ro\.ru|vk\.com|[^@.]+\.ru|[^@.]+\.su|[^@.]+\.xn--p1ai)$/i;

export type EmailKind = 'none' | 'noreply' | 'placeholder' | 'russian' | 'real' | 'invalid';

export function classifyEmail(email: string | null): EmailKind {
  if (email === null || email.trim() === '') return 'none';
  const address = email.trim();
  if (!/^[^@\s]+@[^@\s]+$/.test(address)) return 'invalid';
  if (NOREPLY.test(address)) return 'noreply';
  if (PLACEHOLDER_DOMAIN.test(address)) return 'placeholder';
  if (RUSSIAN_PROVIDER.test(address)) return 'russian';
  return 'real';
}

function expandHome(file: string, home: string, base: string): string {
  if (file.startsWith('~/')) return path.join(home, file.slice(2));
  return path.isAbsolute(file) ? file : path.join(base, file);
}

// No lesson covers this yet; findings carry their own explanation and fix.
const LESSONS: string[] = [];

const M = defineMessages('check.git-identity', {
  russianProvider: {
    en: 'Your commits carry {email}, an address at a Russian provider (from {path}). Anyone can read it from public repositories, and the provider must hand account data to the Russian authorities on request.',
    ru: 'В ваших коммитах стоит {email} — адрес у российского почтового сервиса (из {path}). Его может прочитать кто угодно в публичных репозиториях, а сервис обязан передавать данные аккаунта российским властям по запросу.',
  },
  realAddress: {
    en: 'Your commits carry a real-looking address, {email} (from {path}). In public repositories it is visible to everyone and cannot be removed from history later.',
    ru: 'В ваших коммитах стоит похожий на настоящий адрес {email} (из {path}). В публичных репозиториях он виден всем, и убрать его из истории потом не получится.',
  },
  fixAddress: {
    en: 'For public work use a noreply address: GitHub gives you ID+name@users.noreply.github.com (Settings > Emails > Keep my email address private), GitLab and Codeberg have the same. Set it with git config --global user.email "ADDRESS", and keep a real address only in the repositories that need it (git config user.email inside that repository).',
    ru: 'Для публичной работы используйте адрес noreply: GitHub выдаёт ID+имя@users.noreply.github.com (Settings > Emails > Keep my email address private), у GitLab и Codeberg есть такие же. Задайте его командой git config --global user.email "АДРЕС", а настоящий адрес указывайте только в тех репозиториях, где он нужен (git config user.email внутри репозитория).',
  },
  conditional: {
    en: 'Your git settings switch identities per folder (includeIf); those addresses were not checked.',
    ru: 'В настройках git адрес меняется в зависимости от папки (includeIf); эти адреса не проверялись.',
  },
  unreadable: {
    en: 'Could not read {path}, so the address there was not checked.',
    ru: 'Не удалось прочитать {path}, адрес в нём не проверен.',
  },
});

type Id = MessageIds<typeof M>;
const finding = findingsOf(M, { lessons: LESSONS });

export default defineCheck({
  meta: {
    id: 'git-identity',
    title: { en: 'Git does not publish your real e-mail address', ru: 'Git не публикует ваш настоящий адрес почты' },
    failureTitle: { en: 'Git puts a real e-mail address into your commits', ru: 'Git записывает в коммиты настоящий адрес почты' },
    subject: { en: 'The e-mail address in your git commits', ru: 'Адрес почты в ваших коммитах git' },
    description: {
      en: 'Reads the global git settings for user.email. Git writes this address into every commit, and in public repositories it stays public for good. A noreply or separate address keeps pseudonymous work from leading back to your main mailbox.',
      ru: 'Читает глобальные настройки git (user.email). Git записывает этот адрес в каждый коммит, и в публичных репозиториях он остаётся открытым навсегда. Адрес noreply или отдельный ящик не позволит связать работу под псевдонимом с вашей основной почтой.',
    },
    topic: 'identity',
    explain: {
      all: {
        en: '~/.gitconfig, ~/.config/git/config (or $XDG_CONFIG_HOME/git/config) and files they include. Only the user.email value is used.',
        ru: '~/.gitconfig, ~/.config/git/config (или $XDG_CONFIG_HOME/git/config) и подключённые из них файлы. Используется только значение user.email.',
      },
    },
    messages: M,
  },

  async gather(ctx): Promise<GitIdentityData> {
    const configHome = ctx.env.XDG_CONFIG_HOME || path.join(ctx.home, '.config');
    const data: GitIdentityData = { files: [], email: null, source: null, conditional: false, unreadable: [] };
    const visit = async (file: string, depth: number): Promise<void> => {
      const read = await readSmallText(file, 256 * 1024);
      if (!read.ok) {
        if (read.problem !== 'missing') data.unreadable.push(file);
        return;
      }
      data.files.push(file);
      const parsed = parseGitConfig(read.text);
      if (parsed.email !== null) {
        data.email = parsed.email;
        data.source = file;
      }
      if (parsed.conditional) data.conditional = true;
      if (depth < 3) for (const inc of parsed.includes) await visit(expandHome(inc, ctx.home, path.dirname(file)), depth + 1);
    };
    // git reads the XDG file first and ~/.gitconfig second; the later value wins.
    await visit(path.join(configHome, 'git', 'config'), 0);
    await visit(path.join(ctx.home, '.gitconfig'), 0);
    return data;
  },

  evaluate(data): CheckResult<Id> {
    const findings: Finding<Id>[] = [];
    const kind = classifyEmail(data.email);
    const source = data.source ?? '';
    if (kind === 'russian' || kind === 'real') {
      findings.push(
        finding(kind === 'russian' ? 'russianProvider' : 'realAddress', kind === 'russian' ? 'medium' : 'low', {
          fix: 'fixAddress',
          data: { email: maskEmail(data.email ?? ''), path: source },
          path: source,
        }),
      );
    }
    if (data.conditional) findings.push(finding('conditional', 'info'));
    for (const file of data.unreadable) findings.push(finding('unreadable', 'low', { data: { path: file }, path: file }));
    return { status: statusFromFindings(findings), findings };
  },
});
