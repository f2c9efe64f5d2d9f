import type { CharacteristicReport } from '../report/model.js';
import type { Comparison } from '../report/compare.js';
import { percent } from './format.js';

/**
 * Inline SVG charts for the HTML report: no scripts, no fonts or files from elsewhere. Each
 * chart has a <title> and a <desc> that says in words what it shows (its text alternative);
 * the HTML puts the underlying table next to it.
 */
export const escape = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

// Colour-blind-safe palette (Okabe–Ito), greys for undisclosed categories.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
const GREYS = ['#999999', '#BBBBBB', '#777777', '#DDDDDD'];

export function colours(view: CharacteristicReport): string[] {
  let c = 0;
  let g = 0;
  return view.groups.map((group) => (group.comparable ? (PALETTE[c++ % PALETTE.length] as string) : (GREYS[g++ % GREYS.length] as string)));
}

function svgOpen(id: string, width: number, height: number, title: string, desc: string): { open: string; id: string } {
  return {
    id,
    open:
      `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d" xmlns="http://www.w3.org/2000/svg">` +
      `<title id="${id}-t">${escape(title)}</title><desc id="${id}-d">${escape(desc)}</desc>`,
  };
}

const BANDS = [
  ['lower', 'Lower'],
  ['lowerMiddle', 'Lower middle'],
  ['upperMiddle', 'Upper middle'],
  ['upper', 'Upper'],
] as const;

