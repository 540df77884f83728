import { describe, expect, it } from 'vitest';
import { exitCode, summarize, toJson, toText } from '../../src/metadata/report.js';
import { CATEGORY_SEVERITY, type Category, type FileScan, type MetaFinding, type SkippedFile } from '../../src/metadata/types.js';

const f = (category: Category, field: string, value: string, within?: string): MetaFinding => {
  const x: MetaFinding = { category, severity: CATEGORY_SEVERITY[category], field, value };
  if (within) x.within = within;
  return x;
};

const results: Array<FileScan | SkippedFile> = [
  { path: '/p/a.jpg', format: 'jpeg', findings: [f('location', 'GPSLatitude', '55.7558 N'), f('time', 'CreateDate', '2024')], error: null },
  { path: '/p/b.docx', format: 'docx', findings: [f('person', 'Creator', 'Ivan\u202eevil'), f('location', 'GPSLatitude', '1 N', 'word/media/image1.jpeg')], error: 'truncated' },
  { path: '/p/c.png', format: 'png', findings: [], error: null },
  { path: '/p/d.txt', skipped: 'unsupported' },
  { path: '/p/e', skipped: 'symlink' },
];

describe('report', () => {
  it('builds the JSON document of the issue, skipped files only counted', () => {
    const json = toJson(results);
    expect(json.summary).toEqual({ scanned: 3, withFindings: 2, skipped: 2, errors: 1 });
    expect(json.files.map((x) => x.path)).toEqual(['/p/a.jpg', '/p/b.docx', '/p/c.png']);
    expect(json.files[0]).toEqual({ path: '/p/a.jpg', format: 'jpeg', findings: [results[0] && (results[0] as FileScan).findings[0], (results[0] as FileScan).findings[1]], error: null });
    expect(Object.keys(JSON.parse(JSON.stringify(json)))).toEqual(['files', 'summary']);
    expect(summarize([])).toEqual({ scanned: 0, withFindings: 0, skipped: 0, errors: 0 });
  });

  it('exits 1 on high or medium findings, 0 when only low ones or none', () => {
    expect(exitCode(results)).toBe(1);
    expect(exitCode([{ path: 'x', format: 'jpeg', findings: [f('time', 'CreateDate', '2024'), f('software', 'Software', 'x')], error: null }])).toBe(0);
    expect(exitCode([{ path: 'x', format: 'jpeg', findings: [f('thumbnail', 'ThumbnailImage', '5 bytes')], error: null }])).toBe(1);
    expect(exitCode([])).toBe(0);
  });

  it('groups by risk, explains each category once, in both languages, with file text sanitised', () => {
    const en = toText(results, { lang: 'en' });
    const lines = en.split('\n');
    expect(lines[0]).toMatch(/^High risk/);
    expect(en.indexOf('Location')).toBeLessThan(en.indexOf('Names and accounts'));
    expect(en.indexOf('High risk')).toBeLessThan(en.indexOf('Low risk'));
    expect(en.match(/GPS coordinates or place names/g)?.length).toBe(1);
    expect(en).toContain('/p/b.docx (word/media/image1.jpeg): GPSLatitude = 1 N');
    expect(en).toContain('Creator = Ivanevil');
    expect(en).not.toContain('\u202e');
    expect(en).toContain('/p/b.docx: The file ends too early');
    expect(en).toContain('Skipped: /p/e: a symbolic link');
    expect(en).not.toContain('/p/d.txt');
    const ru = toText(results, { lang: 'ru', displayPath: (p) => p.replace('/p', '~') });
    expect(ru.split('\n')[0]).toMatch(/^Высокий риск/);
    expect(ru).toContain('Местоположение');
    expect(ru).toContain('~/a.jpg: GPSLatitude = 55.7558 N');
    expect(ru).toMatch(/Проверено файлов: 3/);
    expect(toText([], { lang: 'en' })).toContain('No metadata found.');
    expect(toText(results, { lang: 'en', showLow: false })).not.toContain('CreateDate');
  });
});
