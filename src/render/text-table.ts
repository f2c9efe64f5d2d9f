import Table from 'cli-table3';
import displayWidth from 'string-width';
import { Lines } from './lines.js';

/**
 * Terminal tables with box borders, at any size. Up to CLI_TABLE_ROWS rows they are drawn by
 * cli-table3; above that by `plainTable` here, which draws the same borders, padding and
 * alignment in time linear in the rows (cli-table3 takes seconds for a few thousand rows and
 * overflows the stack at 500,000). The two agree on every table whose words fit their
 * columns (test/render/text-table.test.ts). Text wider than a fixed column is cut with "…" by
 * cli-table3 (a word longer than the column, or any text without `wrap`); here it is wrapped,
 * a long word split over lines, so nothing is lost.
 *
 * Cells hold text already made safe for a terminal (terminalText) and our own line breaks.
 * A cell's style (chalk's bold or dim) is applied to each of its lines after they are laid
 * out, so colour codes never count towards a width or get cut.
 */
export type TextCell = string | { readonly text: string; readonly style: (text: string) => string };

export interface TextTableSpec {
  readonly head: readonly string[];
  /** Style of the head cells (e.g. chalk.bold). */
  readonly headStyle?: ((text: string) => string) | undefined;
  /** Column widths, including one space of padding each side; omitted, each column is as wide as its widest line. */
  readonly widths?: readonly number[] | undefined;
  readonly aligns?: readonly ('left' | 'right')[] | undefined;
  /** Wrap text at word boundaries within fixed widths (without, cli-table3 cuts it with "…"). */
  readonly wrap?: boolean | undefined;
}

export const CLI_TABLE_ROWS = 1000;

/**
 * Characters string-width counts as one column each, alone or next to each other: printable
 * ASCII, U+00A0–U+02FF (Latin-1 Supplement to the spacing modifiers: no control, combining
 * mark, wide character or emoji among them) and the dashes, quotes and ellipsis of
 * U+2010–U+2027. A text of only these is as wide as it is long, so the cells our own figures
 * fill ("£12.50", "–", a wrapped word's "…") are counted without string-width, whose ANSI and
 * emoji patterns took a third of a 100,000-group table's time (test/render/text-table.test.ts
 * checks the range against string-width).
 */
const ONE_COLUMN_EACH = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027]*$/;
/** Columns a text takes on a terminal (wide characters take two). */
export const stringWidth = (text: string): number => (ONE_COLUMN_EACH.test(text) ? text.length : displayWidth(text));

const textOf = (cell: TextCell): string => (typeof cell === 'string' ? cell : cell.text);
const styleOf = (cell: TextCell): ((text: string) => string) | undefined => (typeof cell === 'string' ? undefined : cell.style);

export function textTable(spec: TextTableSpec, rows: readonly (readonly TextCell[])[]): string {
  return rows.length > CLI_TABLE_ROWS ? plainTable(spec, rows) : cliTable(spec, rows);
}

export function cliTable(spec: TextTableSpec, rows: readonly (readonly TextCell[])[]): string {
  const style = (cell: TextCell) => styleOf(cell)?.(textOf(cell)) ?? textOf(cell);
  const table = new Table({
    head: spec.head.map((h) => spec.headStyle?.(h) ?? h),
    ...(spec.widths === undefined ? {} : { colWidths: [...spec.widths] }),
    ...(spec.aligns === undefined ? {} : { colAligns: [...spec.aligns] }),
    ...(spec.wrap === true ? { wordWrap: true, wrapOnWordBoundary: true } : {}),
    style: { head: [], border: [], compact: true },
  });
  for (const row of rows) table.push(row.map(style));
  return table.toString();
}

