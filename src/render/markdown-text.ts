/**
 * Text from the data (a group, a header, a file name, a reason, a warning) on its way into
 * Markdown: it reads as the same words wherever it is put (a table cell, a heading, a
 * sentence, a list item or a quote) and can never become markup. A board paper pasted into
 * a wiki must not run `<script>`, link to `javascript:` or lose a table row to a newline.
 *
 * - HTML's `&`, `<` and `>` become character references (`&amp;`, `&lt;`, `&gt;`), which
 *   every Markdown flavour passes through, so no tag or autolink can open;
 * - Markdown's own punctuation is escaped with a backslash: `\`, link and image syntax
 *   (`[`, `]`, `(`, `)`, `!`), emphasis, strike-through and code (`*`, `_`, `~`, `` ` ``),
 *   table pipes (`|`), headings' `#` and math's `$`;
 * - what would start a block at the start of a line (`-`, `+` or `=` after any spaces, or
 *   digits, a dot and a space: "1. ") is escaped there;
 * - control characters, newline and carriage return included, become numeric references
 *   (`&#10;`), so a value never splits a row, a heading or a paragraph, and a Markdown file
 *   shown on a terminal holds no escape sequence.
 *
 * Parsed by a CommonMark parser, the result's text is the value itself (a NUL aside, which
 * CommonMark turns into U+FFFD).
 *
 * @example markdownText('[click](javascript:alert(5))') === '\\[click\\]\\(javascript:alert\\(5\\)\\)'
 */
const MARKDOWN_ACTIVE = /[\\`*_~[\]()!|#$&<>\u0000-\u001f\u007f-\u009f]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const BLOCK_START = /^(\s*)([-+=]|\d{1,9}\.(?=\s|$))/;

function replacement(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `&#${code};`;
  return ENTITY[c] ?? `\\${c}`;
}

export function markdownText(text: string): string {
  const escaped = text.replace(MARKDOWN_ACTIVE, replacement);
  return escaped.replace(BLOCK_START, (_all, space: string, marker: string) => `${space}${marker.endsWith('.') ? `${marker.slice(0, -1)}\\.` : `\\${marker}`}`);
}
