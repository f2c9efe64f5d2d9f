import Table from 'cli-table3';
import type { Benchmark, BenchmarkGroup, BenchmarkMeasure, BenchmarkView } from '../report/benchmark.js';
import { measure } from '../report/measures.js';
import { isKeptBack } from '../report/published-status.js';
import { count } from './format.js';
import { terminalText } from './terminal-text.js';
import { differenceText, pointReasonText, pointText, systemReasonText, systemText, unitValue } from './trend-words.js';

/**
 * `paygap benchmark` for people (METHOD §15): per view and measure, each organisation's
 * figure, its population and its distance from the system figure, then the system figure
 * (or, for medians and quarters, the range across organisations), and why any figure is
 * not shown. Helpers here are shared by the Markdown and HTML renderers.
 */
const COMBINATION: Readonly<Record<BenchmarkMeasure['combination'], string>> = {
  sum: 'system figure: the total of the organisations',
  mean: "system figure: exact, from each organisation's mean × the people it is over",
  share: 'system figure: exact, all recipients ÷ all relevant staff',
  gap: 'system figure: exact, from the system means of the group and the reference group',
  difference: 'system figure: exact, the system mean of the reference group less that of the group',
  none: "no system figure: medians and quarter shares cannot be combined from organisations' published figures, so the range across organisations is shown",
};

export const combinationText = (m: BenchmarkMeasure): string => COMBINATION[m.combination];

const POPULATION: Readonly<Record<string, string>> = { 'full-pay': 'Staff', relevant: 'Relevant staff', 'bonus recipients': 'Recipients' };
/** The heading of the population column: full-pay staff, relevant staff or bonus recipients. */
export const populationHeading = (m: BenchmarkMeasure): string => POPULATION[measure(m.measure).population] ?? 'Staff';

/** Groups worth showing: at least one organisation's figure shown or kept back. */
export const informativeGroups = (m: BenchmarkMeasure): BenchmarkGroup[] => m.groups.filter((g) => g.organisations.some((o) => o.status === 'shown' || isKeptBack(o.status)));

/** The system row's figure: the value, or the range across organisations with how many show a figure. */
export function systemCell(m: BenchmarkMeasure, g: BenchmarkGroup): string {
  if (g.range !== null) return `range ${unitValue(m.unit, g.range.low)} to ${unitValue(m.unit, g.range.high)} (${g.range.shown} of ${g.range.of})`;
  return systemText(g.system, m.unit);
}

/** Every figure not shown in a measure's table, and why: organisations' and the system's. */
export function notShown(groups: readonly BenchmarkGroup[]): string[] {
  return groups.flatMap((g) => [
    ...g.organisations.filter((o) => isKeptBack(o.status)).map((o) => `${g.group}, ${o.organisation}: ${pointReasonText(o)}`),
    ...(g.system.value === null && g.system.status !== 'not-combinable' && g.system.status !== 'reference' && g.system.status !== 'undisclosed' ? [`${g.group}, system: ${systemReasonText(g.system)}`] : []),
  ]);
}

/** The rows of a measure's table: each organisation, then the system. */
export function tableRows(m: BenchmarkMeasure, g: BenchmarkGroup): string[][] {
  const rows = g.organisations.map((o) => [g.group, o.organisation, pointText(o, m.unit), o.population === null ? '' : count(o.population), differenceText(m.unit, o.value, g.system.value)]);
  rows.push([g.group, 'System', systemCell(m, g), g.system.population === null ? '' : count(g.system.population), '']);
  return rows;
}

function measureTable(view: BenchmarkView, m: BenchmarkMeasure): string[] {
  const groups = informativeGroups(m);
  if (groups.length === 0) return [];
  const table = new Table({
    head: ['Group', 'Organisation', m.label, populationHeading(m), 'Against system'],
    colWidths: [20, 22, 18, 11, 14],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const g of groups) for (const row of tableRows(m, g)) table.push(row.map(terminalText));
  return ['', terminalText(`${view.title}: ${m.label} (${combinationText(m)})`), table.toString(), ...notShown(groups).map((n) => terminalText(`  Not shown: ${n}`))];
}

export function renderBenchmarkTable(b: Benchmark): string {
  const out = [terminalText(`Organisations side by side: ${b.organisations.map((o) => `${o.name} (${o.snapshotDate ?? 'no snapshot date'})`).join(', ')}`)];
  out.push('Gaps: positive means the group is paid less than the reference group. "Against system": the organisation\'s figure minus the system figure, as shown.');
  for (const w of b.warnings) out.push(terminalText(`Warning: ${w}`));
  for (const view of b.views) {
    out.push('', terminalText(`== ${view.title} (reference: ${view.referenceGroup ?? 'differs between organisations'}; ${view.organisations.length} organisations)`));
    for (const m of view.measures) out.push(...measureTable(view, m));
  }
  return `${out.join('\n')}\n`;
}
