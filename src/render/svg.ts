import type { CharacteristicReport } from '../report/model.js';
import type { Comparison } from '../report/compare.js';
import { percent } from './format.js';
import { textWidth, wrapText } from './text-width.js';

/**
 * Inline SVG charts for the HTML report: no scripts, no fonts or files from elsewhere. Each
 * chart has a <title> and a <desc> that says in words what it shows (its text alternative);
 * the HTML puts the underlying table next to it.
 *
 * Every chart is laid out from the widths of its own texts (text-width.ts estimates them
 * generously), so labels are never cut off and never overlap: the label column is as wide
 * as the longest label, up to 40% of the chart, and longer labels wrap onto more lines (the
 * row grows to hold them); the room beside the bars is as wide as the widest value label.
 */
const HTML_ACTIVE = /[&<>"]/g;
const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Text for HTML and SVG, in element content and in double-quoted attributes. */
export const escape = (text: string): string => text.replace(HTML_ACTIVE, (c) => ENTITY[c] as string);

/** Views of more groups than this get no charts: their tables say it all. */
export const MAX_CHART_GROUPS = 60;

export const WIDTH = 640;
export const LABEL_FONT = 12;
export const SMALL_FONT = 11;
export const LINE = 14;
const MAX_LABEL = WIDTH * 0.4;

export function svgOpen(id: string, height: number, title: string, desc: string): string {
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-t">${escape(title)}</title><desc id="${id}-d">${escape(desc)}</desc>`
  );
}

/** A label column: as wide as the longest label (up to 40% of the chart), each label on as many lines as it needs. */
export function labelColumn(labels: readonly string[]): { readonly width: number; readonly lines: readonly string[][] } {
  let widest = 0;
  for (const label of labels) widest = Math.max(widest, textWidth(label, LABEL_FONT));
  const width = Math.ceil(Math.min(widest, MAX_LABEL));
  return { width, lines: labels.map((label) => wrapText(label, width, LABEL_FONT)) };
}

/** Lines of text ending at x (text-anchor end), centred on `middle`. */
export function labelText(lines: readonly string[], x: number, middle: number, className = 'label'): string {
  const first = middle - ((lines.length - 1) * LINE) / 2 + 4;
  if (lines.length === 1) return `<text x="${x}" y="${first.toFixed(1)}" text-anchor="end" class="${className}">${escape(lines[0] as string)}</text>`;
  const spans = lines.map((line, i) => `<tspan x="${x}"${i === 0 ? '' : ` dy="${LINE}"`}>${escape(line)}</tspan>`).join('');
  return `<text x="${x}" y="${first.toFixed(1)}" text-anchor="end" class="${className}">${spans}</text>`;
}

/** Row heights that hold each label's lines (at least `min`). */
export const rowHeights = (lines: readonly string[][], min: number, padding: number): number[] => lines.map((l) => Math.max(min, l.length * LINE + padding));

interface BarRow {
  readonly label: string;
  readonly bars: readonly [Bar, Bar];
}
interface Bar {
  readonly name: string;
  readonly value: number | null;
  readonly fill: string;
}

/** Horizontal extent of the bars and where zero is, leaving room for every value label. */
function barScale(rows: readonly BarRow[], left: number) {
  let low = 0;
  let high = 0;
  let room = 0;
  for (const row of rows) {
    for (const bar of row.bars) {
      if (bar.value === null) continue;
      low = Math.min(low, bar.value);
      high = Math.max(high, bar.value);
      room = Math.max(room, textWidth(`${bar.name} ${percent(bar.value)}`, SMALL_FONT) + 8);
    }
  }
  const span = Math.max(high - low, 5);
  const roomLeft = low < 0 ? room : 0;
  const scale = (WIDTH - 10 - left - roomLeft - room) / span;
  return { scale, zero: left + roomLeft + -low * scale };
}

