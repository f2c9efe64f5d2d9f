import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { terminalLines, terminalText } from '../../src/render/terminal-text.js';

/** What a terminal would act on: C0 controls, DEL, C1 controls, bidirectional overrides, line separators. */
const ACTED_ON = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Any text of up to 40 code points, lone surrogates included (what fast-check's 'binary' unit
 * gives), drawn often from the characters a terminal acts on: 44% of strings hold a C0 or C1
 * control against 9% with 'binary', whose setup alone also took 3-5 s of the run.
 */
const codePoint = fc.oneof(
  fc.integer({ min: 0, max: 0x10ffff }),
  fc.integer({ min: 0, max: 0xa0 }),
  fc.constantFrom(0x61c, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069),
);
const anyText = fc.array(codePoint, { maxLength: 40 }).map((points) => String.fromCodePoint(...points));

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
      fc.property(anyText, (text) => {
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
