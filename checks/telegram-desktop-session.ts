// Telegram Desktop keeps its logged-in session in a `tdata` folder. Whoever can
// copy that folder can open the account on another computer without the SMS
// code or the cloud password, so its presence is worth knowing about.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { defineCheck, defineMessages, findingsOf, type CheckContext, type CheckResult, type MessageIds } from '../src/check-kit/index.js';

interface Found {
  path: string;
  /** key_datas exists once an account has logged in. */
  loggedIn: boolean;
  /** Extra numbered accounts (Telegram Desktop supports up to three). */
  accounts: number;
}

export interface TelegramData {
  found: Found[];
}

/** The Microsoft Store build lives in a package folder whose name ends in a publisher hash. */
const STORE_PACKAGE = /^TelegramMessengerLLP\.TelegramDesktop_/;

export function candidateFolders(ctx: Pick<CheckContext, 'home' | 'platform' | 'env'>, packages: readonly string[] = []): string[] {
  const home = ctx.home;
  const list: string[] = [];
  if (ctx.platform === 'win32') {
    const appData = ctx.env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
    list.push(path.join(appData, 'Telegram Desktop', 'tdata'));
    const packagesDir = path.join(localAppData(ctx), 'Packages');
    for (const name of packages.filter((n) => STORE_PACKAGE.test(n))) {
      list.push(path.join(packagesDir, name, 'LocalCache', 'Roaming', 'Telegram Desktop UWP', 'tdata'));
    }
  } else if (ctx.platform === 'darwin') {
    list.push(path.join(home, 'Library', 'Application Support', 'Telegram Desktop', 'tdata'));
    // The Mac App Store build keeps its data in a sandbox container.
    list.push(path.join(home, 'Library', 'Group Containers', '6N38VWS5BX.ru.keepcoder.Telegram'));
  } else {
    const dataHome = ctx.env.XDG_DATA_HOME || path.join(home, '.local', 'share');
    list.push(path.join(dataHome, 'TelegramDesktop', 'tdata'));
    list.push(path.join(home, '.var', 'app', 'org.telegram.desktop', 'data', 'TelegramDesktop', 'tdata'));
    list.push(path.join(home, 'snap', 'telegram-desktop', 'current', '.local', 'share', 'TelegramDesktop', 'tdata'));
  }
  return list;
}

function localAppData(ctx: Pick<CheckContext, 'home' | 'env'>): string {
  return ctx.env.LOCALAPPDATA ?? path.join(ctx.home, 'AppData', 'Local');
}

/** Package folder names under %LOCALAPPDATA%\Packages (Windows only; none elsewhere or when unreadable). */
async function storePackages(ctx: CheckContext): Promise<string[]> {
  if (ctx.platform !== 'win32') return [];
  try {
    return (await readdir(path.join(localAppData(ctx), 'Packages'))).filter((n) => STORE_PACKAGE.test(n)).sort();
  } catch {
    return [];
  }
}

