import path from 'node:path';
import { describe, expect, it } from 'vitest';
import check, { commandOf, scanLine, type HistoryData, type SecretKind } from '../../checks/shell-history-secrets.js';
import { CheckTester } from '../helpers/check-tester.js';

const tester = new CheckTester(check);

// Token-shaped strings are assembled at run time so no scanner mistakes this file for a leak.
const rep = (c: string, n: number) => c.repeat(n);
const T = {
  github: `ghp_${rep('a1B2', 9)}`,
  githubPat: `github_pat_${rep('A', 22)}_${rep('b', 59)}`,
  gitlab: `glpat-${rep('x', 20)}`,
  aws: `AKIA${rep('Q', 16)}`,
  slack: ['xoxb', '1234567890', rep('a', 24)].join('-'),
  telegram: `123456789:${rep('AbC', 11)}de`,
  google: `AIza${rep('S', 35)}`,
  openai: `sk-proj-${rep('Zz9', 20)}`,
  openaiLegacy: `sk-${rep('Ab1', 16)}`,
  stripe: `sk_live_${rep('s', 24)}`,
  jwt: `eyJ${rep('h', 12)}.eyJ${rep('p', 20)}.${rep('s', 30)}`,
};

describe('shell-history-secrets line scanner', () => {
  const positives: [string, SecretKind][] = [
    ['-----BEGIN OPENSSH PRIVATE KEY-----', 'privateKey'],
    ['echo "-----BEGIN RSA PRIVATE KEY-----" > k', 'privateKey'],
    [`git remote set-url origin https://${T.github}@github.com/me/repo`, 'githubToken'],
    [`export GH=${T.githubPat}`, 'githubToken'],
    [`curl -H "PRIVATE-TOKEN: ${T.gitlab}" https://gitlab.com/api`, 'gitlabToken'],
    [`aws configure set aws_access_key_id ${T.aws}`, 'awsAccessKey'],
    [`curl -d token=${T.slack} https://slack.com/api/x`, 'slackToken'],
    [`curl https://api.telegram.org/bot${T.telegram}/getMe`, 'telegramBotToken'],
    [`curl "https://maps.googleapis.com/x?key=${T.google}"`, 'googleApiKey'],
    [`python app.py --key ${T.openai}`, 'openaiKey'],
    [`llm keys set ${T.openaiLegacy}`, 'openaiKey'],
    [`stripe login --api-key ${T.stripe}`, 'stripeKey'],
    [`curl -H "Authorization: Bearer ${T.jwt}" https://x`, 'jwt'],
    ['mysql -u root -pHunter2 shop', 'passwordOption'],
    ['mysqldump -uroot -p"s3cret" db > db.sql', 'passwordOption'],
    ['sshpass -p hunter2 ssh user@host', 'passwordOption'],
    ['curl -u anna:hunter2 https://example.org/api', 'passwordOption'],
    ['curl --user "anna:hunter2" https://example.org', 'passwordOption'],
    ['wget --user=anna --password=hunter2 https://example.org/f', 'passwordOption'],
    ['docker login -u me -p hunter2 registry.example', 'passwordOption'],
    ['redis-cli -h db -a hunter2 ping', 'passwordOption'],
    ['openssl pkcs12 -export -in c.pem -passout pass:hunter2 -out c.p12', 'passwordOption'],
    ['htpasswd -b .htpasswd anna hunter2', 'passwordOption'],
    ['$p = ConvertTo-SecureString "hunter2" -AsPlainText -Force', 'passwordOption'],
    ['$p = ConvertTo-SecureString -String "hunter2" -AsPlainText -Force', 'passwordOption'],
    ["'hunter2' | ConvertTo-SecureString -AsPlainText -Force", 'passwordOption'],
    ['cmdkey /generic:server /user:anna /pass:hunter2', 'passwordOption'],
    ['net user anna Hunter2! /add', 'passwordOption'],
    ['$env:API_TOKEN = "abc123def"', 'passwordVariable'],
    ["$env:GitHub_Token='abc123def'", 'passwordVariable'],
    ['PGPASSWORD=hunter2 psql -h db', 'passwordVariable'],
    ['export API_TOKEN=abc123def', 'passwordVariable'],
    ['MYSQL_PWD=hunter2 mysql', 'passwordVariable'],
    ['git clone https://anna:hunter2@git.example.org/repo.git', 'urlCredentials'],
    ['psql postgres://app:hunter2@localhost/app', 'urlCredentials'],
  ];
  for (const [line, kind] of positives) {
    it(`finds ${kind} in: ${line.slice(0, 50)}`, () => {
      expect(scanLine(line)).toContain(kind);
    });
  }

  const negatives = [
    'ssh -p 2222 user@host',
    'mysql -u root -p shop',
    'mysql --protocol=tcp -h db',
    'docker login --password-stdin -u me',
    'gpg --passphrase-file pass.txt -d x.gpg',
    'sshpass -f ~/.pw ssh host',
    'curl -u anna https://example.org',
    'export GITHUB_TOKEN=$(gh auth token)',
    'PGPASSWORD="$DB_PASS" psql',
    'export PASSWORD_STORE_DIR=~/.password-store',
    'export TOKEN_FILE=/run/secrets/token',
    'git clone git@github.com:me/repo.git',
    'git clone https://github.com/me/repo.git',
    'curl https://anna:$PASS@example.org',
    'pip install scikit-learn-intelex-something-long',
    'ls -la ~/.ssh',
    'cat ~/.ssh/id_ed25519.pub',
    'echo ghp_short',
    'date +%H:%M:%S',
    '$p = Read-Host -AsSecureString',
    '$s = ConvertTo-SecureString $plain -AsPlainText -Force',
    'cmdkey /generic:server /user:anna /pass',
    'net user anna * /add',
    'net user anna /delete',
    '$env:API_TOKEN = $secret',
    '$env:TOKEN_FILE = "C:\\secrets\\t.txt"',
  ];
  for (const line of negatives) {
    it(`finds nothing in: ${line}`, () => {
      expect(scanLine(line)).toEqual([]);
    });
  }

  it('reads zsh extended history and fish history formats', () => {
    expect(commandOf('zsh', ': 1700000000:0;mysql -pX db')).toBe('mysql -pX db');
    expect(commandOf('zsh', 'plain command')).toBe('plain command');
    expect(commandOf('fish', '- cmd: sshpass -p x ssh h')).toBe('sshpass -p x ssh h');
    expect(commandOf('fish', '  when: 1700000000')).toBeNull();
    expect(commandOf('fish', '    - /home/anna/file')).toBeNull();
  });
});

