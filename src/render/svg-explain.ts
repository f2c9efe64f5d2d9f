import { PARTS, type DecomposedGroup } from '../report/decomposition.js';
import type { Explained } from './explain-words.js';
import { pointsText, viewParts } from './explain-words.js';
import { percent } from './format.js';
import { missingLabel } from './reasons.js';
import { escape, labelColumn, labelText, LINE, rowHeights, SMALL_FONT, svgOpen, WIDTH, zeroAxis } from './svg.js';
import { textWidth } from './text-width.js';

/**
 * --explain in the HTML report (METHOD §17): for each group, its mean gap as a bar split into
 * the parts, one after another from 0 (a waterfall: a negative part steps back), ending at
 * the gap, which a black tick marks and a label names. Laid out by the rules of svg.ts: texts
 * measured, a <title> and a <desc> in words, the table beside it in the page, Okabe–Ito
 * colours, one per part, named in the legend.
 */
const FILLS: Readonly<Record<(typeof PARTS)[number]['key'], string>> = {
  composition: '#0072B2',
  withinCell: '#E69F00',
  referenceOnlyCells: '#009E73',
  groupOnlyCells: '#CC79A7',
};

const label = (g: DecomposedGroup): string => (g.meanGap === null || g.parts === null ? `not split: ${missingLabel(g.state)}` : `gap ${percent(g.meanGap.points)}`);

/** The legend's items, laid left to right and onto more lines as they fill the width. */
function legend(keys: readonly (typeof PARTS)[number][], top: number): { svg: string; height: number } {
  let x = 8;
  let y = top;
  const out: string[] = [];
  for (const part of keys) {
    const width = 14 + textWidth(part.label, SMALL_FONT) + 16;
    if (x > 8 && x + width > WIDTH - 8) {
      x = 8;
      y += LINE + 4;
    }
    out.push(`<rect x="${x}" y="${y}" width="10" height="10" fill="${FILLS[part.key]}"/><text x="${x + 14}" y="${y + 9}" class="legend">${escape(part.label)}</text>`);
    x += width;
  }
  return { svg: out.join(''), height: y - top + LINE + 6 };
}

/** Where each row's bar reaches, left and right of 0, in points. */
function extent(g: DecomposedGroup, keys: readonly (typeof PARTS)[number][]): { low: number; high: number } {
  let at = 0;
  let low = 0;
  let high = 0;
  if (g.parts !== null) {
    for (const part of keys) {
      at += g.parts[part.key].points;
      low = Math.min(low, at);
      high = Math.max(high, at);
    }
  }
  return { low, high };
}

/** The chart of one view's decomposition, or undefined when no group has one. */
export function explainChart({ view, decomposition: d }: Explained, id: string): string | undefined {
  if (!d.groups.some((g) => g.parts !== null)) return undefined;
  const keys = viewParts(d);
  const labels = labelColumn(d.groups.map((g) => g.group));
  const left = 8 + labels.width + 10;
  const extents = d.groups.map((g) => extent(g, keys));
  const low = Math.min(0, ...extents.map((e) => e.low));
  const high = Math.max(0, ...extents.map((e) => e.high));
  const room = Math.max(...d.groups.map((g) => textWidth(label(g), SMALL_FONT))) + 8;
  const scale = (WIDTH - 10 - left - room) / Math.max(high - low, 5);
  const zero = left + -low * scale;
  const key = legend(keys, 8);
  const heights = rowHeights(labels.lines, 30, 10);
  const height = 8 + key.height + heights.reduce((a, b) => a + b, 0) + 26;
  const desc = d.groups.map((g) => `${g.group}: ${g.parts === null ? label(g) : `${label(g)}; ${keys.map((p) => `${p.label.toLowerCase()} ${pointsText(g.parts![p.key].points)}`).join(', ')}`}`).join('. ');
  const parts = [svgOpen(id, height, `${view.title}: each mean gap split into parts, in points, against ${view.referenceGroup}`, `${desc}.`), key.svg];
  let y = 8 + key.height;
  d.groups.forEach((g, r) => {
    const h = heights[r] as number;
    parts.push(labelText(labels.lines[r] as string[], left - 10, y + h / 2));
    const top = y + (h - 16) / 2;
    let at = 0;
    for (const part of g.parts === null ? [] : keys) {
      const v = g.parts![part.key].points;
      const [from, to] = [zero + at * scale, zero + (at + v) * scale].sort((a, b) => a - b) as [number, number];
      parts.push(`<rect x="${from.toFixed(2)}" y="${top}" width="${Math.max(to - from, 0.5).toFixed(2)}" height="16" fill="${FILLS[part.key]}"><title>${escape(`${g.group}: ${part.label.toLowerCase()} ${pointsText(v)} points`)}</title></rect>`);
      at += v;
    }
    if (g.parts !== null) parts.push(`<line x1="${(zero + at * scale).toFixed(2)}" y1="${top - 3}" x2="${(zero + at * scale).toFixed(2)}" y2="${top + 19}" stroke="#000" stroke-width="2"/>`);
    const end = zero + (extents[r] as { high: number }).high * scale + 4;
    parts.push(`<text x="${end.toFixed(2)}" y="${top + 12}" class="value">${escape(label(g))}</text>`);
    y += h;
  });
  parts.push(...zeroAxis(zero, 8 + key.height - 4, y + 4, height), '</svg>');
  return parts.join('');
}
