import Table from 'cli-table3';
import { FIELDS, FIELD_INFO } from '../../schema/fields.js';
import type { CliIo } from '../io.js';
import { emit } from '../output.js';

const REQUIRED_NOTE: Partial<Record<(typeof FIELDS)[number], string>> = {
  hourlyRate: 'pay source 1',
  periodPay: 'pay source 2 (with hours)',
  annualSalary: 'pay source 3',
  contractedHours: 'with period pay',
  sex: 'one characteristic',
  ethnicity: 'one characteristic',
  disability: 'one characteristic',
  employeeNumber: 'for --unit person',
  primaryAssignment: 'for --unit primary',
};

/** `paygap columns`: the fields, their accepted headers and which are needed. */
export async function columnsCommand(format: 'table' | 'json', io: CliIo): Promise<void> {
  if (format === 'json') {
    const fields = FIELDS.map((field) => ({ field, aliases: FIELD_INFO[field].aliases, description: FIELD_INFO[field].description, needed: REQUIRED_NOTE[field] ?? null }));
    await emit(`${JSON.stringify(fields, null, 2)}\n`, undefined, io);
    return;
  }
  const table = new Table({
    head: ['Field', 'Accepted headers', 'Needed', 'Meaning'],
    colWidths: [19, 30, 16, 33],
    wordWrap: true,
    style: { head: [], border: [] },
  });
  for (const field of FIELDS) {
    table.push([field, FIELD_INFO[field].aliases.join(', ') || `none: --map ${field}=Header`, REQUIRED_NOTE[field] ?? 'optional', FIELD_INFO[field].description]);
  }
  const notes = [
    'Headers match ignoring case, spaces and punctuation. Use --map field=Header for other names.',
    'Needed: one pay source (hourly rate; or period pay with contracted hours; or annual salary)',
    'and at least one of sex, ethnicity, disability.',
  ];
  await emit(`${table.toString()}\n${notes.join('\n')}\n`, undefined, io);
}
