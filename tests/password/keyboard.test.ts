import { describe, expect, it } from 'vitest';
import * as common from '@zxcvbn-ts/language-common';
import { buildJcukenGraph, cyrillicToLatin, latinToCyrillic } from '../../src/password/keyboard.js';
import { typedOnJcuken, typedOnQwerty } from './eval-lists.mjs';

describe('layout maps', () => {
  it('agree with an independent map on every letter key', () => {
    const russian = 'йцукенгшщзхъфывапролджэячсмитьбю';
    expect(cyrillicToLatin(russian)).toBe(typedOnQwerty(russian));
    const latin = "qwertyuiop[]asdfghjkl;'zxcvbnm,.";
    expect(latinToCyrillic(latin)).toBe(typedOnJcuken(latin));
  });

  it('round-trips and keeps length', () => {
    const word = 'съешьжеещёэтихмягкихфранцузскихбулок';
    const typed = cyrillicToLatin(word);
    expect(typed).toHaveLength(word.length);
    expect(latinToCyrillic(typed)).toBe(word.replace(/ё/g, 'е'));
  });

  it('reads shifted keys as the same letters', () => {
    expect(latinToCyrillic('GFHJKM')).toBe('пароль');
    expect(latinToCyrillic('{}:"<>')).toBe('хъжэбю');
    expect(latinToCyrillic('123!')).toBe('123!');
  });
});

describe('ЙЦУКЕН graph', () => {
  const graph = buildJcukenGraph(common.adjacencyGraphs.qwerty);
  it('has the same neighbours as the QWERTY keys', () => {
    // QWERTY q: [null, '1!', '2@', 'wW', 'aA', null]; a: [null, 'qQ', 'wW', 'sS', 'zZ', null]
    expect(graph['й']).toEqual([null, '1!', '2"', 'цЦ', 'фФ', null]);
    expect(graph['ф']).toEqual([null, 'йЙ', 'цЦ', 'ыЫ', 'яЯ', null]);
    expect(graph['Ф']).toEqual(graph['ф']);
    expect(Object.keys(graph)).toHaveLength(Object.keys(common.adjacencyGraphs.qwerty).length);
  });
});
