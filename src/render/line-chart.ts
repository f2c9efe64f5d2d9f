import { escape } from './svg.js';

/**
 * An inline SVG line chart for figures over time (trend, targets), by the report's chart
 * rules (svg.ts): no scripts or outside files; a <title> and a <desc> that say in words what
 * the chart shows, referenced by aria-labelledby; the table beside it in the page; the
 * Okabe–Ito colour-blind-safe palette, and each line also told apart by its marker shape, so
 * colour is never the only cue. A missing figure (withheld, say) is a gap in its line, with
 * a grey mark on the axis whose tooltip gives the reason. A target is a dashed line from the
 * baseline to the target value at the target date, with a hollow diamond where the path is
 * at the latest report.
 */
export interface ChartPoint {
  readonly x: number;
  readonly value: number | null;
  /** What the point says in words: "5.2%", or "withheld: fewer than 10 full-pay employees". */
  readonly text: string;
}

export interface ChartLine {
  readonly name: string;
  readonly points: readonly ChartPoint[];
}

export interface ChartTarget {
  readonly label: string;
  readonly from: { readonly x: number; readonly value: number };
  readonly to: { readonly x: number; readonly value: number };
  readonly expected: { readonly x: number; readonly value: number; readonly text: string } | null;
}

export interface LineChartSpec {
  readonly id: string;
  readonly title: string;
  /** A sentence put before the chart's own description of every line. */
  readonly summary: string;
  /** The x positions with labels (dates), in order. */
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
  readonly lines: readonly ChartLine[];
  readonly targets: readonly ChartTarget[];
  readonly format: (value: number) => string;
  /** Draw the 0 line (gaps). */
  readonly zero: boolean;
}

// Okabe–Ito, as the report's charts; marker shapes repeat every five lines.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
const SHAPES = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;
const W = 640;
const PLOT = { left: 70, right: 170, top: 20, bottom: 64 };
const HEIGHT = 260;

interface Scale {
  readonly x: (x: number) => number;
  readonly y: (v: number) => number;
  readonly yTicks: readonly number[];
}

/** A round step for about five ticks: 1, 2 or 5 × a power of ten. */
function niceStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return ([1, 2, 5, 10].map((k) => k * power).find((s) => s >= raw) as number) ?? raw;
}

function scaleOf(spec: LineChartSpec): Scale {
  const xs = [...spec.ticks.map((t) => t.x), ...spec.targets.flatMap((t) => [t.from.x, t.to.x])];
  const values = [...spec.lines.flatMap((l) => l.points.map((p) => p.value)), ...spec.targets.flatMap((t) => [t.from.value, t.to.value])].filter((v): v is number => v !== null);
  if (spec.zero) values.push(0);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [v0, v1] = [Math.min(...values, Infinity), Math.max(...values, -Infinity)];
  if (!Number.isFinite(v0)) [v0, v1] = [0, 1];
  if (v0 === v1) [v0, v1] = [v0 - 1, v1 + 1];
  const step = niceStep(v1 - v0);
  const [lo, hi] = [Math.floor(v0 / step) * step, Math.ceil(v1 / step) * step];
  const yTicks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) yTicks.push(Number(v.toPrecision(12)));
  const width = W - PLOT.left - PLOT.right;
  const height = HEIGHT - PLOT.top - PLOT.bottom;
  return {
    x: (x) => PLOT.left + (x1 === x0 ? width / 2 : ((x - x0) / (x1 - x0)) * width),
    y: (v) => PLOT.top + height - ((v - lo) / (hi - lo)) * height,
    yTicks,
  };
}