/** Two bars per row against a zero line, each with its value beside it (gaps, and gaps then and now). */
function pairedBars(rows: readonly BarRow[], id: string, title: string, desc: string): string {
  const labels = labelColumn(rows.map((r) => r.label));
  const left = 8 + labels.width + 10;
  const { scale, zero } = barScale(rows, left);
  const heights = rowHeights(labels.lines, 40, 12);
  const height = 12 + heights.reduce((a, b) => a + b, 0) + 26;
  const parts = [svgOpen(id, height, title, desc)];
  let y = 12;
  rows.forEach((row, r) => {
    const h = heights[r] as number;
    parts.push(labelText(labels.lines[r] as string[], left - 10, y + h / 2));
    row.bars.forEach((bar, b) => {
      if (bar.value === null) return;
      const top = y + (h - 30) / 2 + b * 16;
      const w = Math.abs(bar.value) * scale;
      const x = bar.value >= 0 ? zero : zero - w;
      const text = `${bar.name} ${percent(bar.value)}`;
      parts.push(`<rect x="${x.toFixed(2)}" y="${top}" width="${Math.max(w, 0.5).toFixed(2)}" height="14" fill="${bar.fill}"><title>${escape(`${row.label}: ${text}`)}</title></rect>`);
      const tx = bar.value >= 0 ? x + w + 4 : x - 4;
      parts.push(`<text x="${tx.toFixed(2)}" y="${top + 11}" text-anchor="${bar.value >= 0 ? 'start' : 'end'}" class="value">${escape(text)}</text>`);
    });
    y += h;
  });
  parts.push(...zeroAxis(zero, 8, y + 4, height), '</svg>');
  return parts.join('');
}

/** The zero line of a chart of gaps, from `top` to `bottom`, named "0 (no gap)" below it, kept inside the chart. */
export function zeroAxis(zero: number, top: number, bottom: number, height: number): string[] {
  const note = '0 (no gap)';
  const half = textWidth(note, SMALL_FONT) / 2 + 2;
  return [
    `<line x1="${zero.toFixed(2)}" y1="${top}" x2="${zero.toFixed(2)}" y2="${bottom}" stroke="#333" stroke-width="1"/>`,
    `<text x="${Math.min(Math.max(zero, half), WIDTH - half).toFixed(2)}" y="${height - 6}" text-anchor="middle" class="note">${note}</text>`,
  ];
}

/** Mean and median gaps as bars against a zero line: right of it, the group is paid less. */
export function gapsChart(view: CharacteristicReport, id: string): string | undefined {
  const groups = view.groups.filter((g) => !g.reference && g.comparable && (g.meanGapPercent !== null || g.medianGapPercent !== null));
  if (groups.length === 0) return undefined;
  const withheld = (v: number | null) => (v === null ? 'withheld' : percent(v));
  const desc = groups.map((g) => `${g.group}: mean gap ${withheld(g.meanGapPercent)}, median gap ${withheld(g.medianGapPercent)}`).join('. ');
  const rows = groups.map(
    (g): BarRow => ({
      label: g.group,
      bars: [
        { name: 'mean', value: g.meanGapPercent, fill: '#0072B2' },
        { name: 'median', value: g.medianGapPercent, fill: '#E69F00' },
      ],
    }),
  );
  return pairedBars(rows, id, `${view.title}: pay gaps against ${view.referenceGroup}`, `Positive means paid less than ${view.referenceGroup}. ${desc}.`);
}

/** Median gap then and now for each group, from a comparison with the previous report. */
export function yearOnYearChart(view: Comparison['characteristics'][number], id: string): string | undefined {
  const rows: BarRow[] = [];
  const said: string[] = [];
  for (const g of view.groups) {
    const f = g.figures.find((x) => x.figure === 'medianGapPercent');
    if (f === undefined || f.previous === null || f.current === null || f.direction === null) continue;
    rows.push({
      label: g.group,
      bars: [
        { name: 'then', value: f.previous, fill: '#BBBBBB' },
        { name: 'now', value: f.current, fill: '#0072B2' },
      ],
    });
    said.push(`${g.group}: ${percent(f.previous)} then, ${percent(f.current)} now, ${f.direction}`);
  }
  if (rows.length === 0) return undefined;
  return pairedBars(rows, id, `${view.title}: median pay gap, previous report and this one`, `${said.join('. ')}.`);
}