/** Words greedily on lines of at most `width` columns, as cli-table3 does; a longer word is split. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let length = 0;
  const parts = text.split(/(\s+)/);
  let space = '';
  for (let i = 0; i < parts.length; i += 2) {
    let word = parts[i] as string;
    const more = length > 0 && space !== '' ? space.length : 0;
    if (length + more + stringWidth(word) <= width) {
      line += (length > 0 ? space : '') + word;
      length += more + stringWidth(word);
    } else {
      if (length > 0) lines.push(line);
      while (stringWidth(word) > width && width > 0) {
        const [head, rest] = splitAtWidth(word, width);
        lines.push(head);
        word = rest;
      }
      line = word;
      length = stringWidth(word);
    }
    space = parts[i + 1] ?? '';
  }
  if (length > 0) lines.push(line);
  return lines;
}

function splitAtWidth(word: string, width: number): [string, string] {
  let used = 0;
  let end = 0;
  for (const c of word) {
    const w = stringWidth(c);
    if (used + w > width && end > 0) break;
    used += w;
    end += c.length;
  }
  return [word.slice(0, end), word.slice(end)];
}

/** A cell's lines within `inner` columns (when the widths are fixed): our own line breaks, then wrapping. */
function cellLines(text: string, inner: number | undefined): string[] {
  // Most cells are one line that fits: no splitting, no wrapping.
  if (!text.includes('\n') && (inner === undefined || stringWidth(text) <= inner)) return [text];
  const own = text.split('\n');
  if (inner === undefined) return own;
  const out: string[] = [];
  for (const line of own) {
    const wrapped = stringWidth(line) <= inner ? [line] : wrapWords(line, inner);
    for (const l of wrapped) out.push(l);
  }
  return out.length === 0 ? [''] : out;
}

/** The widest line of a column, plus padding. */
function naturalWidths(head: readonly string[], rows: readonly (readonly TextCell[])[]): number[] {
  const widths = new Array<number>(head.length).fill(2);
  const measure = (row: readonly TextCell[]) => {
    for (let c = 0; c < head.length; c++) {
      const text = textOf(row[c] ?? '');
      const lines = text.includes('\n') ? text.split('\n') : [text];
      for (const line of lines) widths[c] = Math.max(widths[c] as number, stringWidth(line) + 2);
    }
  };
  measure(head);
  for (const row of rows) measure(row);
  return widths;
}

/**
 * The table as cli-table3 draws it (compact: no lines between rows), one row at a time:
 * linear in the rows, whatever their number.
 */
export function plainTable(spec: TextTableSpec, rows: readonly (readonly TextCell[])[]): string {
  const widths = spec.widths !== undefined ? [...spec.widths] : naturalWidths(spec.head, rows);
  const rule = (left: string, middle: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(middle) + right;
  // Lines, not an array: half a million rows are joined a few thousand at a time as they come,
  // which halved the garbage collector's work on validate's table of unrecognised codes.
  const out = new Lines('\n');
  out.push(rule('┌', '┬', '┐'));
  const drawRow = (row: readonly TextCell[], headStyle: ((text: string) => string) | undefined) => {
    const cells = widths.map((w, c) => {
      const cell = row[c] ?? '';
      const inner = w - 2;
      return { lines: cellLines(textOf(cell), spec.widths === undefined ? undefined : inner), style: headStyle ?? styleOf(cell), inner, align: spec.aligns?.[c] ?? 'left' };
    });
    const height = cells.reduce((h, c) => Math.max(h, c.lines.length), 1);
    for (let i = 0; i < height; i++) {
      const parts = cells.map(({ lines, style, inner, align }) => {
        const text = lines[i] ?? '';
        const pad = ' '.repeat(Math.max(0, inner - stringWidth(text)));
        const shown = text === '' || style === undefined ? text : style(text);
        return ` ${align === 'right' ? pad + shown : shown + pad} `;
      });
      out.push(`│${parts.join('│')}│`);
    }
  };
  drawRow(spec.head, spec.headStyle);
  if (rows.length > 0) out.push(rule('├', '┼', '┤'));
  for (const row of rows) drawRow(row, undefined);
  out.push(rule('└', '┴', '┘'));
  return out.joined();
}
