// Secrets left in shell history: passwords typed on the command line, tokens
// and private key blocks. History files are streamed line by line; matching
// happens inside `gather`, which keeps only the file, the line number and the
// kind of secret. The secret itself never leaves the line it was found on.
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { defineCheck, defineMessages, findingsOf, fsProblem, listDir, statusFromFindings, type CheckContext, type CheckResult, type Finding, type FsProblem, type MessageIds, type Severity } from '../src/check-kit/index.js';

/** Longer lines are only scanned up to here (a pasted blob, not a command). */
const MAX_LINE_CHARS = 8192;
/** Line numbers shown per file and kind; the count says how many more. */
const MAX_LINES_SHOWN = 8;

export type SecretKind =
  | 'privateKey'
  | 'githubToken'
  | 'gitlabToken'
  | 'awsAccessKey'
  | 'slackToken'
  | 'telegramBotToken'
  | 'googleApiKey'
  | 'openaiKey'
  | 'stripeKey'
  | 'jwt'
  | 'passwordOption'
  | 'passwordVariable'
  | 'urlCredentials';

/** A value that is a reference, not a literal secret: $VAR, $(cmd), `cmd`, <(…), @file, another option, or ***. */
const REFERENCE = /^['"]?(?:\$|`|<|@|-|\*+['"]?$)/;

/** Variables named like secrets that hold a place, not the secret (PASSWORD_STORE_DIR, TOKEN_FILE). */
const NOT_SECRET_VARIABLE = /(?:_FILE|_DIR|_PATH|_CMD|_COMMAND|_LENGTH|_LEN|_URL|_HOST|_USER|_USERNAME|_NAME|_ID|_TYPE|_EXPIRY|_TTL)$/;

function literal(value: string | undefined): boolean {
  if (!value) return false;
  const bare = value.replace(/^['"]|['"]$/g, '');
  return bare.length > 0 && !REFERENCE.test(value);
}

interface Rule {
  kind: SecretKind;
  test(line: string): boolean;
}

const regexRule = (kind: SecretKind, pattern: RegExp): Rule => ({ kind, test: (line) => pattern.test(line) });

/** A password given after an option; the value must be a literal, not $VAR or a prompt. */
function optionRule(pattern: RegExp): (line: string) => boolean {
  return (line) => {
    for (const match of line.matchAll(pattern)) if (literal(match[1])) return true;
    return false;
  };
}

export const RULES: readonly Rule[] = [
  regexRule('privateKey', /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/),
  regexRule('githubToken', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/),
  regexRule('gitlabToken', /\bglpat-[A-Za-z0-9_-]{20,}/),
  regexRule('awsAccessKey', /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/),
  regexRule('slackToken', /\bxox[abposr]-[A-Za-z0-9-]{10,}/),
  regexRule('telegramBotToken', /(?<![\d:])\d{6,12}:[A-Za-z0-9_-]{35}(?![\w-])/),
  regexRule('googleApiKey', /\bAIza[0-9A-Za-z_-]{35}(?![\w-])/),
  regexRule('openaiKey', /\bsk-(?:(?:proj|svcacct|admin|ant-api\d*)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32,}(?![\w-]))/),
  regexRule('stripeKey', /\b[sr]k_live_[A-Za-z0-9]{20,}/),
  regexRule('jwt', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/),
  regexRule('urlCredentials', /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"]+:(?!\$)[^\s@/'"]+@[^\s/]/i),
  {
    kind: 'passwordOption',
    test: (line) =>
      // --password=x, --password x, --passwd, --pass (not --pass-file, --password-stdin)
      optionRule(/--pass(?:word|wd)?(?:=|\s+)(\S+)/g)(line) ||
      // mysql -pSECRET (no space: with a space mysql prompts)
      (/\b(?:mysql|mysqldump|mysqladmin|mariadb|mariadb-dump)\b/.test(line) && optionRule(/\s-p(\S+)/g)(line)) ||
      // sshpass -p SECRET, docker/podman login -p SECRET, redis-cli -a SECRET
      (/\bsshpass\b/.test(line) && optionRule(/\s-p\s*(\S+)/g)(line)) ||
      (/\b(?:docker|podman|nerdctl)\s+login\b/.test(line) && optionRule(/\s-p\s+(\S+)/g)(line)) ||
      (/\bredis-cli\b/.test(line) && optionRule(/\s-a\s+(\S+)/g)(line)) ||
      // curl -u user:pass, wget --user=u --password=p (handled above)
      (/\bcurl\b/.test(line) && optionRule(/\s(?:-u|--user)\s*['"]?[^\s:'"]*:(\S+)/g)(line)) ||
      // openssl -passin pass:SECRET, -passout pass:SECRET, -k SECRET
      optionRule(/-pass(?:in|out)\s+['"]?pass:(\S+)/g)(line) ||
      // htpasswd -b file user password
      (/\bhtpasswd\b.*\s-\w*b/.test(line) && /\bhtpasswd(?:\s+-\w+)+\s+\S+\s+\S+\s+\S+/.test(line)) ||
      // PowerShell: ConvertTo-SecureString "secret" -AsPlainText, -String "secret", "secret" | ConvertTo-SecureString
      (/ConvertTo-SecureString/i.test(line) &&
        /-AsPlainText/i.test(line) &&
        (/ConvertTo-SecureString\s+(?:-String\s+)?(['"])[^'"$]+\1/i.test(line) || /-String\s+(['"])[^'"$]+\1/i.test(line) || /(['"])[^'"$]+\1\s*\|\s*ConvertTo-SecureString/i.test(line))) ||
      // Windows: cmdkey /pass:SECRET (a bare /pass prompts), net user NAME PASSWORD (a * prompts)
      (/\bcmdkey(?:\.exe)?\b/i.test(line) && optionRule(/\/pass:(\S+)/gi)(line)) ||
      (/\bnet(?:\.exe)?\s+user\s+\S+\s+(?!\*(?:\s|$))[^\s/]\S*/i.test(line)),
  },
  {
    kind: 'passwordVariable',
    // PGPASSWORD=x psql, export API_TOKEN=abc, MYSQL_PWD=x; PowerShell: $env:API_TOKEN = "abc"
    test: (line) => {
      const pattern = /(?:^|[\s;&|(])(?:export\s+)?([A-Z0-9_]*(?:PASSWORD|PASSWD|_PWD|SECRET|TOKEN|API_KEY|APIKEY|ACCESS_KEY)[A-Z0-9_]*)=(\S+)/g;
      for (const match of line.matchAll(pattern)) {
        if (!NOT_SECRET_VARIABLE.test(match[1] ?? '') && literal(match[2])) return true;
      }
      const powershell = /\$env:([A-Za-z0-9_]*(?:PASSWORD|PASSWD|_PWD|SECRET|TOKEN|API_KEY|APIKEY|ACCESS_KEY)[A-Za-z0-9_]*)\s*=\s*(\S+)/gi;
      for (const match of line.matchAll(powershell)) {
        if (!NOT_SECRET_VARIABLE.test((match[1] ?? '').toUpperCase()) && literal(match[2])) return true;
      }
      return false;
    },
  },
];

export type HistoryShell = 'bash' | 'zsh' | 'fish' | 'powershell';

export interface HistoryHit {
  file: string;
  line: number;
  kind: SecretKind;
}

export interface HistoryData {
  files: { path: string; shell: HistoryShell; lines: number }[];
  hits: HistoryHit[];
  unreadable: { path: string; problem: FsProblem }[];
}

/** The command text of one history line, or null for lines that are not commands (fish metadata). */
export function commandOf(shell: HistoryShell, line: string): string | null {
  if (shell === 'zsh') {
    // Extended history: ": 1700000000:0;command"
    const extended = /^: \d+:\d+;(.*)$/.exec(line);
    return extended ? (extended[1] ?? '') : line;
  }
  if (shell === 'fish') {
    // "- cmd: …" lines; the rest ("  when: …", "  paths:") is metadata. Newlines inside commands are escaped.
    const cmd = /^- cmd: (.*)$/.exec(line);
    return cmd ? (cmd[1] ?? '') : null;
  }
  return line;
}

/** Every kind of secret on one line (at most once per kind). */
export function scanLine(line: string): SecretKind[] {
  const text = line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line;
  const kinds: SecretKind[] = [];
  for (const rule of RULES) if (rule.test(text)) kinds.push(rule.kind);
  return kinds;
}

export function historyFiles(ctx: Pick<CheckContext, 'home' | 'platform' | 'env'>): { path: string; shell: HistoryShell }[] {
  const home = ctx.home;
  const dataHome = ctx.env.XDG_DATA_HOME || path.join(home, '.local', 'share');
  const list: { path: string; shell: HistoryShell }[] = [
    { path: path.join(home, '.bash_history'), shell: 'bash' },
    { path: path.join(home, '.zsh_history'), shell: 'zsh' },
    { path: path.join(home, '.zhistory'), shell: 'zsh' },
    { path: path.join(home, '.histfile'), shell: 'zsh' },
    { path: path.join(dataHome, 'fish', 'fish_history'), shell: 'fish' },
  ];
  const histfile = ctx.env.HISTFILE;
  if (histfile && !list.some((f) => f.path === histfile)) {
    list.push({ path: histfile, shell: /zsh/.test(histfile) ? 'zsh' : 'bash' });
  }
  return list;
}

/** PSReadLine keeps one history file per host: ConsoleHost_history.txt, Visual Studio Code Host_history.txt, … */
export function psReadLineDir(ctx: Pick<CheckContext, 'home' | 'platform' | 'env'>): string {
  if (ctx.platform === 'win32') {
    const appData = ctx.env.APPDATA ?? path.join(ctx.home, 'AppData', 'Roaming');
    return path.join(appData, 'Microsoft', 'Windows', 'PowerShell', 'PSReadLine');
  }
  const dataHome = ctx.env.XDG_DATA_HOME || path.join(ctx.home, '.local', 'share');
  return path.join(dataHome, 'powershell', 'PSReadLine');
}

async function powershellHistories(ctx: CheckContext): Promise<{ path: string; shell: HistoryShell }[]> {
  const dir = psReadLineDir(ctx);
  const listing = await listDir(dir);
  if (!listing.ok) return [];
  return listing.names.filter((n) => /_history\.txt$/i.test(n)).map((n) => ({ path: path.join(dir, n), shell: 'powershell' as const }));
}

async function scanFile(file: string, shell: HistoryShell, data: HistoryData): Promise<void> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return;
  } catch (error) {
    const problem = fsProblem(error);
    if (problem !== 'missing') data.unreadable.push({ path: file, problem });
    return;
  }
  const stream = createReadStream(file, { encoding: 'utf8' });
  let lineNo = 0;
  try {
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    for await (const raw of lines) {
      lineNo++;
      const command = commandOf(shell, raw);
      if (command === null || command.length < 8) continue;
      for (const kind of scanLine(command)) data.hits.push({ file, line: lineNo, kind });
    }
    data.files.push({ path: file, shell, lines: lineNo });
  } catch (error) {
    data.unreadable.push({ path: file, problem: fsProblem(error) });
  } finally {
    stream.destroy();
  }
}

// ---------------------------------------------------------------------------

const SEVERITY: Record<SecretKind, Severity> = {
  privateKey: 'high',
  githubToken: 'high',
  gitlabToken: 'high',
  awsAccessKey: 'high',
  slackToken: 'high',
  telegramBotToken: 'high',
  googleApiKey: 'high',
  openaiKey: 'high',
  stripeKey: 'high',
  jwt: 'medium',
  passwordOption: 'high',
  passwordVariable: 'high',
  urlCredentials: 'high',
};

// No lesson covers this yet; findings carry their own explanation and fix.
const LESSONS: string[] = [];

function lineList(lines: number[]): string {
  const shown = lines.slice(0, MAX_LINES_SHOWN).join(', ');
  return lines.length > MAX_LINES_SHOWN ? `${shown} (+${lines.length - MAX_LINES_SHOWN})` : shown;
}

const bi = (en: string, ru: string) => ({ en, ru });

const M = defineMessages('check.shell-history-secrets', {
  privateKey: bi('{path}:{lines} — a private key block.', '{path}:{lines} — блок закрытого ключа.'),
  githubToken: bi('{path}:{lines} — a GitHub access token.', '{path}:{lines} — токен доступа GitHub.'),
  gitlabToken: bi('{path}:{lines} — a GitLab access token.', '{path}:{lines} — токен доступа GitLab.'),
  awsAccessKey: bi('{path}:{lines} — an AWS access key.', '{path}:{lines} — ключ доступа AWS.'),
  slackToken: bi('{path}:{lines} — a Slack token.', '{path}:{lines} — токен Slack.'),
  telegramBotToken: bi('{path}:{lines} — a Telegram bot token.', '{path}:{lines} — токен бота Telegram.'),
  googleApiKey: bi('{path}:{lines} — a Google API key.', '{path}:{lines} — ключ Google API.'),
  openaiKey: bi('{path}:{lines} — an OpenAI or Anthropic API key.', '{path}:{lines} — ключ API OpenAI или Anthropic.'),
  stripeKey: bi('{path}:{lines} — a live Stripe key.', '{path}:{lines} — рабочий ключ Stripe.'),
  jwt: bi('{path}:{lines} — a JSON Web Token (a login token, often short-lived).', '{path}:{lines} — JSON Web Token (токен входа, часто недолговечный).'),
  passwordOption: bi('{path}:{lines} — a password given on the command line.', '{path}:{lines} — пароль, указанный в командной строке.'),
  passwordVariable: bi('{path}:{lines} — a password or token put in an environment variable.', '{path}:{lines} — пароль или токен в переменной окружения.'),
  urlCredentials: bi('{path}:{lines} — a user name and password inside an address (https://user:password@…).', '{path}:{lines} — имя пользователя и пароль внутри адреса (https://user:password@…).'),
  fixSecret: bi(
    'Change that password or revoke the token first: it may already have been copied. Then delete the lines from {path} in a text editor (close other terminals first, they rewrite the file on exit). In future, let programs ask for passwords, and start a command with a space to keep it out of history (bash: HISTCONTROL=ignorespace; zsh: setopt HIST_IGNORE_SPACE).',
    'Сначала смените этот пароль или отзовите токен: его могли уже скопировать. Затем удалите эти строки из {path} в текстовом редакторе (сначала закройте другие терминалы — при выходе они перезаписывают файл). В будущем пусть программы сами спрашивают пароль, а команду можно скрыть из истории, начав её с пробела (bash: HISTCONTROL=ignorespace; zsh: setopt HIST_IGNORE_SPACE).',
  ),
  unreadable: bi('Could not read {path}, so it was not checked.', 'Не удалось прочитать {path}, файл не проверен.'),
});

type Id = MessageIds<typeof M>;
const finding = findingsOf(M, { lessons: LESSONS });

export default defineCheck<HistoryData>({
  meta: {
    id: 'shell-history-secrets',
    title: bi('No secrets in shell history', 'В истории команд нет секретов'),
    failureTitle: bi('Shell history holds passwords or tokens', 'В истории команд есть пароли или токены'),
    subject: bi('Secrets in shell history', 'Секреты в истории команд'),
    description: bi(
      'Reads the command history of bash, zsh, fish and PowerShell for passwords typed on the command line, access tokens (GitHub, GitLab, AWS, Slack, Telegram bots, Google, OpenAI, Stripe), JWTs and private key blocks. Anyone who gets the computer or a backup can read this history. Only the file, the line number and the kind of secret are shown, never the secret.',
      'Проверяет историю команд bash, zsh, fish и PowerShell: пароли, набранные в командной строке, токены доступа (GitHub, GitLab, AWS, Slack, боты Telegram, Google, OpenAI, Stripe), JWT и блоки закрытых ключей. Эту историю прочитает любой, кто получит компьютер или его резервную копию. Показываются только файл, номер строки и вид секрета — сам секрет никогда.',
    ),
    topic: 'devices',
    explain: {
      all: bi(
        '~/.bash_history, ~/.zsh_history, ~/.zhistory, ~/.histfile, $HISTFILE, ~/.local/share/fish/fish_history and every PowerShell (PSReadLine) history file, one per program (%APPDATA%\\Microsoft\\Windows\\PowerShell\\PSReadLine\\*_history.txt on Windows), line by line. Nothing from them is stored or shown except line numbers.',
        '~/.bash_history, ~/.zsh_history, ~/.zhistory, ~/.histfile, $HISTFILE, ~/.local/share/fish/fish_history и все файлы истории PowerShell (PSReadLine), по одному на программу (%APPDATA%\\Microsoft\\Windows\\PowerShell\\PSReadLine\\*_history.txt в Windows), строка за строкой. Из них ничего не сохраняется и не показывается, кроме номеров строк.',
      ),
    },
    messages: M,
  },

  async gather(ctx): Promise<HistoryData> {
    const data: HistoryData = { files: [], hits: [], unreadable: [] };
    const seen = new Set<string>();
    for (const { path: file, shell } of [...historyFiles(ctx), ...(await powershellHistories(ctx))]) {
      let real: string;
      try {
        real = await fs.realpath(file);
      } catch {
        real = file;
      }
      if (seen.has(real)) continue;
      seen.add(real);
      await scanFile(file, shell, data);
    }
    return data;
  },

  evaluate(data): CheckResult<Id> {
    const grouped = new Map<string, { file: string; kind: SecretKind; lines: number[] }>();
    for (const hit of data.hits) {
      const key = `${hit.file}\0${hit.kind}`;
      const entry = grouped.get(key) ?? { file: hit.file, kind: hit.kind, lines: [] };
      entry.lines.push(hit.line);
      grouped.set(key, entry);
    }
    const findings: Finding<Id>[] = [];
    for (const { file, kind, lines } of grouped.values()) {
      findings.push(finding(kind, SEVERITY[kind], { fix: 'fixSecret', data: { path: file, lines: lineList(lines), count: lines.length }, path: file }));
    }
    for (const item of data.unreadable) findings.push(finding('unreadable', 'low', { data: { path: item.path }, path: item.path }));
    return { status: statusFromFindings(findings), findings };
  },
});
