import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { terminalLines, terminalText } from '../../src/render/terminal-text.js';

/** What a terminal would act on: C0 controls, DEL, C1 controls, bidirectional overrides, line separators. */
const ACTED_ON = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('terminalText', () => {
  it.each([
    ['a title change and a screen clear', '\x1b]0;PWNED\x07\x1b[2J', '␛]0;PWNED␇␛[2J'],
    ['colour', '\x1b[31mred\x1b[0m', '␛[31mred␛[0m'],
    ['a one-byte CSI', '\u009b2J', '\\u{9B}2J'],
    ['a newline that would forge a line', 'A\npaygap: all clear', 'A␊paygap: all clear'],
    ['a carriage return that would overwrite a line', 'real\rfake', 'real␍fake'],
    ['a tab', 'a\tb', 'a␉b'],
    ['a backspace', 'abc\b\b', 'abc␈␈'],
    ['DEL', 'a\x7f', 'a␡'],
    ['a right-to-left override', 'abc\u202Efed', 'abc\\u{202E}fed'],
    ['a line separator', 'a\u2028b', 'a\\u{2028}b'],
    ['plain text, accents and wide characters', 'Asian or Asian British – Indian, café, 中文', 'Asian or Asian British – Indian, café, 中文'],
  ])('shows %s visibly', (_name, input, shown) => {
    expect(terminalText(input)).toBe(shown);
  });

  it('never lets a control character through, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(terminalText(text)).not.toMatch(ACTED_ON);
        expect(terminalLines(text).replaceAll('\n', '')).not.toMatch(ACTED_ON);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the line ends of a message of several lines, escaping the rest', () => {
    expect(terminalLines('config.json:\n  map: \x1b[2J')).toBe('config.json:\n  map: ␛[2J');
  });
});