function marker(shape: (typeof SHAPES)[number], x: number, y: number, colour: string, title: string): string {
  const t = `<title>${escape(title)}</title>`;
  const [cx, cy] = [x.toFixed(1), y.toFixed(1)];
  switch (shape) {
    case 'circle':
      return `<circle cx="${cx}" cy="${cy}" r="4" fill="${colour}">${t}</circle>`;
    case 'square':
      return `<rect x="${(x - 3.5).toFixed(1)}" y="${(y - 3.5).toFixed(1)}" width="7" height="7" fill="${colour}">${t}</rect>`;
    case 'triangle':
      return `<path d="M${cx} ${(y - 5).toFixed(1)} L${(x + 4.5).toFixed(1)} ${(y + 3.5).toFixed(1)} L${(x - 4.5).toFixed(1)} ${(y + 3.5).toFixed(1)} Z" fill="${colour}">${t}</path>`;
    case 'diamond':
      return `<path d="M${cx} ${(y - 5).toFixed(1)} L${(x + 5).toFixed(1)} ${cy} L${cx} ${(y + 5).toFixed(1)} L${(x - 5).toFixed(1)} ${cy} Z" fill="${colour}">${t}</path>`;
    case 'cross':
      return `<path d="M${(x - 4).toFixed(1)} ${(y - 4).toFixed(1)} L${(x + 4).toFixed(1)} ${(y + 4).toFixed(1)} M${(x + 4).toFixed(1)} ${(y - 4).toFixed(1)} L${(x - 4).toFixed(1)} ${(y + 4).toFixed(1)}" stroke="${colour}" stroke-width="2.5">${t}</path>`;
  }
}

function axes(spec: LineChartSpec, s: Scale): string[] {
  const [left, right, bottom] = [PLOT.left, W - PLOT.right, HEIGHT - PLOT.bottom];
  const parts = s.yTicks.map(
    (v) =>
      `<line x1="${left}" x2="${right}" y1="${s.y(v).toFixed(1)}" y2="${s.y(v).toFixed(1)}" stroke="${v === 0 && spec.zero ? '#333' : '#e2e2e2'}" stroke-width="1"/>` +
      `<text x="${left - 6}" y="${(s.y(v) + 4).toFixed(1)}" text-anchor="end" class="value">${escape(spec.format(v))}</text>`,
  );
  parts.push(`<line x1="${left}" x2="${left}" y1="${PLOT.top}" y2="${bottom}" stroke="#333"/>`);
  // Labels too close to sit side by side are turned, so none overlaps.
  const xs = spec.ticks.map((t) => s.x(t.x));
  const crowded = xs.some((x, i) => i > 0 && x - (xs[i - 1] as number) < 80);
  for (const t of spec.ticks) {
    const [x, y] = [s.x(t.x).toFixed(1), bottom + 18];
    parts.push(crowded ? `<text x="${x}" y="${y}" text-anchor="end" transform="rotate(-35 ${x} ${y})" class="label">${escape(t.label)}</text>` : `<text x="${x}" y="${y}" text-anchor="middle" class="label">${escape(t.label)}</text>`);
  }
  return parts;
}

/** A line's drawn segments (between neighbouring shown points), markers, and a grey mark on the axis for each missing point. */
function drawLine(line: ChartLine, i: number, s: Scale): string[] {
  const colour = PALETTE[i % PALETTE.length] as string;
  const dash = i >= PALETTE.length ? ' stroke-dasharray="2 3"' : '';
  const parts: string[] = [];
  line.points.forEach((p, k) => {
    const next = line.points[k + 1];
    if (p.value !== null && next?.value !== null && next !== undefined) {
      parts.push(`<line x1="${s.x(p.x).toFixed(1)}" y1="${s.y(p.value).toFixed(1)}" x2="${s.x(next.x).toFixed(1)}" y2="${s.y(next.value as number).toFixed(1)}" stroke="${colour}" stroke-width="2"${dash}/>`);
    }
  });
  for (const p of line.points) {
    if (p.value !== null) parts.push(marker(SHAPES[i % SHAPES.length] as (typeof SHAPES)[number], s.x(p.x), s.y(p.value), colour, `${line.name}: ${p.text}`));
    else parts.push(`<text x="${s.x(p.x).toFixed(1)}" y="${HEIGHT - PLOT.bottom - 4}" text-anchor="middle" class="note" fill="#777">×<title>${escape(`${line.name}: ${p.text}`)}</title></text>`);
  }
  return parts;
}

