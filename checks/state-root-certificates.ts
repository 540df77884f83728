// State interception certificate authorities in this computer's trust stores.
// A trusted root lets whoever holds its key impersonate any website to this
// computer; Russia (2022-) and Kazakhstan (2015, 2019, 2020) have pushed such
// roots to their citizens. Known ones are recognised by the SHA-256 of their
// DER encoding (checks/data/state-roots.ts), others of the same authorities by
// name; any other root someone added by hand is listed as a warning. The
// readers for each platform live in state-root-certificates/; this file holds
// the messages and the judgement.
import { defineCheck, defineMessages, statusFromFindings, type Check, type CheckResult, type Finding, type MessageIds } from '../src/check-kit/index.js';
import { STATE_CERTIFICATES, STATE_NAME_RULES, type StateCertificate, type StateNameRule } from './data/state-roots.js';
import { formatName, type NameSummary } from '../src/crypto/certificates.js';
import { Collector, type CertLocation, type CertStoreData, type StoreFamily } from './state-root-certificates/collector.js';
import { gatherLinuxStores } from './state-root-certificates/linux.js';
import { gatherMac } from './state-root-certificates/macos.js';
import { gatherNamedPaths } from './state-root-certificates/named.js';
import { gatherNss } from './state-root-certificates/nss.js';
import { gatherWindows } from './state-root-certificates/windows.js';

export type { CertLocation, CertStoreData, SeenCertificate, StoreFamily, StoreProblem } from './state-root-certificates/collector.js';
export { SYSTEM_BUNDLES, SYSTEM_STORES } from './state-root-certificates/linux.js';
export { nssCandidates, parseCertutilList } from './state-root-certificates/nss.js';
export { parseTrustSettings } from './state-root-certificates/macos.js';
export { parseWindowsListing, WINDOWS_STORES } from './state-root-certificates/windows.js';

const LESSONS = ['state-root-certificate'];

