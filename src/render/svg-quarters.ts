import type { CharacteristicReport, GroupReport } from '../report/model.js';
import { percent } from './format.js';
import { escape, labelColumn, labelText, LINE, rowHeights, SMALL_FONT, svgOpen, WIDTH } from './svg.js';
import { textWidth, wrapText } from './text-width.js';

/**
 * The four pay quarters, drawn so every group can be told apart. Up to eight disclosed
 * groups (and four undisclosed ones): stacked bars, one per quarter, each group in its own
 * colour (Okabe–Ito, colour-blind safe; greys for undisclosed categories) with a legend
 * whose entries are placed by their measured widths and never overlap. With more groups no
 * palette stays distinguishable, so the chart becomes small multiples: a row per group, a
 * column per quarter, each share a bar labelled with its value; position, not colour, tells
 * the groups apart.
 */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const GREYS = ['#999999', '#BBBBBB', '#777777', '#DDDDDD'];

const BANDS = [
  ['lower', 'Lower'],
  ['lowerMiddle', 'Lower middle'],
  ['upperMiddle', 'Upper middle'],
  ['upper', 'Upper'],
] as const;

/** One colour per group, none repeated; undefined when there are too many groups for that. */
export function distinctColours(groups: readonly GroupReport[]): string[] | undefined {
  let c = 0;
  let g = 0;
  const out = groups.map((group) => (group.comparable ? PALETTE[c++] : GREYS[g++]));
  return out.every((x): x is string => x !== undefined) ? out : undefined;
}

function description(view: CharacteristicReport): string {
  return BANDS.map(([band, label]) => {
    const parts = view.groups.filter((g) => (g.quartiles[band].percent ?? 0) > 0).map((g) => `${g.group} ${percent(g.quartiles[band].percent as number)}`);
    return `${label} quarter: ${parts.join(', ') || 'withheld or empty'}`;
  }).join('. ');
}

export function quartersChart(view: CharacteristicReport, id: string): string {
  const title = `${view.title}: share of each pay quarter`;
  const colour = distinctColours(view.groups);
  return colour === undefined ? smallMultiples(view, id, title) : stackedBars(view, colour, id, title);
}

/** Legend entries placed left to right by their measured widths, wrapping onto new lines. */
function legend(view: CharacteristicReport, colour: readonly string[], left: number, top: number): { svg: string[]; bottom: number } {
  const available = WIDTH - 10 - left;
  const svg: string[] = [];
  let x = left;
  let y = top;
  let lineHeight = 18;
  view.groups.forEach((g, i) => {
    const lines = wrapText(g.group, available - 16, SMALL_FONT);
    const width = 16 + Math.max(...lines.map((l) => textWidth(l, SMALL_FONT)));
    if (x > left && x + width > WIDTH - 10) {
      x = left;
      y += lineHeight;
      lineHeight = 18;
    }
    const spans = lines.map((l, n) => `<tspan x="${x + 16}"${n === 0 ? '' : ` dy="${LINE}"`}>${escape(l)}</tspan>`).join('');
    svg.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${colour[i]}"/><text x="${x + 16}" y="${y + 10}" class="legend">${spans}</text>`);
    lineHeight = Math.max(lineHeight, lines.length * LINE + 4);
    x += width + 18;
  });
  return { svg, bottom: y + lineHeight };
}

function stackedBars(view: CharacteristicReport, colour: readonly string[], id: string, title: string): string {
  const labels = labelColumn(BANDS.map(([, label]) => label));
  const left = 8 + labels.width + 10;
  const barWidth = WIDTH - 10 - left;
  const bars: string[] = [];
  BANDS.forEach(([band, label], row) => {
    const y = 12 + row * 34;
    bars.push(labelText([label], left - 10, y + 12));
    let x = left;
    view.groups.forEach((g, i) => {
      const share = g.quartiles[band].percent;
      if (share === null || share <= 0) return;
      const w = (share / 100) * barWidth;
      bars.push(`<rect x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="24" fill="${colour[i]}"><title>${escape(`${g.group}: ${percent(share)}`)}</title></rect>`);
      x += w;
    });
    if (x === left) bars.push(`<text x="${left + 4}" y="${y + 16}" class="note">withheld or empty</text>`);
  });
  const key = legend(view, colour, left, 12 + BANDS.length * 34 + 6);
  return [svgOpen(id, key.bottom + 8, title, description(view)), ...bars, ...key.svg, '</svg>'].join('');
}

/** A row per group and a column per quarter; bars share one scale, so lengths compare across the grid. */
function smallMultiples(view: CharacteristicReport, id: string, title: string): string {
  const labels = labelColumn(view.groups.map((g) => g.group));
  const left = 8 + labels.width + 10;
  const column = (WIDTH - 10 - left) / BANDS.length;
  const room = textWidth('100.0%', SMALL_FONT) + 8;
  let most = 0;
  for (const g of view.groups) for (const [band] of BANDS) most = Math.max(most, g.quartiles[band].percent ?? 0);
  const scale = (column - room - 6) / Math.max(most, 1);
  const heads = BANDS.map(([, label]) => wrapText(label, column - 6, SMALL_FONT, 2));
  const headHeight = Math.max(...heads.map((h) => h.length)) * LINE + 6;
  const parts: string[] = [];
  heads.forEach((lines, b) => {
    const x = left + b * column;
    parts.push(`<text x="${x}" y="${12 + 10}" class="legend">${lines.map((l, n) => `<tspan x="${x}"${n === 0 ? '' : ` dy="${LINE}"`}>${escape(l)}</tspan>`).join('')}</text>`);
  });
  const heights = rowHeights(labels.lines, 22, 8);
  let y = 12 + headHeight;
  view.groups.forEach((g, r) => {
    const h = heights[r] as number;
    if (r % 2 === 0) parts.push(`<rect x="0" y="${y}" width="${WIDTH}" height="${h}" fill="#f3f5f8"/>`);
    parts.push(labelText(labels.lines[r] as string[], left - 10, y + h / 2));
    BANDS.forEach(([band], b) => {
      const x = left + b * column;
      const share = g.quartiles[band].percent;
      const middle = y + h / 2;
      if (share === null) {
        parts.push(`<text x="${x}" y="${(middle + 4).toFixed(1)}" class="note">withheld</text>`);
        return;
      }
      const w = Math.max(share * scale, 0.5);
      parts.push(`<rect x="${x}" y="${(middle - 6).toFixed(1)}" width="${w.toFixed(2)}" height="12" fill="${g.comparable ? '#0072B2' : '#999999'}"><title>${escape(`${g.group}, ${BANDS[b]![1].toLowerCase()} quarter: ${percent(share)}`)}</title></rect>`);
      parts.push(`<text x="${(x + w + 4).toFixed(2)}" y="${(middle + 4).toFixed(1)}" class="value">${percent(share)}</text>`);
    });
    y += h;
  });
  return [svgOpen(id, y + 8, title, description(view)), ...parts, '</svg>'].join('');
}
