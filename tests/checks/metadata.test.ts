import path from 'node:path';
import { describe, expect, it } from 'vitest';
import check from '../../checks/metadata.js';
import { needsInput } from '../../src/check-kit/define.js';
import { CheckTester } from '../helpers/check-tester.js';
import { buildJpeg, buildTiff, gpsIfd } from '../metadata/fixtures.js';

const tester = new CheckTester(check);
const summary = { total: 2, checked: 2, withFindings: 1, notChecked: 0, unsupported: 0, unreadable: 0, refused: 0, error: 0 };
const gpsPhoto = Buffer.from(buildJpeg({ exif: buildTiff({ ifd0: { 0x010f: { ascii: 'Canon' } }, gps: gpsIfd(41.7151, 44.8271) }) }));

describe('metadata evaluate', () => {
  tester.run({
    valid: [{ name: 'nothing revealing', data: { files: [], summary: { ...summary, withFindings: 0 } }, findings: [{ message: 'summary', severity: 'info' }] }],
    invalid: [
      {
        name: 'a photo with its location: high, with category names in both languages',
        data: { files: [{ path: '/h/p.jpg', worst: 'high', categories: ['location', 'device'] }], summary },
        status: 'fail',
        findings: [{ message: 'file', severity: 'high', fix: 'fix', path: '/h/p.jpg' }, 'summary'],
      },
      {
        name: 'a file that could not be checked is never a pass',
        data: { files: [], summary: { ...summary, withFindings: 0, checked: 1, notChecked: 1, unsupported: 1 } },
        status: 'warn',
        findings: [{ message: 'notChecked', severity: 'medium' }, 'summary'],
      },
      {
        name: 'a document with its author only: medium',
        data: { files: [{ path: '/h/a.pdf', worst: 'medium', categories: ['person'] }], summary },
        status: 'warn',
        findings: ['file', 'summary'],
      },
    ],
  });

  it('names the categories in the reader\'s language', () => {
    const [file] = tester.evaluate({ files: [{ path: '/h/p.jpg', worst: 'high', categories: ['location'] }], summary }).findings;
    const categories = file?.data?.categories;
    expect(categories).toMatchObject({ en: expect.any(String), ru: expect.stringMatching(/[а-я]/) });
  });
});

describe('metadata gather', () => {
  tester.gather([
    {
      name: 'scans only the folder it is given',
      root: { 'photos/trip.jpg': gpsPhoto, 'photos/notes.txt': 'hello' },
      home: { 'private.jpg': gpsPhoto },
      paths: ({ root }) => [path.join(root, 'photos')],
      status: 'fail',
      data: (data, { root }) => expect(data.files.map((f) => path.relative(root, f.path))).toEqual(['photos/trip.jpg']),
      findings: [{ message: 'file', severity: 'high' }, { message: 'notChecked', severity: 'medium' }, 'summary'],
    },
    {
      name: 'asks which folder when none was named, and understands ~/',
      home: { 'Pictures/trip.jpg': gpsPhoto },
      input: { secret: async () => '', path: async () => '~/Pictures' },
      status: 'fail',
    },
  ]);

  it('without a folder and without someone to ask, it cannot run', async () => {
    await expect(tester.gatherOn({})).rejects.toThrow(/folder/);
    expect(needsInput(check.meta, ['/x'])).toBe(false);
  });
});
