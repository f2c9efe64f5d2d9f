import type { Comparison, FigureChange } from '../report/compare.js';
import { money, percent } from './format.js';
import { textTable } from './text-table.js';
import { terminalText as tt } from './terminal-text.js';

/** Pay, and differences in pounds. */
const inPounds = (f: FigureChange): boolean => f.unit !== 'percent';

/** Change as people read it: "−1.8 pts", "+£0.35"; percentages to 1 dp, money to pennies. */
export function changeText(f: FigureChange): string {
  if (f.previous === null || f.current === null) return 'n/a';
  // The difference of the figures as shown, so then, now and change agree on the page.
  const pounds = inPounds(f);
  const scale = pounds ? 100 : 10;
  const rounded = (Math.round(f.current * scale) - Math.round(f.previous * scale)) / scale;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±';
  return pounds ? `${sign}${money(Math.abs(rounded))}` : `${sign}${Math.abs(rounded).toFixed(1)} pts`;
}

export function valueText(f: FigureChange, value: number | null): string {
  if (value === null) return 'n/a';
  return inPounds(f) ? money(value) : percent(value);
}

/**
 * `paygap compare` for people: per view, each group's figures then, now and the change. Both
 * reports are inputs, so every text read from them goes through terminalText.
 */
export function renderCompareTable(comparison: Comparison): string {
  const out = [
    tt(
      `Year on year: ${comparison.previous.file} (${comparison.previous.snapshotDate ?? 'no snapshot date'}) → ` +
        `${comparison.current.file} (${comparison.current.snapshotDate ?? 'no snapshot date'})`,
    ),
    'Gaps: positive means the group is paid less than the reference group; "narrowed" means closer to 0.',
  ];
  for (const w of comparison.warnings) out.push(`Warning: ${tt(w)}`);
  for (const view of comparison.characteristics) {
    const rows: string[][] = [];
    for (const g of view.groups) {
      for (const f of g.figures) {
        if (f.previous === null && f.current === null) continue;
        if (f.figure.endsWith('HourlyPay')) continue;
        rows.push([tt(g.group), f.label, valueText(f, f.previous), valueText(f, f.current), changeText(f), f.direction ?? '']);
      }
    }
    const table = textTable({ head: ['Group', 'Figure', 'Then', 'Now', 'Change', 'Direction'], widths: [22, 30, 9, 9, 11, 14], wrap: true }, rows);
    out.push('', tt(`${view.title} (reference: ${view.referenceGroup})`), table);
  }
  return `${out.join('\n')}\n`;
}
