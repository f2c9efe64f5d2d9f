import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { paySchemeOf, gradeKey, type PayScheme } from '../../src/schema/codes/pay-schemes.js';
import { reportJson, runCli } from '../helpers/run-cli.js';
import { csv } from '../helpers/csv.js';

const dir = mkdtempSync(join(tmpdir(), 'paygap-within-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('paySchemeOf (METHOD §5.9)', () => {
  it.each([
    ['NHS|XR05|Review Body Band 5', '', 'Agenda for Change', 'grade'],
    ['Band 8A', '', 'Agenda for Change', 'grade'],
    ['NHS|XR12|Review Body Band 9', '', 'Agenda for Change', 'grade'],
    ['XR03', 'Estates and Ancillary', 'Agenda for Change', 'grade'],
    ['AfC Band 6 Nurse Consultant', '', 'Agenda for Change', 'grade'],
    ['Consultant', '', 'Medical and Dental', 'grade'],
    ['Medical|Consultant Anaesthetist', '', 'Medical and Dental', 'grade'],
    ['Specialty Doctor', '', 'Medical and Dental', 'grade'],
    ['Specialist', '', 'Medical and Dental', 'grade'],
    ['Associate Specialist', '', 'Medical and Dental', 'grade'],
    ['Resident Doctor', '', 'Medical and Dental', 'grade'],
    ['Foundation Year 1', '', 'Medical and Dental', 'grade'],
    ['FY2', '', 'Medical and Dental', 'grade'],
    ['Core Trainee CT1', '', 'Medical and Dental', 'grade'],
    ['ST3', '', 'Medical and Dental', 'grade'],
    ['Specialty Registrar', '', 'Medical and Dental', 'grade'],
    ['Dental Core Trainee', '', 'Medical and Dental', 'grade'],
    ['Very Senior Manager', '', 'Other', 'grade'],
    ['VSM Pay Framework', '', 'Other', 'grade'],
    ['Chief Executive', 'Medical and Dental', 'Other', 'grade'],
    ['Non-AfC Local Contract', '', 'Other', 'grade'],
    ['Spot Salary', '', 'Other', 'grade'],
    ['Whitley Council Scale', '', 'Other', 'grade'],
    ['Trust Grade', 'Medical and Dental', 'Medical and Dental', 'staff group'],
    ['Trust Grade', 'Medical & Dental', 'Medical and Dental', 'staff group'],
    ['', 'Medical and Dental', 'Medical and Dental', 'staff group'],
    ['Nurse Consultant', '', '(not mapped)', 'none'],
    ['Consultant Clinical Psychologist', 'Additional Professional Scientific and Technical', '(not mapped)', 'none'],
    ['IT Specialist', 'Administrative and Clerical', '(not mapped)', 'none'],
    ['Trust Grade', 'Administrative and Clerical', '(not mapped)', 'none'],
    ['', 'Administrative and Clerical', '(no grade)', 'none'],
  ])('%j (staff group %j) → %s, by %s', (grade, staffGroup, scheme, by) => {
    expect(paySchemeOf(grade, staffGroup)).toEqual({ scheme, by });
  });

  it('takes the config file’s mapping first, by the whole grade or its last part, ignoring case and spaces', () => {
    const overrides = new Map<string, PayScheme>([[gradeKey(' trust   GRADE '), 'Medical and Dental'], [gradeKey('Band 5 Bank'), 'Other']]);
    expect(paySchemeOf('Trust Grade', 'Administrative and Clerical', overrides)).toEqual({ scheme: 'Medical and Dental', by: 'config' });
    expect(paySchemeOf('ZZ|L01|Trust Grade', undefined, overrides)).toEqual({ scheme: 'Medical and Dental', by: 'config' });
    // A mapping wins over the rules: "Band 5" would be Agenda for Change.
    expect(paySchemeOf('Band 5 Bank', undefined, overrides)).toEqual({ scheme: 'Other', by: 'config' });
  });
});