const M = defineMessages('check.state-root-certificates', {
  stateCertLinux: {
    en: '{name}, a certificate authority a state uses to intercept traffic, is trusted by this system ({path}). Whoever holds its key can make a certificate for any website (your mail, bank, messenger) and read or change your encrypted traffic on a network they control, and programs that use the system store will not warn you.',
    ru: '{name} — удостоверяющий центр, с помощью которого государство перехватывает трафик, — считается доверенным в этой системе ({path}). Владелец его ключа может выпустить сертификат для любого сайта (вашей почты, банка, мессенджера) и читать или подменять ваш зашифрованный трафик в подконтрольной ему сети, а программы, использующие системное хранилище, ничего не заметят.',
  },
  stateCertNss: {
    en: '{name}, a certificate authority a state uses to intercept traffic, is trusted in the browser certificate database {path}. Whoever holds its key can impersonate any website in this browser and read what you send.',
    ru: '{name} — удостоверяющий центр, с помощью которого государство перехватывает трафик, — отмечен как доверенный в базе сертификатов браузера {path}. Владелец его ключа может выдать себя в этом браузере за любой сайт и читать всё, что вы отправляете.',
  },
  stateCertNssUntrusted: {
    en: '{name}, a certificate authority a state uses to intercept traffic, is stored in the browser certificate database {path}, but is not marked as trusted for websites.',
    ru: '{name} — удостоверяющий центр, с помощью которого государство перехватывает трафик, — хранится в базе сертификатов браузера {path}, но не отмечен как доверенный для сайтов.',
  },
  stateCertMac: {
    en: '{name}, a certificate authority a state uses to intercept traffic, is installed in a keychain on this Mac. If it is trusted, whoever holds its key can impersonate any website to Safari, Chrome and most apps and read the traffic.',
    ru: '{name} — удостоверяющий центр, с помощью которого государство перехватывает трафик, — установлен в связку ключей этого Mac. Если ему доверяют, владелец ключа может выдать себя за любой сайт для Safari, Chrome и большинства приложений и читать трафик.',
  },
  stateCertWindows: {
    en: '{name}, a certificate authority a state uses to intercept traffic, is in the Windows root store ({path}). Whoever holds its key can impersonate any website to Edge, Chrome and most programs and read the traffic.',
    ru: '{name} — удостоверяющий центр, с помощью которого государство перехватывает трафик, — находится в корневом хранилище Windows ({path}). Владелец его ключа может выдать себя за любой сайт для Edge, Chrome и большинства программ и читать трафик.',
  },
  stateCertFile: {
    en: 'The file {path} contains {name}, a certificate authority a state uses to intercept traffic. Installing it would let whoever holds its key impersonate any website to you.',
    ru: 'Файл {path} содержит {name} — удостоверяющий центр, с помощью которого государство перехватывает трафик. Если его установить, владелец ключа сможет выдавать себя перед вами за любой сайт.',
  },
  stateNameInNss: {
    en: 'The browser certificate database {path} contains the name "{name}". We could not read the database properly, so we cannot tell whether the certificate is trusted.',
    ru: 'В базе сертификатов браузера {path} встречается название «{name}». Прочитать базу как следует не удалось, поэтому неизвестно, доверяет ли ей браузер.',
  },
  matchedByName: {
    en: '{name} was recognised by its name ({subject}), not by a known fingerprint: it is probably a newer certificate of {rule}.',
    ru: '{name} опознан по названию ({subject}), а не по известному отпечатку: вероятно, это более новый сертификат центра «{rule}».',
  },
  fixLinux: {
    en: 'Remove the file and rebuild the store. Debian, Ubuntu: sudo rm {path:arg} && sudo update-ca-certificates --fresh. Fedora: sudo rm {path:arg} && sudo update-ca-trust. Arch: sudo trust anchor --remove {path:arg}. Sites that need this certificate (Gosuslugi, some Russian banks) can be opened in a separate browser profile or on a separate device.',
    ru: 'Удалите файл и пересоберите хранилище. Debian, Ubuntu: sudo rm {path:arg} && sudo update-ca-certificates --fresh. Fedora: sudo rm {path:arg} && sudo update-ca-trust. Arch: sudo trust anchor --remove {path:arg}. Сайты, которым нужен этот сертификат (Госуслуги, некоторые российские банки), можно открывать в отдельном профиле браузера или на отдельном устройстве.',
  },
  fixLinuxBundle: {
    en: '{path} is a bundle built from other files, so the certificate has to be removed at its source. `{cmd} check state-root-certificates /usr/share/ca-certificates /etc/pki/ca-trust/source` shows which file holds it. Delete that file (or unselect it in /etc/ca-certificates.conf), then run sudo update-ca-certificates --fresh (Debian, Ubuntu) or sudo update-ca-trust (Fedora, Arch).',
    ru: '{path} — набор, собранный из других файлов, поэтому удалять сертификат нужно в исходном файле. `{cmd} check state-root-certificates /usr/share/ca-certificates /etc/pki/ca-trust/source` покажет, в каком он файле. Удалите этот файл (или снимите отметку в /etc/ca-certificates.conf), затем выполните sudo update-ca-certificates --fresh (Debian, Ubuntu) или sudo update-ca-trust (Fedora, Arch).',
  },
  fixNss: {
    en: 'Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities, select "{nickname}" and press Delete or Distrust. Chromium and Chrome on Linux: Settings > Privacy and security > Security > Manage certificates. Or close the browser and run: certutil -d sql:{path} -D -n "{nickname}"',
    ru: 'Firefox: Настройки > Приватность и защита > Сертификаты > Просмотр сертификатов > Центры сертификации, выберите «{nickname}» и нажмите «Удалить или не доверять». Chromium и Chrome в Linux: Настройки > Конфиденциальность и безопасность > Безопасность > Настроить сертификаты. Или закройте браузер и выполните: certutil -d sql:{path} -D -n "{nickname}"',
  },
  fixMac: {
    en: 'Open Keychain Access, search for "{name}" in the System and login keychains and delete it. In Terminal: sudo security delete-certificate -Z {sha1} /Library/Keychains/System.keychain (and without sudo for the login keychain).',
    ru: 'Откройте «Связку ключей», найдите «{name}» в связках «Система» и «Вход» и удалите его. В Терминале: sudo security delete-certificate -Z {sha1} /Library/Keychains/System.keychain (и без sudo для связки «Вход»).',
  },
  fixMacByName: {
    en: 'Open Keychain Access, search for "{name}" in the System and login keychains and delete it.',
    ru: 'Откройте «Связку ключей», найдите «{name}» в связках «Система» и «Вход» и удалите его.',
  },
  fixWindows: {
    en: 'Run certmgr.msc (your account) and certlm.msc (the whole computer), open Trusted Root Certification Authorities > Certificates and delete "{name}". Or in PowerShell: Remove-Item Cert:\\CurrentUser\\Root\\{sha1}, and as administrator Remove-Item Cert:\\LocalMachine\\Root\\{sha1}.',
    ru: 'Запустите certmgr.msc (для вашей учётной записи) и certlm.msc (для всего компьютера), откройте «Доверенные корневые центры сертификации > Сертификаты» и удалите «{name}». Или в PowerShell: Remove-Item Cert:\\CurrentUser\\Root\\{sha1}, а от имени администратора Remove-Item Cert:\\LocalMachine\\Root\\{sha1}.',
  },
  fixFile: {
    en: 'Do not install this certificate. If a site or app asks you to, use it on a separate device or browser profile you keep only for that. If you already installed it, remove it; `{cmd} learn state-root-certificates` shows how on each system.',
    ru: 'Не устанавливайте этот сертификат. Если сайт или приложение этого требует, пользуйтесь им на отдельном устройстве или в отдельном профиле браузера только для этого. Если уже установили — удалите; `{cmd} learn state-root-certificates` покажет, как это сделать в каждой системе.',
  },
  userRootLinux: {
    en: 'A root certificate was added to this system by hand: "{name}" ({path}). Whoever holds its key can impersonate websites to this computer.',
    ru: 'В эту систему вручную добавлен корневой сертификат «{name}» ({path}). Владелец его ключа может подделывать для этого компьютера любые сайты.',
  },
  userRootNss: {
    en: 'The browser certificate database {path} trusts a certificate authority added by hand: "{nickname}".',
    ru: 'База сертификатов браузера {path} доверяет удостоверяющему центру, добавленному вручную: «{nickname}».',
  },
  userRootMac: {
    en: 'A certificate with custom trust settings is on this Mac: "{name}".',
    ru: 'На этом Mac есть сертификат с особыми настройками доверия: «{name}».',
  },
  fixUserRootLinux: {
    en: 'If you know it (your employer, a development tool), keep it. If not, remove it: sudo rm {path:arg}, then sudo update-ca-certificates --fresh (Debian, Ubuntu) or sudo update-ca-trust (Fedora, Arch).',
    ru: 'Если вы его знаете (работодатель, инструмент разработчика), оставьте. Если нет — удалите: sudo rm {path:arg}, затем sudo update-ca-certificates --fresh (Debian, Ubuntu) или sudo update-ca-trust (Fedora, Arch).',
  },
  fixUserRootNss: {
    en: 'If you do not know why it is there (an employer, a VPN or antivirus program can add one), remove it in the browser\'s certificate settings or with: certutil -d sql:{path} -D -n "{nickname}"',
    ru: 'Если вы не знаете, откуда он (его мог добавить работодатель, VPN или антивирус), удалите его в настройках сертификатов браузера или командой: certutil -d sql:{path} -D -n "{nickname}"',
  },
  fixUserRootMac: {
    en: 'If you do not know why it is there, open Keychain Access, find "{name}" and delete it or set its trust to "Use System Defaults".',
    ru: 'Если вы не знаете, откуда он, откройте «Связку ключей», найдите «{name}» и удалите его или выберите для него «Использовать системные настройки».',
  },
  certutilMissing: {
    en: 'The browser certificate database {path} could not be read because the NSS certutil tool is not installed; only the names of known authorities were searched for in it.',
    ru: 'Базу сертификатов браузера {path} не удалось прочитать: не установлена утилита certutil из NSS. В ней искались только названия известных центров.',
  },
  fixCertutilMissing: {
    en: 'Install certutil and run the check again: sudo apt install libnss3-tools (Debian, Ubuntu), sudo dnf install nss-tools (Fedora), sudo pacman -S nss (Arch), brew install nss (macOS). On any system you can look in Firefox instead: Settings > Privacy & Security > Certificates > View Certificates > Authorities.',
    ru: 'Установите certutil и повторите проверку: sudo apt install libnss3-tools (Debian, Ubuntu), sudo dnf install nss-tools (Fedora), sudo pacman -S nss (Arch), brew install nss (macOS). В любой системе можно вместо этого посмотреть в Firefox: Настройки > Приватность и защита > Сертификаты > Просмотр сертификатов > Центры сертификации.',
  },
  storeDenied: {
    en: 'Could not read {path}: permission denied. Certificates there were not checked.',
    ru: 'Не удалось прочитать {path}: нет прав доступа. Сертификаты там не проверены.',
  },
  storeUnreadable: {
    en: 'Could not read the certificate store {path}. Certificates there were not checked.',
    ru: 'Не удалось прочитать хранилище сертификатов {path}. Сертификаты там не проверены.',
  },
  noStoreFound: {
    en: 'No certificate store was found on this computer, so nothing could be checked.',
    ru: 'На этом компьютере не найдено ни одного хранилища сертификатов, проверить нечего.',
  },
});

