import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { markdownText } from '../../src/render/markdown-text.js';

/**
 * markdownText, judged by a real CommonMark parser (markdown-it, with raw HTML and linkify on,
 * as a permissive wiki would have them): whatever the text, it renders as itself, opens no
 * tag, makes no link, and stays inside the table cell, heading, list item or quote it is in.
 */
const parser = new MarkdownIt({ html: true, linkify: true });

const PLACES: readonly [string, (x: string) => string][] = [
  ['a table cell', (x) => `| Group | Staff |\n|---|--:|\n| ${x} | 1 |\n`],
  ['a heading', (x) => `### ${x}\n`],
  ['a list item', (x) => `- ${x}\n`],
  ['a sentence', (x) => `The gap for ${x} staff is 3.0%.\n`],
  ['a quote', (x) => `> **Note:** ${x}\n`],
  ['the start of a paragraph', (x) => `${x}\n`],
];

const HOSTILE: readonly [string, string][] = [
  ['a script tag', '<script>alert(1)</script>'],
  ['a javascript: link', '[click](javascript:alert(5))'],
  ['an image with a handler', '"><img src=x onerror=alert(2)>'],
  ['an image link', '![x](javascript:alert(3))'],
  ['an autolink', '<javascript:alert(4)>'],
  ['a reference link', '[x][1]\n\n[1]: javascript:alert(6)'],
  ['a newline', 'first line\nsecond line'],
  ['a carriage return', 'first\r\n| forged | row |'],
  ['a pipe', 'A | B'],
  ['emphasis and code', '*bold* _it_ `code` ~~gone~~'],
  ['a heading mark', '# Heading ##'],
  ['a quote mark', '> quoted'],
  ['a list mark', '- item'],
  ['a numbered list', '1. first'],
  ['a plus list', '+ item'],
  ['a thematic break', '---'],
  ['an entity', '&lt;script&gt; &amp; &#60;'],
  ['a backslash', 'C:\\path\\'],
  ['math', '$x^2$'],
  ['an HTML comment', '<!-- hidden -->'],
  ['a typographer replacement', '(c) (tm) +-'],
];

/** The elements of an HTML text, in order. */
const tags = (html: string): string[] => [...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[0]);

/** The text of the rendered document, as a reader sees it (markdown-it's inline tokens). */
function textOf(markdown: string): string {
  const out: string[] = [];
  for (const token of parser.parse(markdown, {})) {
    if (token.type === 'inline') for (const child of token.children ?? []) if (child.type === 'text' || child.type === 'softbreak') out.push(child.type === 'text' ? child.content : '\n');
  }
  return out.join('');
}

describe('markdownText', () => {
  describe.each(PLACES)('in %s', (_place, put) => {
    it.each(HOSTILE)('%s renders as the text itself, with no tag and no link', (_name, value) => {
      const markdown = put(markdownText(value));
      const html = parser.render(markdown);
      // Exactly the elements a plain word gets there: no tag, link, list, heading or row of its own.
      expect(tags(html)).toEqual(tags(parser.render(put('word'))));
      expect(html).not.toContain('<!--');
      expect(html).not.toMatch(/<[^>]*\b(href|src|on\w+)=/);
      expect(textOf(markdown)).toContain(value);
    });
  });

  it('keeps a table to its rows whatever the cell holds', () => {
    const markdown = `| Group | Staff |\n|---|--:|\n${HOSTILE.map(([, v]) => `| ${markdownText(v)} | 1 |`).join('\n')}\n`;
    const rows = parser.parse(markdown, {}).filter((t) => t.type === 'tr_open');
    expect(rows.length).toBe(HOSTILE.length + 1);
    const cells = parser.parse(markdown, {}).filter((t) => t.type === 'td_open');
    expect(cells.length).toBe(HOSTILE.length * 2);
  });

  it('writes no control character (a Markdown file shown on a terminal runs nothing)', () => {
    expect(markdownText('\x1b]0;PWNED\x07\x1b[2J\u009b31m')).toBe('&#27;\\]0;PWNED&#7;&#27;\\[2J&#155;31m');
  });

  it('round-trips any text through a CommonMark parser, in a cell and in a heading', () => {
    const unit = fc.constantFrom(...'ab <>&|[]()!*_~`#$\\-+=.1\n\r\t"\':;/{}^%@'.split(''), 'é', '£', '中');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 30 }), (raw) => {
        // A cell and a heading trim spaces and tabs at their ends; compare what is inside.
        const value = raw.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '') || 'x';
        expect(textOf(`| G |\n|---|\n| ${markdownText(value)} |\n`)).toBe(`G${value}`);
        expect(textOf(`### ${markdownText(value)}\n`)).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
