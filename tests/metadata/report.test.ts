import { describe, expect, it } from 'vitest';
import { exitCode, summarize, toJson, toText } from '../../src/metadata/report.js';
import { CATEGORY_SEVERITY, type Category, type FileScan, type MetaFinding } from '../../src/metadata/types.js';

const f = (category: Category, field: string, value: string, within?: string): MetaFinding => {
  const x: MetaFinding = { category, severity: CATEGORY_SEVERITY[category], field, value };
  if (within) x.within = within;
  return x;
};

const checked = (path: string, format: string, findings: MetaFinding[]): FileScan => ({ path, status: 'checked', format, findings, reason: null });

const results: FileScan[] = [
  checked('/p/a.jpg', 'jpeg', [f('location', 'GPSLatitude', '55.7558 N'), f('time', 'CreateDate', '2024')]),
  { path: '/p/b.docx', status: 'error', format: 'docx', findings: [f('person', 'Creator', 'Ivan\u202eevil'), f('location', 'GPSLatitude', '1 N', 'word/media/image1.jpeg')], reason: 'truncated' },
  checked('/p/c.png', 'png', []),
  { path: '/p/d.txt', status: 'unsupported', format: 'text', findings: [], reason: 'plain-text' },
  { path: '/p/e', status: 'unsupported', format: 'symlink', findings: [], reason: 'symlink' },
  { path: '/p/f.psd', status: 'unsupported', format: 'psd', findings: [], reason: 'not-read' },
  { path: '/p/g.psd', status: 'unsupported', format: 'psd', findings: [], reason: 'not-read' },
  { path: '/p/secret.jpg', status: 'unreadable', format: 'unknown', findings: [], reason: 'permission' },
  { path: '/p/bomb.docx', status: 'refused', format: 'docx', findings: [], reason: 'too-large' },
];

describe('report', () => {
  it('lists every file in the JSON document with its verdict', () => {
    const json = toJson(results);
    expect(json.summary).toEqual({ total: 9, checked: 2, withFindings: 2, notChecked: 7, unsupported: 4, unreadable: 1, refused: 1, error: 1 });
    expect(json.files.map((x) => x.path)).toEqual(results.map((r) => r.path));
    expect(json.files[0]).toEqual({ path: '/p/a.jpg', status: 'checked', format: 'jpeg', findings: results[0]?.findings, reason: null });
    expect(json.files[7]).toMatchObject({ status: 'unreadable', reason: 'permission' });
    expect(Object.keys(JSON.parse(JSON.stringify(json)))).toEqual(['files', 'summary']);
    expect(summarize([])).toMatchObject({ total: 0, checked: 0, notChecked: 0 });
  });

  it('exits 1 on high or medium findings or on anything not checked, 0 only when all was checked and nothing risky found', () => {
    expect(exitCode(results)).toBe(1);
    expect(exitCode([checked('x', 'jpeg', [f('time', 'CreateDate', '2024'), f('software', 'Software', 'x')])])).toBe(0);
    expect(exitCode([checked('x', 'jpeg', [f('thumbnail', 'ThumbnailImage', '5 bytes')])])).toBe(1);
    expect(exitCode([checked('x', 'png', []), { path: 'y', status: 'unsupported', format: 'psd', findings: [], reason: 'not-read' }])).toBe(1);
    expect(exitCode([checked('x', 'png', []), { path: 'y', status: 'unreadable', format: 'unknown', findings: [], reason: 'permission' }])).toBe(1);
    expect(exitCode([])).toBe(0);
  });

  it('groups findings by risk, explains each category once, then what was not checked with types and what to do', () => {
    const en = toText(results, { lang: 'en' });
    const lines = en.split('\n');
    expect(lines[0]).toMatch(/^High risk/);
    expect(en.indexOf('Location')).toBeLessThan(en.indexOf('Names and accounts'));
    expect(en.indexOf('High risk')).toBeLessThan(en.indexOf('Low risk'));
    expect(en.match(/GPS coordinates or place names/g)?.length).toBe(1);
    expect(en).toContain('/p/b.docx (word/media/image1.jpeg): GPSLatitude = 1 N');
    expect(en).toContain('Creator = Ivanevil');
    expect(en).not.toContain('\u202e');
    expect(en.indexOf('Low risk')).toBeLessThan(en.indexOf('Not checked: 7 files'));
    expect(en).toContain('Not a type safestep can check (4): plain text, symbolic link, psd ×2');
    expect(en).toContain('/p/secret.jpg (unknown type): No permission to read it.');
    expect(en).toContain('Stopped at a safety limit (1): docx');
    expect(en).toContain('/p/b.docx (docx): The file ends too early');
    expect(en).toMatch(/check it with ExifTool/);
    expect(en).not.toMatch(/not a photo/i);
    expect(en).toContain('Files: 9; checked: 2; with metadata: 2; not checked: 7.');
    const ru = toText(results, { lang: 'ru', displayPath: (p) => p.replace('/p', '~') });
    expect(ru.split('\n')[0]).toMatch(/^Опасность: высокая\. Удалите/);
    expect(ru).toContain('Местоположение');
    expect(ru).toContain('~/a.jpg: GPSLatitude = 55.7558 N');
    expect(ru).toContain('Не проверено 7 файлов');
    expect(ru).toContain('Не удалось прочитать (1): неизвестный тип');
    expect(ru).toContain('Тип, который safestep не умеет проверять (4): обычный текст, символическая ссылка, psd ×2');
    expect(ru).toMatch(/Файлов: 9; проверено: 2/);
    expect(toText([], { lang: 'en' })).toContain('No files were found there.');
    expect(toText(results, { lang: 'en', showLow: false })).not.toContain('CreateDate');
  });

  it('never calls a result clean when some files were not checked', () => {
    const only = [checked('/p/c.png', 'png', []), { path: '/p/x.psd', status: 'unsupported' as const, format: 'psd', findings: [], reason: 'not-read' as const }];
    const en = toText(only, { lang: 'en' });
    expect(en).toContain('Some files could not be checked');
    expect(toText([checked('/p/c.png', 'png', [])], { lang: 'en' })).not.toContain('could not be checked');
  });
});