async function inspect(folder: string): Promise<Found | null> {
  try {
    if (!(await stat(folder)).isDirectory()) return null;
  } catch {
    return null;
  }
  let names: string[] = [];
  try {
    names = await readdir(folder);
  } catch {
    // A folder we cannot list still means Telegram Desktop was used here.
  }
  const loggedIn = names.some((n) => n === 'key_datas' || n === 'key_data');
  const accounts = names.filter((n) => /^D877F783D5D3EF8C(#\d)?$/.test(n)).length;
  return { path: folder, loggedIn, accounts };
}

const LESSONS = ['telegram-account-lock'];

const M = defineMessages('check.telegram-desktop-session', {
  loggedIn: {
    en: 'Telegram Desktop is logged in here ({accounts} account(s)). Its session files are in {path}.',
    ru: 'Здесь открыт Telegram Desktop (аккаунтов: {accounts}). Файлы сеанса лежат в {path}.',
  },
  dataOnly: {
    en: 'Telegram Desktop has left data in {path}, but no logged-in session was found.',
    ru: 'Telegram Desktop оставил данные в {path}, но открытого сеанса не найдено.',
  },
  fixLoggedIn: {
    en: 'If this is your own computer, set a local passcode (Settings > Privacy and Security > Local Passcode) and encrypt the disk. If others use it or you may lose it, log out: Settings > Log Out. On your phone, check Settings > Devices and end sessions you do not recognise.',
    ru: 'Если компьютер только ваш, включите код-пароль (Настройки > Конфиденциальность > Код-пароль) и зашифруйте диск. Если компьютером пользуются другие или вы можете его потерять, выйдите из аккаунта: Настройки > Выйти. На телефоне откройте Настройки > Устройства и завершите незнакомые сеансы.',
  },
  fixDataOnly: {
    en: 'If you no longer use Telegram Desktop here, delete this folder.',
    ru: 'Если вы больше не пользуетесь здесь Telegram Desktop, удалите эту папку.',
  },
});

type Id = MessageIds<typeof M>;
const finding = findingsOf(M, { lessons: LESSONS });

export default defineCheck({
  meta: {
    id: 'telegram-desktop-session',
    title: { en: 'No Telegram Desktop session on this computer', ru: 'На этом компьютере нет сеанса Telegram Desktop' },
    failureTitle: { en: 'Telegram Desktop is logged in on this computer', ru: 'На этом компьютере открыт сеанс Telegram Desktop' },
    subject: { en: 'Telegram Desktop sessions', ru: 'Сеансы Telegram Desktop' },
    description: {
      en: 'Looks for the folders where Telegram Desktop keeps a logged-in session. Anyone who copies such a folder can open your account elsewhere without your SMS code or cloud password.',
      ru: 'Ищет папки, в которых Telegram Desktop хранит открытый сеанс. Кто скопирует такую папку, сможет открыть ваш аккаунт на другом компьютере без SMS-кода и облачного пароля.',
    },
    topic: 'communications',
    lessons: LESSONS,
    explain: {
      all: {
        en: 'Only whether these folders exist and the names of the files in them, never their contents.',
        ru: 'Только то, существуют ли эти папки, и имена файлов в них, но не содержимое.',
      },
      linux: {
        reads: { en: '~/.local/share/TelegramDesktop/tdata and the same folder of the Flatpak and Snap packages.', ru: '~/.local/share/TelegramDesktop/tdata и такая же папка пакетов Flatpak и Snap.' },
      },
      darwin: {
        reads: { en: '~/Library/Application Support/Telegram Desktop/tdata and the Mac App Store version\'s container.', ru: '~/Library/Application Support/Telegram Desktop/tdata и контейнер версии из Mac App Store.' },
      },
      win32: {
        reads: {
          en: 'The folder %APPDATA%\\Telegram Desktop\\tdata, and for the Microsoft Store version %LOCALAPPDATA%\\Packages\\TelegramMessengerLLP.TelegramDesktop_…\\LocalCache\\Roaming\\Telegram Desktop UWP\\tdata.',
          ru: 'Папку %APPDATA%\\Telegram Desktop\\tdata, а для версии из Microsoft Store — %LOCALAPPDATA%\\Packages\\TelegramMessengerLLP.TelegramDesktop_…\\LocalCache\\Roaming\\Telegram Desktop UWP\\tdata.',
        },
      },
    },
    messages: M,
  },
  async gather(ctx): Promise<TelegramData> {
    const found: Found[] = [];
    for (const folder of candidateFolders(ctx, await storePackages(ctx))) {
      const hit = await inspect(folder);
      if (hit) found.push(hit);
    }
    return { found };
  },
  evaluate(data): CheckResult<Id> {
    if (data.found.length === 0) return { status: 'pass', findings: [] };
    const findings = data.found.map((f) =>
      f.loggedIn
        ? finding('loggedIn', 'medium', { fix: 'fixLoggedIn', data: { path: f.path, accounts: Math.max(1, f.accounts) }, path: f.path })
        : finding('dataOnly', 'low', { fix: 'fixDataOnly', data: { path: f.path }, path: f.path }),
    );
    return { status: 'warn', findings };
  },
});
