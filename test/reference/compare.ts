import { BANDS, type RefReport } from './reference-impl.js';

/**
 * A report (the published JSON, or any object with its method, population and views) against
 * the independent reference implementation: every figure, with human-readable mismatches.
 * Shared by the differential test (test/reference.test.ts) and the tests of reports of
 * several organisations, whose per-organisation breakdown is checked against the reference
 * run on each organisation's export alone.
 */
/** Same criterion as expect(x).toBeCloseTo(y, 10): |x − y| < 10^-10 / 2. */
function close(cli: unknown, ref: number): boolean {
  return typeof cli === 'number' && Math.abs(cli - ref) < 10 ** -10 / 2;
}

/** Compare a CLI report with the reference; returns human-readable mismatches. */
export function compare(cli: any, ref: RefReport): string[] {
  const problems: string[] = [];
  const num = (path: string, c: unknown, r: number | null, exact: boolean) => {
    if (r === null) {
      if (c !== null) problems.push(`${path}: cli=${JSON.stringify(c)} ref=null`);
    } else if (exact ? c !== r : !close(c, r)) {
      problems.push(`${path}: cli=${JSON.stringify(c)} ref=${r}`);
    }
  };

  if (cli.method?.payMethod !== ref.payMethod) problems.push(`method.payMethod: cli=${cli.method?.payMethod} ref=${ref.payMethod}`);
  if (cli.method?.unit !== ref.unit) problems.push(`method.unit: cli=${cli.method?.unit} ref=${ref.unit}`);
  for (const key of Object.keys(ref.population) as (keyof RefReport['population'])[]) {
    num(`population.${key}`, cli.population?.[key], ref.population[key], true);
  }

  const cliChars: any[] = cli.characteristics ?? [];
  const id = (c: { characteristic: string; view: string }) => `${c.characteristic}/${c.view}`;
  const cliIds = cliChars.map(id).sort();
  const refIds = ref.characteristics.map(id).sort();
  if (JSON.stringify(cliIds) !== JSON.stringify(refIds)) problems.push(`characteristics: cli=${cliIds.join(',')} ref=${refIds.join(',')}`);

  for (const rc of ref.characteristics) {
    const cc = cliChars.find((c) => id(c) === id(rc));
    if (!cc) continue;
    const at = id(rc);
    if (cc.referenceGroup !== rc.referenceGroup) problems.push(`${at}.referenceGroup: cli=${cc.referenceGroup} ref=${rc.referenceGroup}`);
    for (const b of BANDS) num(`${at}.quartileSizes.${b}`, cc.quartileSizes?.[b], rc.quartileSizes[b], true);
    num(`${at}.disclosure.disclosed`, cc.disclosure?.disclosed, rc.disclosure.disclosed, true);
    num(`${at}.disclosure.notDisclosed`, cc.disclosure?.notDisclosed, rc.disclosure.notDisclosed, true);
    num(`${at}.disclosure.ratePercent`, cc.disclosure?.ratePercent, rc.disclosure.ratePercent, false);

    const cliNames = (cc.groups ?? []).map((g: any) => g.group);
    const refNames = rc.groups.map((g) => g.group);
    if (JSON.stringify(cliNames) !== JSON.stringify(refNames)) problems.push(`${at}.groups (names, in order): cli=${JSON.stringify(cliNames)} ref=${JSON.stringify(refNames)}`);

    for (const rg of rc.groups) {
      const cg = (cc.groups ?? []).find((g: any) => g.group === rg.group);
      if (!cg) continue;
      const gat = `${at}[${rg.group}]`;
      if (cg.reference !== rg.reference) problems.push(`${gat}.reference: cli=${cg.reference} ref=${rg.reference}`);
      if (cg.comparable !== rg.comparable) problems.push(`${gat}.comparable: cli=${cg.comparable} ref=${rg.comparable}`);
      num(`${gat}.headcount`, cg.headcount, rg.headcount, true);
      num(`${gat}.relevantHeadcount`, cg.relevantHeadcount, rg.relevantHeadcount, true);
      // Cells withheld to protect other cells are disclosure control's business (checked by the
      // independent audit in test/disclosure); the reference models small-group suppression only.
      const protecting = (key: string) => cg.figureStatus?.[key]?.status === 'withheld';
      const fig = (key: string, path: string, c: unknown, r: number | null, exact: boolean) => {
        if (!protecting(key)) num(path, c, r, exact);
      };
      fig('meanHourlyPay', `${gat}.meanHourlyPay`, cg.meanHourlyPay, rg.meanHourlyPay, false);
      fig('medianHourlyPay', `${gat}.medianHourlyPay`, cg.medianHourlyPay, rg.medianHourlyPay, false);
      fig('meanGapPercent', `${gat}.meanGapPercent`, cg.meanGapPercent, rg.meanGapPercent, false);
      fig('medianGapPercent', `${gat}.medianGapPercent`, cg.medianGapPercent, rg.medianGapPercent, false);
      fig('bonus.recipients', `${gat}.bonus.recipients`, cg.bonus?.recipients, rg.bonus.recipients, true);
      fig('bonus.receivingPercent', `${gat}.bonus.receivingPercent`, cg.bonus?.receivingPercent, rg.bonus.receivingPercent, false);
      fig('bonus.mean', `${gat}.bonus.mean`, cg.bonus?.mean, rg.bonus.mean, false);
      fig('bonus.median', `${gat}.bonus.median`, cg.bonus?.median, rg.bonus.median, false);
      fig('bonus.meanGapPercent', `${gat}.bonus.meanGapPercent`, cg.bonus?.meanGapPercent, rg.bonus.meanGapPercent, false);
      fig('bonus.medianGapPercent', `${gat}.bonus.medianGapPercent`, cg.bonus?.medianGapPercent, rg.bonus.medianGapPercent, false);
      for (const b of BANDS) {
        fig('quartiles', `${gat}.quartiles.${b}.count`, cg.quartiles?.[b]?.count, rg.quartiles[b].count, true);
        fig('quartiles', `${gat}.quartiles.${b}.percent`, cg.quartiles?.[b]?.percent, rg.quartiles[b].percent, false);
      }
    }
  }
  return problems;
}