function drawTarget(t: ChartTarget, s: Scale): string[] {
  const parts = [
    `<line x1="${s.x(t.from.x).toFixed(1)}" y1="${s.y(t.from.value).toFixed(1)}" x2="${s.x(t.to.x).toFixed(1)}" y2="${s.y(t.to.value).toFixed(1)}" stroke="#333" stroke-width="1.5" stroke-dasharray="6 4"><title>${escape(t.label)}</title></line>`,
  ];
  if (t.expected !== null) {
    const [x, y] = [s.x(t.expected.x), s.y(t.expected.value)];
    parts.push(`<path d="M${x.toFixed(1)} ${(y - 6).toFixed(1)} L${(x + 6).toFixed(1)} ${y.toFixed(1)} L${x.toFixed(1)} ${(y + 6).toFixed(1)} L${(x - 6).toFixed(1)} ${y.toFixed(1)} Z" fill="none" stroke="#333" stroke-width="1.5"><title>${escape(t.expected.text)}</title></path>`);
  }
  return parts;
}

function legend(spec: LineChartSpec): string[] {
  const x = W - PLOT.right + 14;
  const rows = spec.lines.map((line, i) => {
    const y = PLOT.top + 6 + i * 18;
    const colour = PALETTE[i % PALETTE.length] as string;
    const name = line.name.length > 24 ? `${line.name.slice(0, 23)}…` : line.name;
    return `${marker(SHAPES[i % SHAPES.length] as (typeof SHAPES)[number], x + 5, y, colour, line.name)}<text x="${x + 14}" y="${y + 4}" class="legend">${escape(name)}</text>`;
  });
  let y = PLOT.top + 6 + spec.lines.length * 18;
  if (spec.targets.length > 0) {
    rows.push(`<line x1="${x}" x2="${x + 10}" y1="${y}" y2="${y}" stroke="#333" stroke-dasharray="3 2"/><text x="${x + 14}" y="${y + 4}" class="legend">target path</text>`);
    y += 18;
  }
  if (spec.lines.some((l) => l.points.some((p) => p.value === null))) rows.push(`<text x="${x + 5}" y="${y + 4}" text-anchor="middle" class="note">×</text><text x="${x + 14}" y="${y + 4}" class="legend">not shown</text>`);
  return rows;
}

/** The chart's text alternative: the summary, then every line's points in words, then the targets. */
function description(spec: LineChartSpec): string {
  const labels = new Map(spec.ticks.map((t) => [t.x, t.label]));
  const lines = spec.lines.map((l) => `${l.name}: ${l.points.map((p) => `${labels.get(p.x) ?? ''} ${p.text}`.trim()).join('; ')}.`);
  const targets = spec.targets.map((t) => `${t.label}.${t.expected === null ? '' : ` ${t.expected.text}.`}`);
  return [spec.summary, ...lines, ...targets].join(' ');
}

/** The chart as one inline <svg> element. */
export function lineChart(spec: LineChartSpec): string {
  const s = scaleOf(spec);
  const height = Math.max(HEIGHT, PLOT.top + 6 + (spec.lines.length + 2) * 18);
  const open =
    `<svg class="chart" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${spec.id}-t ${spec.id}-d" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${spec.id}-t">${escape(spec.title)}</title><desc id="${spec.id}-d">${escape(description(spec))}</desc>`;
  return [open, ...axes(spec, s), ...spec.targets.flatMap((t) => drawTarget(t, s)), ...spec.lines.flatMap((l, i) => drawLine(l, i, s)), ...legend(spec), '</svg>'].join('');
}
