import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { functionLengths, importsOf, moduleName, sourceFiles } from './graph.js';
import { LONGEST_FIRST } from '../sequencer.js';

/**
 * The layout the README's "Code map" describes, checked: data walks one way through the
 * folders, nothing imports upward, there are no import circles, and modules and functions
 * stay small enough to read.
 */
const RANK: Readonly<Record<string, number>> = {
  errors: 0,
  metrics: 0,
  io: 1,
  schema: 2,
  sample: 2,
  ingest: 3,
  report: 4,
  disclosure: 5,
  render: 6,
  pipeline: 7,
  cli: 8,
  api: 9,
};

const folder = (module: string) => module.split('/')[0] as string;
const files = sourceFiles();
const graph = new Map(files.map((f) => [moduleName(f), importsOf(f)]));

describe('the source tree', () => {
  it('puts every module in a known folder', () => {
    expect([...graph.keys()].filter((m) => RANK[folder(m)] === undefined)).toEqual([]);
  });

  it('imports only from the same folder or an earlier stage (metrics imports nothing else)', () => {
    const upward: string[] = [];
    for (const [module, imports] of graph) {
      for (const target of imports) {
        const from = folder(module);
        const to = folder(target);
        if (from === to) continue;
        if (from === 'metrics' || (RANK[to] as number) >= (RANK[from] as number)) upward.push(`${module} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import circles', () => {
    // Tarjan's strongly connected components: any component of more than one module is a circle.
    let index = 0;
    const stack: string[] = [];
    const on = new Set<string>();
    const order = new Map<string, number>();
    const low = new Map<string, number>();
    const circles: string[][] = [];
    const visit = (v: string): void => {
      order.set(v, index);
      low.set(v, index++);
      stack.push(v);
      on.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!order.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
      }
      if (low.get(v) === order.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v)) circles.push(component);
      }
    };
    for (const v of graph.keys()) if (!order.has(v)) visit(v);
    expect(circles).toEqual([]);
  });

  it('keeps every module under 300 lines', () => {
    const long = files.map((f) => [moduleName(f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });

  it('keeps functions under 60 lines, or says why above them ("Long because …")', () => {
    const long = files.flatMap(functionLengths).filter((f) => f.lines > 60 && !f.justified);
    expect(long.map((f) => `${f.module} ${f.name} (${f.lines} lines)`)).toEqual([]);
  });

  it('cites only the repository’s own method document', () => {
    // The outside document's name, spelt in two parts so that this test does not cite it.
    const outsideDocument = new RegExp(`\\b${'SP'}${'EC'}\\b`);
    const outside = files.filter((f) => outsideDocument.test(readFileSync(f, 'utf8'))).map(moduleName);
    expect(outside).toEqual([]);
  });
});

describe('the test run', () => {
  it('starts first only test files that exist (a renamed file would silently lose its place)', () => {
    expect(LONGEST_FIRST.filter((file) => !existsSync(file) || !file.endsWith('.test.ts'))).toEqual([]);
  });
});