type Id = MessageIds<typeof M>;

// ---------------------------------------------------------------------------
// Judgement

function matchesRule(name: NameSummary | undefined, rule: StateNameRule): boolean {
  if (!name) return false;
  const { C, O, CNPrefix } = rule.match;
  if (C !== undefined && name.C !== C) return false;
  if (O !== undefined && name.O !== O) return false;
  if (CNPrefix !== undefined && !(name.CN ?? '').startsWith(CNPrefix)) return false;
  return true;
}

const FAMILY_MESSAGE: Record<StoreFamily, { found: Id; fix: Id }> = {
  linux: { found: 'stateCertLinux', fix: 'fixLinux' },
  nss: { found: 'stateCertNss', fix: 'fixNss' },
  macos: { found: 'stateCertMac', fix: 'fixMac' },
  windows: { found: 'stateCertWindows', fix: 'fixWindows' },
  file: { found: 'stateCertFile', fix: 'fixFile' },
};

/** One finding per certificate and store family (or per NSS database / named file), pointing at the place to remove it. */
function groupLocations(locations: CertLocation[]): CertLocation[][] {
  const groups = new Map<string, CertLocation[]>();
  for (const loc of locations) {
    const key = loc.family === 'nss' || loc.family === 'file' ? `${loc.family}:${loc.where}` : loc.family;
    const list = groups.get(key) ?? [];
    list.push(loc);
    groups.set(key, list);
  }
  return [...groups.values()];
}