describe('--within payScheme', () => {
  it('on the sample: Agenda for Change and Medical and Dental, the latter exactly the Medical and Dental staff group', async () => {
    const args = ['fixtures/esr-sample.csv', '--min-group-size', '0', '--quiet'];
    const byScheme = (await reportJson([...args, '--within', 'payScheme'])).breakdowns[0];
    const byStaffGroup = (await reportJson([...args, '--within', 'staffGroup'])).breakdowns[0];
    expect(byScheme.within).toBe('payScheme');
    expect(byScheme.columns).toEqual(['payScheme']);
    expect(byScheme.unmappedGrades).toEqual([]);
    expect(byScheme.subgroups.map((s: any) => s.subgroup)).toEqual(['Agenda for Change', 'Medical and Dental']);
    const medical = byStaffGroup.subgroups.find((s: any) => s.subgroup === 'Medical and Dental');
    const { subgroup: _a, ...scheme } = byScheme.subgroups[1];
    const { subgroup: _b, ...staffGroup } = medical;
    expect(scheme).toEqual(staffGroup);
    const all = byScheme.subgroups.reduce((n: number, s: any) => n + s.relevantEmployees, 0);
    expect(all).toBe(1823);
  });

  it('lists the grades it cannot map (warning and JSON), and maps them from the config file or --pay-scheme', async () => {
    const result = await runCli(['report', 'fixtures/bad/unmapped-grades.csv', '--within', 'payScheme', '--min-group-size', '0', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    const b = report.breakdowns[0];
    expect(b.unmappedGrades).toEqual([
      { grade: 'Grade X1', people: 2 },
      { grade: 'Apprentice', people: 1 },
    ]);
    expect(b.subgroups.map((s: any) => [s.subgroup, s.relevantEmployees])).toEqual([
      ['Agenda for Change', 2],
      ['Medical and Dental', 2],
      ['Other', 1],
      ['(not mapped)', 3],
    ]);
    const text = '2 grades are not mapped to a pay scheme, so their 3 relevant employees are in "(not mapped)": "Grade X1" (2), "Apprentice" (1)';
    expect(result.stderr).toContain(text);
    expect(report.warnings.join('\n')).toContain(text);

    const config = join(dir, 'schemes.json');
    writeFileSync(config, JSON.stringify({ paySchemes: { 'grade x1': 'Agenda for Change' } }));
    const mapped = await reportJson(['fixtures/bad/unmapped-grades.csv', '--within', 'payScheme', '--min-group-size', '0', '--quiet', '--config', config, '--pay-scheme', 'Apprentice=other']);
    expect(mapped.breakdowns[0].unmappedGrades).toEqual([]);
    expect(mapped.breakdowns[0].subgroups.map((s: any) => [s.subgroup, s.relevantEmployees])).toEqual([
      ['Agenda for Change', 4],
      ['Medical and Dental', 2],
      ['Other', 2],
    ]);
    expect(mapped.method.settingSources.paySchemes).toEqual({ from: 'config and command line', file: config });
  });

  it.each([
    [['--pay-scheme', 'Trust Grade=Medical'], '--pay-scheme "Trust Grade=Medical": expected Grade=Scheme, where Scheme is one of Agenda for Change, Medical and Dental, Other'],
    [['--pay-scheme', 'Medical and Dental'], '--pay-scheme "Medical and Dental": expected Grade=Scheme'],
  ])('refuses %j (exit 2)', async (args, message) => {
    const result = await runCli(['report', 'fixtures/bad/unmapped-grades.csv', '--within', 'payScheme', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe('--within any column', () => {
  const HEADERS = ['Employee Number', 'Assignment Number', 'Primary Flag', 'Org L3', 'Gender', 'Hourly Rate', 'Contracted Hours'];
  const ROWS = [
    ['1', '1-1', 'Y', 'Surgery', 'M', '30', '37.5'],
    ['2', '2-1', 'Y', 'Surgery', 'M', '20', '37.5'],
    ['3', '3-1', 'Y', 'Surgery', 'F', '22', '37.5'],
    ['4', '4-1', 'Y', 'Surgery', 'F', '18', '37.5'],
    // Person 5's primary assignment is in Medicine: the person is counted there, with pay from both.
    ['5', '5-1', 'N', 'Surgery', 'F', '10', '18.75'],
    ['5', '5-2', 'Y', 'Medicine', 'F', '30', '18.75'],
    ['6', '6-1', 'Y', 'Medicine', 'M', '24', '37.5'],
    ['7', '7-1', 'Y', '', 'M', '15', '37.5'],
    ['8', '8-1', 'Y', ' ', 'F', '15', '37.5'],
  ];

  it('breaks down by a column named by its header: values from the primary assignment, blank cells "(blank)" last, figures by hand', async () => {
    const report = await reportJson(['-', '--within', 'org l3', '--min-group-size', '0', '--quiet'], { stdin: csv(HEADERS, ROWS) });
    const b = report.breakdowns[0];
    expect(b.within).toBe('org l3');
    expect(b.subgroups.map((s: any) => [s.subgroup, s.relevantEmployees])).toEqual([
      ['Medicine', 2],
      ['Surgery', 4],
      ['(blank)', 2],
    ]);
    const [men, women] = b.subgroups[1].characteristics[0].groups;
    // Surgery: men 30, 20 (mean 25); women 22, 18 (mean 20): gap 20%, £5.00 an hour.
    expect(men.meanHourlyPay).toBe(25);
    expect(women.meanHourlyPay).toBe(20);
    expect(women.meanGapPercent).toBeCloseTo(20, 12);
    expect(women.meanPayDifference).toBe(5);
    // Medicine: person 5, (10 × 18.75 + 30 × 18.75) ÷ 37.5 = £20.00, against a man on £24.
    const medicine = b.subgroups[0].characteristics[0].groups;
    expect(medicine.map((g: any) => g.meanHourlyPay)).toEqual([24, 20]);
    // The column is not questioned as an unread look-alike, and the report names it.
    expect(report.warnings.join(' ')).not.toContain('Org L3');
  });

  it('a header the file does not have, and a column of identifiers, are data errors', async () => {
    const missing = await runCli(['report', '-', '--within', 'Directorate'], { stdin: csv(HEADERS, ROWS) });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--within "Directorate": the file has no such column[\s\S]*headers found: "Employee Number"[\s\S]*--within takes staffGroup, grade, band, payScheme, or the header of any column/);
    const many = await runCli(['report', 'fixtures/esr-sample.csv', '--within', 'Employee Number']);
    expect(many.code).toBe(1);
    expect(many.stderr).toContain('"Employee Number" has 1,823 different values: a breakdown is a short list of categories (at most 1,000)');
  });

  it('a value written "(blank)" and blank cells stay apart', async () => {
    const rows = [...ROWS.slice(0, 4), ['9', '9-1', 'Y', '(blank)', 'F', '12', '37.5']];
    const report = await reportJson(['-', '--within', 'Org L3', '--min-group-size', '0', '--quiet'], { stdin: csv(HEADERS, [...rows, ['10', '10-1', 'Y', '', 'M', '12', '37.5']]) });
    expect(report.breakdowns[0].subgroups.map((s: any) => s.subgroup)).toEqual(['(blank)', 'Surgery', '((blank))']);
  });
});
