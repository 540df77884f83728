import { describe, expect, it } from 'vitest';
import { MetaError } from '../../src/metadata/codecs/source.js';
import { allText, attr, decodeEntities, isWellFormed, parseXml, rewriteXml, rootElement } from '../../src/metadata/codecs/xml.js';

describe('parseXml', () => {
  it('resolves namespaces by URI, not prefix, and decodes text and attributes', () => {
    const doc = parseXml('<?xml version="1.0"?><a:root xmlns:a="urn:x" xmlns:b="urn:y"><b:item b:k="v&amp;w">one &lt;two&gt;<![CDATA[ <raw> ]]></b:item></a:root>');
    const root = rootElement(doc);
    expect(root).toMatchObject({ local: 'root', uri: 'urn:x' });
    const item = root?.children[0];
    expect(item).toMatchObject({ local: 'item', uri: 'urn:y' });
    expect(item && attr(item, 'k', 'urn:y')).toBe('v&w');
    expect(item && allText(item)).toBe('one <two> <raw>');
  });

  it('expands only the predefined entities and character references (no DTD, no billion laughs)', () => {
    const bomb = '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><r>&b;&#x41;&#66;</r>';
    const root = rootElement(parseXml(bomb));
    expect(root?.text).toBe('&b;AB');
    expect(decodeEntities('&#0;&#xD800;&amp;')).toBe('&#0;&#xD800;&');
  });

  it('rejects markup that is not well formed', () => {
    for (const bad of ['<a><b></a></b>', '<a>', '<a/><b/>', 'text only', '<a x="1></a>', '<a><!-- open </a>']) {
      expect(isWellFormed(bad)).toBe(false);
    }
    expect(() => parseXml('<a></b>')).toThrow(MetaError);
    expect(isWellFormed('<a xmlns="u"><b/>tail</a>')).toBe(true);
  });

  it('caps nesting depth', () => {
    const deep = '<a>'.repeat(400) + '</a>'.repeat(400);
    expect(() => parseXml(deep)).toThrow(/deeply/);
  });
});

describe('rewriteXml', () => {
  const W = 'urn:w';
  const src = `<w:doc xmlns:w="${W}" xmlns:o="urn:other"><w:p w:rsidR="00AA" o:keep="1"><w:ins w:author="A"><w:r>kept</w:r></w:ins><w:del w:author="B"><w:r>gone</w:r></w:del><o:del>other ns stays</o:del></w:p><w:rsids/></w:doc>`;

  it('drops, unwraps and strips attributes by namespace, copying everything else verbatim', () => {
    const r = rewriteXml(src, {
      drop: (uri, local) => uri === W && (local === 'del' || local === 'rsids'),
      unwrap: (uri, local) => uri === W && local === 'ins',
      dropAttr: (uri, local) => uri === W && local.startsWith('rsid'),
    });
    expect(r.xml).toBe(`<w:doc xmlns:w="${W}" xmlns:o="urn:other"><w:p o:keep="1"><w:r>kept</w:r><o:del>other ns stays</o:del></w:p></w:doc>`);
    expect(r.changes).toBe(4);
    expect(isWellFormed(r.xml)).toBe(true);
  });

  it('leaves a document without matches byte-identical', () => {
    const r = rewriteXml(src, { drop: () => false });
    expect(r.xml).toBe(src);
    expect(r.changes).toBe(0);
  });

  it('follows a prefix redeclared to another namespace', () => {
    const x = `<r xmlns:w="${W}"><w:del/><x xmlns:w="urn:else"><w:del/></x></r>`;
    const r = rewriteXml(x, { drop: (uri, local) => uri === W && local === 'del' });
    expect(r.xml).toBe(`<r xmlns:w="${W}"><x xmlns:w="urn:else"><w:del/></x></r>`);
  });
});