export function evaluateStores(data: CertStoreData, table: readonly StateCertificate[], rules: readonly StateNameRule[]): Finding<Id>[] {
  const findings: Finding<Id>[] = [];
  const known = new Map(table.map((c) => [c.sha256.toUpperCase(), c]));
  for (const cert of data.certificates) {
    const entry = known.get(cert.sha256);
    // Name rules look at the subject: the certificate must be the authority itself, not a site certificate it issued.
    const rule = entry ? undefined : rules.find((r) => matchesRule(cert.subject, r));
    if (entry || rule) {
      const name = entry?.name ?? cert.subject?.CN ?? rule?.name ?? cert.sha256;
      for (const group of groupLocations(cert.locations)) {
        const first = group.find((l) => l.userAdded) ?? group.find((l) => !l.bundle) ?? group[0];
        if (!first) continue;
        const untrustedInNss = first.family === 'nss' && group.every((l) => l.trusted === false);
        const data: Record<string, string> = { name, path: first.where, sha1: cert.sha1, sha256: cert.sha256, nickname: first.nickname ?? name };
        const messages = FAMILY_MESSAGE[first.family];
        const fix = first.family === 'linux' && first.bundle ? 'fixLinuxBundle' : messages.fix;
        findings.push({
          message: untrustedInNss ? 'stateCertNssUntrusted' : messages.found,
          fix,
          severity: untrustedInNss ? 'medium' : 'high',
          data,
          lessons: LESSONS,
          ...(first.family === 'linux' || first.family === 'nss' || first.family === 'file' ? { path: first.where } : {}),
        });
      }
      if (!entry && rule) {
        findings.push({ message: 'matchedByName', severity: 'info', data: { name, rule: rule.name, subject: formatName(cert.subject ?? {}) }, lessons: LESSONS });
      }
      continue;
    }
    // Roots a person (or a program) added by hand.
    for (const loc of cert.locations) {
      if (!loc.userAdded) continue;
      const name = cert.subject?.CN ?? cert.subject?.O ?? cert.sha256.slice(0, 16);
      const data = { name, path: loc.where, sha1: cert.sha1, nickname: loc.nickname ?? name };
      if (loc.family === 'linux') findings.push({ message: 'userRootLinux', fix: 'fixUserRootLinux', severity: 'medium', data, path: loc.where, lessons: LESSONS });
      if (loc.family === 'nss') findings.push({ message: 'userRootNss', fix: 'fixUserRootNss', severity: 'medium', data, path: loc.where, lessons: LESSONS });
    }
  }
  const macFlagged = findings.some((f) => f.message === 'stateCertMac');
  for (const name of data.macTrustSettings) {
    const rule = rules.find((r) => r.match.CNPrefix && name.startsWith(r.match.CNPrefix));
    if (rule && macFlagged) continue;
    findings.push(
      rule
        ? { message: 'stateCertMac', fix: 'fixMacByName', severity: 'high', data: { name }, lessons: LESSONS }
        : { message: 'userRootMac', fix: 'fixUserRootMac', severity: 'medium', data: { name }, lessons: LESSONS },
    );
  }
  for (const hit of data.nameHits) {
    findings.push({ message: 'stateNameInNss', fix: 'fixNss', severity: 'high', data: { name: hit.rule, path: hit.where, nickname: hit.rule }, path: hit.where, lessons: LESSONS });
  }
  for (const problem of data.problems) {
    const message = problem.reason === 'certutil-missing' ? 'certutilMissing' : problem.reason === 'denied' ? 'storeDenied' : 'storeUnreadable';
    findings.push({
      message,
      ...(problem.reason === 'certutil-missing' ? { fix: 'fixCertutilMissing' } : {}),
      severity: 'low',
      data: { path: problem.where },
      path: problem.where,
      lessons: LESSONS,
    });
  }
  if (data.storesRead === 0 && data.problems.length === 0) {
    findings.push({ message: 'noStoreFound', severity: 'low', lessons: LESSONS });
  }
  return findings;
}