describe('shell-history-secrets evaluate', () => {
  const hits = Array.from({ length: 11 }, (_, i) => ({ file: '/h/.bash_history', line: i * 10 + 1, kind: 'passwordOption' as const }));
  tester.run({
    valid: [{ name: 'a clean history', data: { files: [{ path: '/h/.bash_history', shell: 'bash', lines: 10 }], hits: [], unreadable: [] } }],
    invalid: [
      {
        name: 'groups hits per file and kind, shows at most eight line numbers',
        data: { files: [], hits: [...hits, { file: '/h/.bash_history', line: 5, kind: 'jwt' }], unreadable: [] } satisfies HistoryData,
        status: 'fail',
        findings: [
          { message: 'passwordOption', severity: 'high', fix: 'fixSecret', data: { lines: '1, 11, 21, 31, 41, 51, 61, 71 (+3)', count: 11 } },
          { message: 'jwt', severity: 'medium', data: { lines: '5', count: 1 } },
        ],
      },
      {
        name: 'an unreadable history file is a warning',
        data: { files: [], hits: [], unreadable: [{ path: '/h/.zsh_history', problem: 'denied' }] },
        status: 'warn',
        findings: [{ message: 'unreadable', severity: 'low', path: '/h/.zsh_history' }],
      },
    ],
  });
});

describe('shell-history-secrets gather', () => {
  const lines = Array.from({ length: 120_000 }, (_, i) => `echo line number ${i}`);
  lines.push(`PGPASSWORD=${rep('q', 12)} psql`);
  tester.gather([
    {
      name: 'finds secrets in bash, zsh and fish history with line numbers',
      home: {
        '.bash_history': ['ls', 'cd /tmp', 'mysql -u root -pHunter2secret shop', 'git status', `curl https://api.telegram.org/bot${T.telegram}/getMe`].join('\n') + '\n',
        '.zsh_history': [': 1700000000:0;echo hello world', `: 1700000100:0;export AWS_ACCESS_KEY_ID=${T.aws}`].join('\n') + '\n',
        '.local/share/fish/fish_history': ['- cmd: ls -la', '  when: 1700000000', `- cmd: git push https://${T.github}@github.com/me/x`, '  when: 1700000001'].join('\n') + '\n',
      },
      status: 'fail',
      findings: [
        { message: 'passwordOption', data: { lines: '3' } },
        { message: 'telegramBotToken', data: { lines: '5' } },
        { message: 'awsAccessKey', data: { lines: '2' } },
        { message: 'githubToken', data: { lines: '3' } },
      ],
      data: (data, { home }) => {
        expect(data.files.map((f) => path.relative(home, f.path))).toEqual(['.bash_history', '.zsh_history', '.local/share/fish/fish_history']);
        const serialized = JSON.stringify(data);
        for (const secret of ['Hunter2secret', T.telegram, T.aws, T.github]) expect(serialized).not.toContain(secret);
      },
    },
    { name: 'streams large files and reports the right line', home: { '.bash_history': lines.join('\n') }, findings: [{ message: 'passwordVariable', data: { lines: '120001' } }] },
    {
      name: 'also reads $HISTFILE',
      home: { 'hist/custom_history': 'sshpass -p hunter2 ssh host\n', '.bash_history': 'ls\ncd ..\n' },
      env: ({ home }) => ({ HISTFILE: path.join(home, 'hist/custom_history') }),
      findings: ['passwordOption'],
    },
    { name: 'a home without history passes', status: 'pass', findings: [] },
    {
      name: 'Windows: every PSReadLine history file, one per host',
      platform: 'win32',
      home: {
        'AppData/Roaming/Microsoft/Windows/PowerShell/PSReadLine/ConsoleHost_history.txt': 'Get-ChildItem\n',
        'AppData/Roaming/Microsoft/Windows/PowerShell/PSReadLine/Visual Studio Code Host_history.txt': 'cmdkey /generic:srv /user:anna /pass:hunter2\n',
      },
      findings: [{ message: 'passwordOption', data: { lines: '1' } }],
      data: (data) => expect(data.files.filter((f) => f.shell === 'powershell').map((f) => path.basename(f.path))).toEqual(['ConsoleHost_history.txt', 'Visual Studio Code Host_history.txt']),
    },
  ]);

  it('never keeps a secret in its result', async () => {
    const { result } = await tester.gatherOn({ home: { '.bash_history': 'mysql -u root -pHunter2secret shop\n' } });
    expect(JSON.stringify(result)).not.toContain('Hunter2secret');
  });
});
