import type { InputSummary } from '../ingest/inputs.js';
import { FIELDS, type Field } from '../schema/fields.js';
import { headersOf, type ColumnMap } from '../schema/headers.js';
import type { RunPlan } from '../ingest/plan.js';
import type { DataQuality, ReasonCount, UnrecognisedValue } from '../ingest/quality.js';
import type { UnitsResult } from '../ingest/units.js';
import { VIEWS } from './views.js';
import type { InputFile, Report, SettingSource } from './model.js';
import { inputOf } from './build-report.js';

/** `paygap validate`: the data-quality report, with no pay figures. */
export interface QualityReport {
  readonly schemaVersion: 1;
  readonly input: Report['input'];
  /** Several files, or an organisation column (METHOD §16.3): each file, its organisation and its rows. */
  readonly inputs?: readonly InputFile[];
  readonly columns: readonly {
    readonly field: Field;
    readonly header: string | null;
    readonly matchedBy: 'alias' | 'map' | null;
    /** Only for a field summed from several columns (METHOD §1.11): every column, `header` first. */
    readonly summedFrom?: readonly string[];
  }[];
  readonly ignoredHeaders: readonly string[];
  readonly payMethod: string;
  readonly unit: string;
  readonly rows: { readonly read: number; readonly valid: number; readonly invalid: number; readonly assignmentsUsed: number; readonly units: number };
  readonly invalidByReason: readonly ReasonCount[];
  readonly rowsNotUsed: readonly ReasonCount[];
  readonly unrecognised: readonly UnrecognisedValue[];
  readonly characteristics: readonly {
    readonly characteristic: string;
    readonly groups: readonly { readonly group: string; readonly count: number; readonly disclosed: boolean }[];
    readonly disclosed: number;
    readonly notDisclosed: number;
    readonly ratePercent: number | null;
  }[];
  readonly warnings: readonly string[];
  /** Where each reading setting came from; report-only settings are not used by validate. */
  readonly settingSources: Readonly<Record<string, SettingSource>>;
}

/** What was read (as one input), and what came of it. */
export interface QualityInput extends InputSummary {
  readonly inputs?: readonly InputFile[] | undefined;
  readonly columns: ColumnMap;
  readonly plan: RunPlan;
  readonly quality: DataQuality;
  readonly units: UnitsResult;
  /** What reading found (the plan's warnings, then the data's). */
  readonly warnings: readonly { readonly text: string }[];
  readonly settingSources?: Readonly<Record<string, SettingSource>> | undefined;
}

export function buildQualityReport(input: QualityInput): QualityReport {
  const { units } = input.units;
  const characteristics = input.plan.characteristics.map((characteristic) => {
    // The first view of a characteristic is its most detailed one.
    const view = VIEWS[characteristic][0];
    const counts = new Array<number>(view.groups.length).fill(0);
    let outside = 0;
    const codes: ArrayLike<number> = units.codes[characteristic];
    for (let i = 0; i < units.length; i++) {
      const g = view.groupOfCode[codes[i]];
      if (g < 0) outside++;
      else counts[g]++;
    }
    const groups = view.groups.map((g, i) => ({ group: g.name, count: counts[i], disclosed: g.comparable }));
    if (view.outsideReason !== undefined) groups.push({ group: 'Not recorded', count: outside, disclosed: false });
    const disclosed = groups.reduce((sum, g) => sum + (g.disclosed ? g.count : 0), 0);
    return {
      characteristic,
      groups,
      disclosed,
      notDisclosed: units.length - disclosed,
      ratePercent: units.length === 0 ? null : (disclosed / units.length) * 100,
    };
  });
  return {
    schemaVersion: 1,
    input: inputOf(input),
    ...(input.inputs === undefined ? {} : { inputs: input.inputs }),
    columns: FIELDS.map((field) => ({
      field,
      header: input.columns.header.get(field) ?? null,
      matchedBy: input.columns.matchedBy.get(field) ?? null,
      ...(input.columns.summed.has(field) ? { summedFrom: headersOf(input.columns, field) } : {}),
    })),
    ignoredHeaders: input.columns.ignored,
    payMethod: input.plan.payMethod,
    unit: input.plan.unit,
    rows: {
      read: input.quality.rowsRead,
      valid: input.quality.rowsValid,
      invalid: input.quality.rowsInvalid,
      assignmentsUsed: input.units.assignmentsUsed,
      units: units.length,
    },
    invalidByReason: input.quality.invalidByReason,
    rowsNotUsed: input.units.rowsNotUsed,
    unrecognised: input.quality.unrecognised,
    characteristics,
    warnings: input.warnings.map((w) => w.text),
    settingSources: input.settingSources ?? {},
  };
}
