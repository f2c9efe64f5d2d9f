import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { COMMANDS, OPTIONS, optionsOf, type OptionSpec } from '../../src/cli/option-table.js';

const options = (OPTIONS as readonly OptionSpec[]).filter((o) => o.flags !== null);
const flagOf = (spec: OptionSpec) => (spec.flags as string).split(' ')[0] as string;

describe('the option table', () => {
  it.each(COMMANDS)('%s: each setting and each flag once', (command) => {
    const specs = optionsOf(command);
    expect(new Set(specs.map((s) => s.name)).size).toBe(specs.length);
    const flagged = specs.filter((s) => s.flags !== null);
    expect(new Set(flagged.map(flagOf)).size).toBe(flagged.length);
  });

  it('each config key belongs to one option', () => {
    const keys = (OPTIONS as readonly OptionSpec[]).filter((o) => o.config !== undefined).map((o) => o.name);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

/** The README's option table: flag → its cells. */
function readmeRows(): Map<string, { default: string; commands: string[]; config: string }> {
  const rows = new Map<string, { default: string; commands: string[]; config: string }>();
  for (const line of readFileSync('README.md', 'utf8').split('\n')) {
    const cells = line.replaceAll('\\|', '¦').split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 5 || !/^`--/.test(cells[0] as string)) continue;
    const flag = /^`(--[a-z-]+)/.exec(cells[0] as string)?.[1] as string;
    expect(rows.has(flag), `${flag} is listed twice in the README`).toBe(false);
    rows.set(flag, { default: (cells[1] as string).replaceAll('`', ''), commands: (cells[2] as string).split(', '), config: cells[3] as string });
  }
  return rows;
}

describe('the README lists every option once, as the table declares it', () => {
  const rows = readmeRows();
  const flags = [...new Set(options.map(flagOf))];

  it.each(flags)('%s', (flag) => {
    const row = rows.get(flag);
    expect(row, `${flag} is not in the README's option table`).toBeDefined();
    const specs = options.filter((o) => flagOf(o) === flag);
    expect(row?.commands.sort()).toEqual([...new Set(specs.flatMap((s) => s.commands))].sort());
    const keys = specs.filter((s) => s.config !== undefined).map((s) => `\`${s.name}\``);
    for (const key of keys) expect(row?.config.startsWith(key), `${flag}: config key ${key}`).toBe(true);
    if (keys.length === 0) expect(row?.config).toBe('');
    for (const spec of specs) {
      const shown = spec.defaultHelp ?? (typeof spec.default === 'string' || typeof spec.default === 'number' ? String(spec.default) : undefined);
      if (shown !== undefined) expect(row?.default).toContain(shown);
    }
  });

  it('and nothing else but --verbose', () => {
    expect([...rows.keys()].filter((flag) => !flags.includes(flag))).toEqual(['--verbose']);
  });
});