// ---------------------------------------------------------------------------

export interface StateRootOptions {
  table?: readonly StateCertificate[];
  rules?: readonly StateNameRule[];
}

/** The check with its fingerprint table and name rules; tests build one with their own table. */
export function createStateRootCheck(options: StateRootOptions = {}): Check<CertStoreData, Record<string, unknown>, Id> {
  const table = options.table ?? STATE_CERTIFICATES;
  const rules = options.rules ?? STATE_NAME_RULES;
  return defineCheck({
    meta: {
      id: 'state-root-certificates',
      title: { en: 'No state interception certificates are trusted', ru: 'Государственным сертификатам для перехвата нет доверия' },
      failureTitle: { en: 'Trusted certificates on this computer need checking', ru: 'Доверенные сертификаты на этом компьютере требуют проверки' },
      subject: { en: 'Trusted root certificates', ru: 'Доверенные корневые сертификаты' },
      description: {
        en: 'Looks through the certificate stores of this computer (the system store, Firefox and Chromium databases, the macOS keychains, the Windows root stores) and any certificate files you name for the certificate authorities Russia and Kazakhstan have pushed on their citizens, such as the Russian Trusted Root CA from Gosuslugi. A trusted state root lets its owner impersonate any website to this computer and read the traffic. Roots added by hand are listed too.',
        ru: 'Просматривает хранилища сертификатов этого компьютера (системное, базы Firefox и Chromium, связки ключей macOS, корневые хранилища Windows) и указанные вами файлы сертификатов в поисках удостоверяющих центров, которые Россия и Казахстан навязывают своим гражданам, например «Russian Trusted Root CA» с Госуслуг. Доверенный государственный корневой сертификат позволяет его владельцу выдавать себя за любой сайт и читать ваш трафик. Также показываются корневые сертификаты, добавленные вручную.',
      },
      topic: 'devices',
      lessons: LESSONS,
      // Keychain listings carry every certificate, personal ones included: never collected.
      collect: false,
      explain: {
        all: {
          en: 'Certificate files (PEM, DER, PKCS#7) and folders you name. Only public certificates are read; nothing is sent anywhere.',
          ru: 'Указанные вами файлы сертификатов (PEM, DER, PKCS#7) и папки. Читаются только открытые сертификаты; ничего никуда не отправляется.',
        },
        linux: {
          reads: {
            en: 'Certificate files in /etc/ssl/certs, /usr/local/share/ca-certificates, /etc/pki/ca-trust/source/anchors, /usr/share/ca-certificates/trust-source/anchors, /etc/ca-certificates/trust-source/anchors and the system bundles; the Firefox and Chromium certificate databases (~/.pki/nssdb, ~/.local/share/pki/nssdb, Firefox profiles) through NSS certutil when it is installed, otherwise only searched for the names of known authorities.',
            ru: 'Файлы сертификатов в /etc/ssl/certs, /usr/local/share/ca-certificates, /etc/pki/ca-trust/source/anchors, /usr/share/ca-certificates/trust-source/anchors, /etc/ca-certificates/trust-source/anchors и системные наборы; базы сертификатов Firefox и Chromium (~/.pki/nssdb, ~/.local/share/pki/nssdb, профили Firefox) через certutil из NSS, если он установлен, а иначе в них только ищутся названия известных центров.',
          },
          commands: ['certutil -d sql:DIR -L', 'certutil -d sql:DIR -L -n NICKNAME -a'],
        },
        darwin: {
          reads: {
            en: 'The keychains in the search list and the System keychain, the certificates with custom trust settings, and the Firefox profiles through NSS certutil when it is installed.',
            ru: 'Связки ключей из списка поиска и системную связку, сертификаты с особыми настройками доверия и профили Firefox через certutil из NSS, если он установлен.',
          },
          commands: ['security find-certificate -a -p', 'security find-certificate -a -p /Library/Keychains/System.keychain', 'security dump-trust-settings', 'security dump-trust-settings -d'],
        },
        win32: {
          reads: {
            en: 'The root stores Cert:\\CurrentUser\\Root, Cert:\\LocalMachine\\Root and Cert:\\LocalMachine\\AuthRoot.',
            ru: 'Корневые хранилища Cert:\\CurrentUser\\Root, Cert:\\LocalMachine\\Root и Cert:\\LocalMachine\\AuthRoot.',
          },
          commands: ['powershell Get-ChildItem -Path Cert:\\CurrentUser\\Root'],
        },
      },
      messages: M,
    },

    async gather(ctx): Promise<CertStoreData> {
      const collector = new Collector(rules);
      const seenFiles = new Set<string>();
      if (ctx.platform === 'linux' || ctx.platform === 'darwin' || ctx.platform === 'freebsd' || ctx.platform === 'openbsd') {
        await gatherLinuxStores(ctx, collector, seenFiles);
      }
      if (ctx.platform === 'darwin') await gatherMac(ctx, collector);
      if (ctx.platform === 'win32') await gatherWindows(ctx, collector);
      await gatherNss(ctx, collector, rules);
      await gatherNamedPaths(ctx, collector, seenFiles);
      return collector.data;
    },

    evaluate(data): CheckResult<Id> {
      const findings = evaluateStores(data, table, rules);
      return { status: statusFromFindings(findings), findings };
    },
  });
}

export default createStateRootCheck();