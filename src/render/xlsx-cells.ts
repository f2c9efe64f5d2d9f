import type { Cell, Row, Worksheet } from 'exceljs';
import type { Measure } from '../report/measures.js';

/**
 * Cells of the Excel workbook (`--format xlsx`): real numbers with number formats, so a
 * spreadsheet can sum, chart and sort them (METHOD §12.1: the workbook keeps full
 * precision; the format shows 1 dp and pence). Percentages are stored as fractions, as
 * Excel's % format expects (16.99% is 0.1699). Text is escaped for the medium: exceljs
 * writes strings as strings, never as formulas, and characters XML cannot hold are dropped.
 */
export const FORMATS = {
  money: '£#,##0.00',
  percent: '0.0%',
  count: '#,##0',
  /** Points of a gap (--explain's parts): one decimal place shown. */
  points: '0.0',
  /** Days in a pay period, decimals of hourly pay: plain numbers. */
  number: '0.##',
} as const;

export type NumberKind = keyof typeof FORMATS;

/** A number to write, with how it is shown; or a word for a figure that is not shown. */
export type Value = { readonly number: number; readonly kind: NumberKind } | string | null;

export const money = (n: number | null): Value => (n === null ? null : { number: n, kind: 'money' });
export const percent = (n: number | null): Value => (n === null ? null : { number: n, kind: 'percent' });
export const count = (n: number | null): Value => (n === null ? null : { number: n, kind: 'count' });

/** A measure's cell: its kind comes from the catalogue's unit. */
export function measureValue(m: Measure, value: number): Value {
  switch (m.unit) {
    case 'people':
      return count(value);
    case 'GBP':
    case 'GBP per hour':
      return money(value);
    case 'percent':
      return percent(value);
  }
}

// Characters XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates, U+FFFE/F).
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as a cell holds it: whatever XML cannot carry is dropped. */
export const cellText = (text: string): string => text.replace(NOT_XML, '');

function setCell(cell: Cell, value: Value): void {
  if (value === null) return;
  if (typeof value === 'string') {
    cell.value = cellText(value);
    cell.alignment = { horizontal: 'right' };
    return;
  }
  cell.value = value.kind === 'percent' ? value.number / 100 : value.number;
  cell.numFmt = FORMATS[value.kind];
}

/** Add a row: text as text (left), numbers with their formats, words for missing figures (right). */
export function addRow(sheet: Worksheet, cells: readonly (Value | { readonly text: string })[], bold = false): Row {
  const row = sheet.addRow([]);
  cells.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    if (value !== null && typeof value === 'object' && 'text' in value) cell.value = cellText(value.text);
    else setCell(cell, value);
  });
  if (bold) row.font = { bold: true };
  return row;
}

/** Plain text cells, e.g. a heading or a label and its value. */
export const text = (t: string): { readonly text: string } => ({ text: t });

/** A title line in bold, then a blank line when asked. */
export function title(sheet: Worksheet, words: string): void {
  const row = sheet.addRow([cellText(words)]);
  row.font = { bold: true, size: 14 };
}

/** Column widths: the first wide enough for labels, the others for figures. */
export function widths(sheet: Worksheet, first: number, rest: number, columns: number): void {
  for (let c = 1; c <= columns; c++) sheet.getColumn(c).width = c === 1 ? first : rest;
}
