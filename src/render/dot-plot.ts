import { escape } from './svg.js';

/**
 * An inline SVG dot plot for several organisations (benchmark), by the report's chart rules
 * (svg.ts): no scripts or outside files; a <title> and a <desc> that say in words what the
 * chart shows; the table beside it in the page; the Okabe–Ito palette, and each
 * organisation also told apart by its marker shape. One row per group, one dot per
 * organisation; the system figure is a vertical line across the row; where there is no
 * system figure, a grey band shows the range across organisations.
 */
export interface DotRow {
  readonly name: string;
  /** One per organisation, in the legend's order; null when not shown. */
  readonly dots: readonly (number | null)[];
  readonly system: number | null;
  readonly range: { readonly low: number; readonly high: number } | null;
}

export interface DotPlotSpec {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly organisations: readonly string[];
  readonly rows: readonly DotRow[];
  readonly format: (value: number) => string;
  readonly zero: boolean;
}

const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
const W = 640;
const LEFT = 190;
const RIGHT = 30;
const ROW = 30;

function dot(i: number, x: number, y: number, title: string): string {
  const colour = PALETTE[i % PALETTE.length] as string;
  const t = `<title>${escape(title)}</title>`;
  switch (i % 4) {
    case 0:
      return `<circle cx="${x.toFixed(1)}" cy="${y}" r="5" fill="${colour}" fill-opacity="0.85">${t}</circle>`;
    case 1:
      return `<rect x="${(x - 4.5).toFixed(1)}" y="${y - 4.5}" width="9" height="9" fill="${colour}" fill-opacity="0.85">${t}</rect>`;
    case 2:
      return `<path d="M${x.toFixed(1)} ${y - 6} L${(x + 5.5).toFixed(1)} ${y + 4} L${(x - 5.5).toFixed(1)} ${y + 4} Z" fill="${colour}" fill-opacity="0.85">${t}</path>`;
    default:
      return `<path d="M${x.toFixed(1)} ${y - 6} L${(x + 6).toFixed(1)} ${y} L${x.toFixed(1)} ${y + 6} L${(x - 6).toFixed(1)} ${y} Z" fill="${colour}" fill-opacity="0.85">${t}</path>`;
  }
}

/** Round values for about five axis labels between lo and hi. */
function ticks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function scaleOf(spec: DotPlotSpec): { x: (v: number) => number; ticks: number[] } {
  const values = spec.rows.flatMap((r) => [...r.dots, r.system, r.range?.low ?? null, r.range?.high ?? null]).filter((v): v is number => v !== null);
  if (spec.zero) values.push(0);
  let [lo, hi] = [Math.min(...values, Infinity), Math.max(...values, -Infinity)];
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.08;
  [lo, hi] = [lo - pad, hi + pad];
  return { x: (v) => LEFT + ((v - lo) / (hi - lo)) * (W - LEFT - RIGHT), ticks: ticks(lo, hi) };
}

function row(spec: DotPlotSpec, r: DotRow, k: number, x: (v: number) => number): string[] {
  const y = 24 + k * ROW;
  const parts = [`<text x="${LEFT - 8}" y="${y + 4}" text-anchor="end" class="label">${escape(r.name.length > 28 ? `${r.name.slice(0, 27)}…` : r.name)}<title>${escape(r.name)}</title></text>`];
  parts.push(`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${y}" y2="${y}" stroke="#eeeeee"/>`);
  if (r.range !== null) {
    parts.push(`<rect x="${x(r.range.low).toFixed(1)}" y="${y - 8}" width="${Math.max(1, x(r.range.high) - x(r.range.low)).toFixed(1)}" height="16" fill="#dddddd"><title>${escape(`${r.name}: range across organisations ${spec.format(r.range.low)} to ${spec.format(r.range.high)}`)}</title></rect>`);
  }
  if (r.system !== null) {
    parts.push(`<line x1="${x(r.system).toFixed(1)}" x2="${x(r.system).toFixed(1)}" y1="${y - 11}" y2="${y + 11}" stroke="#333" stroke-width="2.5"><title>${escape(`${r.name}: system ${spec.format(r.system)}`)}</title></line>`);
  }
  r.dots.forEach((v, i) => {
    if (v !== null) parts.push(dot(i, x(v), y, `${r.name}, ${spec.organisations[i]}: ${spec.format(v)}`));
  });
  return parts;
}

function legend(spec: DotPlotSpec, top: number): string[] {
  const parts = spec.organisations.map((name, i) => {
    const [lx, ly] = [LEFT + (i % 3) * 150, top + Math.floor(i / 3) * 18];
    return `${dot(i, lx + 5, ly, name)}<text x="${lx + 14}" y="${ly + 4}" class="legend">${escape(name.length > 20 ? `${name.slice(0, 19)}…` : name)}</text>`;
  });
  const y = top + Math.ceil(spec.organisations.length / 3) * 18;
  parts.push(`<line x1="${LEFT + 5}" x2="${LEFT + 5}" y1="${y - 7}" y2="${y + 7}" stroke="#333" stroke-width="2.5"/><text x="${LEFT + 14}" y="${y + 4}" class="legend">system figure</text>`);
  parts.push(`<rect x="${LEFT + 150}" y="${y - 6}" width="10" height="12" fill="#dddddd"/><text x="${LEFT + 164}" y="${y + 4}" class="legend">range (no system figure)</text>`);
  return parts;
}

export function dotPlot(spec: DotPlotSpec): string {
  const { x, ticks: marks } = scaleOf(spec);
  const plotBottom = 24 + spec.rows.length * ROW;
  const height = plotBottom + 30 + (Math.ceil(spec.organisations.length / 3) + 1) * 18;
  const parts = [
    `<svg class="chart" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${spec.id}-t ${spec.id}-d" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${spec.id}-t">${escape(spec.title)}</title><desc id="${spec.id}-d">${escape(spec.desc)}</desc>`,
  ];
  if (spec.zero) parts.push(`<line x1="${x(0).toFixed(1)}" x2="${x(0).toFixed(1)}" y1="8" y2="${plotBottom - 10}" stroke="#999" stroke-dasharray="2 2"/>`);
  parts.push(`<line x1="${LEFT}" x2="${W - RIGHT}" y1="${plotBottom - 8}" y2="${plotBottom - 8}" stroke="#333"/>`);
  for (const v of marks) {
    parts.push(`<line x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="${plotBottom - 8}" y2="${plotBottom - 4}" stroke="#333"/><text x="${x(v).toFixed(1)}" y="${plotBottom + 8}" text-anchor="middle" class="value">${escape(spec.format(v))}</text>`);
  }
  spec.rows.forEach((r, k) => parts.push(...row(spec, r, k, x)));
  parts.push(...legend(spec, plotBottom + 30), '</svg>');
  return parts.join('');
}