/** The four pay quarters as stacked bars: each group's share of each quarter. */
export function quartersChart(view: CharacteristicReport, id: string): string {
  const colour = colours(view);
  const width = 640;
  const left = 110;
  const barWidth = width - left - 20;
  const legendRows = Math.ceil(view.groups.length / 3);
  const height = 30 + BANDS.length * 34 + legendRows * 20 + 10;
  const desc = BANDS.map(([band, label]) => {
    const parts = view.groups
      .filter((g) => (g.quartiles[band].percent ?? 0) > 0)
      .map((g) => `${g.group} ${percent(g.quartiles[band].percent as number)}`);
    return `${label} quarter: ${parts.join(', ') || 'withheld or empty'}`;
  }).join('. ');
  const { open } = svgOpen(id, width, height, `${view.title}: share of each pay quarter`, desc);
  const parts = [open];
  BANDS.forEach(([band, label], row) => {
    const y = 20 + row * 34;
    parts.push(`<text x="${left - 8}" y="${y + 16}" text-anchor="end" class="label">${label}</text>`);
    let x = left;
    view.groups.forEach((g, i) => {
      const share = g.quartiles[band].percent;
      if (share === null || share <= 0) return;
      const w = (share / 100) * barWidth;
      parts.push(`<rect x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="24" fill="${colour[i]}"><title>${escape(`${g.group}: ${percent(share)}`)}</title></rect>`);
      x += w;
    });
    if (x === left) parts.push(`<text x="${left + 4}" y="${y + 16}" class="note">withheld or empty</text>`);
  });
  const legendY = 20 + BANDS.length * 34 + 6;
  view.groups.forEach((g, i) => {
    const x = left + (i % 3) * 170;
    const y = legendY + Math.floor(i / 3) * 20;
    parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${colour[i]}"/><text x="${x + 16}" y="${y + 10}" class="legend">${escape(g.group)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Mean and median gaps as bars against a zero line: right of it, the group is paid less. */
export function gapsChart(view: CharacteristicReport, id: string): string | undefined {
  const groups = view.groups.filter((g) => !g.reference && g.comparable && (g.meanGapPercent !== null || g.medianGapPercent !== null));
  if (groups.length === 0) return undefined;
  const values = groups.flatMap((g) => [g.meanGapPercent ?? 0, g.medianGapPercent ?? 0]);
  const extent = Math.max(5, ...values.map((v) => Math.abs(v))) * 1.15;
  const width = 640;
  const left = 200;
  const right = 20;
  const zero = left + (width - left - right) / 2;
  // Leave room beyond each bar for its label ("median −12.9%").
  const scale = ((width - left - right) / 2 - 80) / extent;
  const rowHeight = 40;
  const height = 30 + groups.length * rowHeight + 20;
  const desc = groups
    .map((g) => `${g.group}: mean gap ${g.meanGapPercent === null ? 'withheld' : percent(g.meanGapPercent)}, median gap ${g.medianGapPercent === null ? 'withheld' : percent(g.medianGapPercent)}`)
    .join('. ');
  const { open } = svgOpen(id, width, height, `${view.title}: pay gaps against ${view.referenceGroup}`, `Positive means paid less than ${view.referenceGroup}. ${desc}.`);
  const parts = [open];
  groups.forEach((g, row) => {
    const y = 24 + row * rowHeight;
    parts.push(`<text x="${left - 8}" y="${y + 14}" text-anchor="end" class="label">${escape(g.group)}</text>`);
    const bar = (value: number | null, dy: number, fill: string, name: string) => {
      if (value === null) return;
      const w = Math.abs(value) * scale;
      const x = value >= 0 ? zero : zero - w;
      parts.push(`<rect x="${x.toFixed(2)}" y="${y + dy}" width="${Math.max(w, 0.5).toFixed(2)}" height="14" fill="${fill}"><title>${escape(`${name} gap ${percent(value)}`)}</title></rect>`);
      const tx = value >= 0 ? x + w + 4 : x - 4;
      parts.push(`<text x="${tx.toFixed(2)}" y="${y + dy + 11}" text-anchor="${value >= 0 ? 'start' : 'end'}" class="value">${name} ${percent(value)}</text>`);
    };
    bar(g.meanGapPercent, 0, '#0072B2', 'mean');
    bar(g.medianGapPercent, 16, '#E69F00', 'median');
  });
  parts.push(`<line x1="${zero}" y1="14" x2="${zero}" y2="${height - 14}" stroke="#333" stroke-width="1"/>`);
  parts.push(`<text x="${zero}" y="${height - 2}" text-anchor="middle" class="note">0 (no gap)</text>`);
  parts.push('</svg>');
  return parts.join('');
}

/** Median gap then and now for each group, from a comparison with the previous report. */
export function yearOnYearChart(view: Comparison['characteristics'][number], id: string): string | undefined {
  const rows = view.groups
    .map((g) => ({ group: g.group, f: g.figures.find((f) => f.figure === 'medianGapPercent') }))
    .filter((r) => r.f?.previous !== null && r.f?.current !== null && r.f !== undefined && r.f.direction !== null);
  if (rows.length === 0) return undefined;
  const values = rows.flatMap((r) => [r.f!.previous as number, r.f!.current as number]);
  const extent = Math.max(5, ...values.map((v) => Math.abs(v))) * 1.15;
  const width = 640;
  const left = 200;
  const zero = left + (width - left - 20) / 2;
  const scale = ((width - left - 20) / 2 - 80) / extent;
  const height = 30 + rows.length * 40 + 20;
  const desc = rows.map((r) => `${r.group}: ${percent(r.f!.previous as number)} then, ${percent(r.f!.current as number)} now, ${r.f!.direction}`).join('. ');
  const { open } = svgOpen(id, width, height, `${view.title}: median pay gap, previous report and this one`, `${desc}.`);
  const parts = [open];
  rows.forEach((r, row) => {
    const y = 24 + row * 40;
    parts.push(`<text x="${left - 8}" y="${y + 14}" text-anchor="end" class="label">${escape(r.group)}</text>`);
    ([['then', r.f!.previous as number, '#BBBBBB', 0], ['now', r.f!.current as number, '#0072B2', 16]] as const).forEach(([name, value, fill, dy]) => {
      const w = Math.abs(value) * scale;
      const x = value >= 0 ? zero : zero - w;
      parts.push(`<rect x="${x.toFixed(2)}" y="${y + dy}" width="${Math.max(w, 0.5).toFixed(2)}" height="14" fill="${fill}"/>`);
      parts.push(`<text x="${(value >= 0 ? x + w + 4 : x - 4).toFixed(2)}" y="${y + dy + 11}" text-anchor="${value >= 0 ? 'start' : 'end'}" class="value">${name} ${percent(value)}</text>`);
    });
  });
  parts.push(`<line x1="${zero}" y1="14" x2="${zero}" y2="${height - 14}" stroke="#333"/></svg>`);
  return parts.join('');
}
