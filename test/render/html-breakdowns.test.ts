import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { exportText, type Person } from '../helpers/independent-audit.js';
import { reportOfText } from '../helpers/pipeline.js';

const person = (id: number, band: string, overrides: Partial<Person> = {}): Person => ({
  id,
  sex: id % 3 ? 'Female' : 'Male',
  ethnicity: 'A',
  disability: 'No',
  band,
  pay: 14 + (id % 13) * 0.5,
  bonus: 0,
  fullPay: true,
  ...overrides,
});

describe('the HTML report with a breakdown', () => {
  it('shows each subgroup’s figures, withholding what disclosure control withholds', async () => {
    const people = [...Array.from({ length: 40 }, (_, i) => person(i + 1, 'Band 5')), ...Array.from({ length: 30 }, (_, i) => person(41 + i, 'Band 7')), person(71, 'Band 9', { sex: 'Male', pay: 61.5 })];
    const { report, json } = await reportOfText(exportText(people), { within: 'band' });
    const html = renderHtml(report);
    expect(html).toContain('<h2>Within each pay band</h2>');
    expect(html).toContain('<a href="#within-0">Within each pay band</a>');
    for (const sg of json.breakdowns[0]!.subgroups) expect(html).toContain(`<h3>${sg.subgroup} (${sg.fullPayEmployees} on full pay)</h3>`);
    // Band 9 holds one man: his pay is withheld in the JSON, so it is nowhere in the page.
    const band9 = json.breakdowns[0]!.subgroups.find((s) => s.subgroup === 'Band 9')!;
    expect(band9.characteristics[0]!.groups.find((g) => g.group === 'Male')!.meanHourlyPay).toBeNull();
    expect(html).not.toContain('£61.50');
    const section = html.slice(html.indexOf('<h3>Band 9'));
    expect(section.slice(0, section.indexOf('</table>'))).toContain('class="withheld"');
  });

  it('escapes a subgroup named with markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const people = Array.from({ length: 24 }, (_, i) => person(i + 1, i % 2 ? 'Band 5' : hostile));
    const { report } = await reportOfText(exportText(people), { within: 'grade' });
    const html = renderHtml(report);
    expect(html).not.toContain(hostile);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
