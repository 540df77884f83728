import { describe, expect, it } from 'vitest';
import { evaluatePhone, indicatorIndex, PHONE_MESSAGES, phoneText, type AndroidData, type PhoneMessageKey } from '../../src/phone/index.js';
import { ANDROID_PARTS } from '../../src/phone/types.js';
import { notReadKey } from '../../src/phone/messages.js';

type Entry = { en: string | Record<string, string>; ru: string | Record<string, string> };

const forms = (phrase: string | Record<string, string>): string[] => (typeof phrase === 'string' ? [phrase] : Object.values(phrase));
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

describe('phone messages', () => {
  const entries = Object.entries(PHONE_MESSAGES) as [PhoneMessageKey, Entry][];

  it('exist in English and Russian with the same placeholders', () => {
    for (const [key, entry] of entries) {
      const en = forms(entry.en);
      const ru = forms(entry.ru);
      expect(en.every((t) => t.trim().length > 0), key).toBe(true);
      expect(ru.every((t) => /[а-яё]/i.test(t)), `${key}: Russian text`).toBe(true);
      const want = placeholders(en[0] ?? '');
      for (const t of [...en, ...ru]) expect(placeholders(t), key).toEqual(want);
    }
  });

  it('give Russian the plural forms it needs wherever a count is shown', () => {
    for (const [key, entry] of entries) {
      if (typeof entry.ru === 'string') {
        expect(entry.ru.includes('{count}'), `${key} shows a count without plural forms`).toBe(false);
        continue;
      }
      expect(Object.keys(entry.ru).sort(), key).toEqual(['few', 'many', 'one', 'other']);
    }
    const ru = phoneText('ru');
    expect(ru('certificatesSkipped', { count: 1 })).toMatch(/^1 приложение проверено/);
    expect(ru('certificatesSkipped', { count: 3 })).toMatch(/^3 приложения проверены/);
    expect(ru('certificatesSkipped', { count: 11 })).toMatch(/^11 приложений проверены/);
  });

  it('keep Russian free of English words, but for names of programs and places', () => {
    const allowed = /^(?:Android|iPhone|iPad|Apple|ID|Google|Samsung|Xiaomi|Pixel|MIUI|USB|Wi-Fi|adb|Access|Now|help|accessnow|org|safestep|contacts|Finder|iTunes|macOS|Windows|Linux|Debian|Ubuntu|Fedora|sudo|apt|install|dnf|android|tools|brew|platform|sdk|common|udev|android-tools|android-sdk-platform-tools-common|android-platform-tools|platform-tools|SDK|Platform-Tools|for|Mac|PATH|C|serial|androidqf|Echap|CC-BY|github|com|AssoEchap|stalkerware-indicators|VPN|ПО|ОС|check|phone|from|idevicebackup)$/;
    // The --explain texts name the exact commands and files read.
    const commands = /^(?:APK|getprop|pm|list|packages|dumpsys|accessibility|device|policy|settings|get|appops|query-op|REQUEST|INSTALL|PACKAGES|which|su|magisk|uid|dumpstate|Info|Manifest|plist|json|txt|root|binaries|processes)$/;
    for (const [key, entry] of entries) {
      for (const text of forms(entry.ru)) {
        const latin = text.replace(/\{\w+\}/g, '').match(/[A-Za-z][A-Za-z-]*/g) ?? [];
        const foreign = latin.filter((w) => !allowed.test(w) && !(key.startsWith('explain') && commands.test(w)));
        expect(foreign, key).toEqual([]);
      }
    }
  });

  it('cover every part the check can fail to read', () => {
    for (const part of ANDROID_PARTS) expect(PHONE_MESSAGES[notReadKey(part)], part).toBeDefined();
  });

  it('fill every placeholder a finding uses, in both languages', () => {
    const data: AndroidData = {
      kind: 'android',
      source: 'androidqf',
      device: { sdk: 25, patch: '2020-01-01' },
      apps: [
        { package: 'com.systemservice', system: false, installer: '', launcher: false },
        { package: 'com.serv.services', system: false, installer: 'com.evil.dropper' },
        { package: 'com.client.appA', system: false, installer: 'com.android.packageinstaller' },
        { package: 'com.wondershare.famisafe', system: false, installer: 'com.android.vending' },
      ],
      accessibility: ['com.systemservice/.A'],
      deviceAdmins: ['com.systemservice/.B'],
      deviceOwner: 'com.systemservice',
      notificationListeners: ['com.systemservice/.C'],
      installAllowed: ['com.systemservice'],
      settings: { adbEnabled: true, adbWifiEnabled: true, developmentSettings: true, unknownSources: true },
      root: { binaries: ['/sbin/su'], packages: [] },
      missing: [...ANDROID_PARTS],
      problems: [],
      disconnected: true,
      certificatesSkipped: 2,
    };
    const ios = { kind: 'ios-backups' as const, searched: ['/x'], backups: [{ path: '/x/1', encrypted: false }, { path: '/x/2', encrypted: true, deviceName: 'A…' }, { path: '/x/3', problem: 'missing' }] };
    const result = evaluatePhone({ android: data, ios }, { now: new Date('2024-05-01T00:00:00Z'), indicators: indicatorIndex() });
    const seen = new Set(result.findings.map((f) => f.message));
    expect(seen.size).toBeGreaterThan(30);
    for (const lang of ['en', 'ru'] as const) {
      const t = phoneText(lang);
      for (const f of result.findings) {
        for (const key of [f.message, f.fix].filter((k): k is PhoneMessageKey => k !== undefined)) {
          const text = t(key, f.data as Record<string, string | number> | undefined);
          expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });
});
