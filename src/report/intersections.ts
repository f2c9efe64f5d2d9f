import type { CodeColumn } from './ordered.js';
import type { GroupDefinition, ViewDefinition } from './views.js';

/**
 * Intersectional groups (the EDI plan is explicitly intersectional): every combination of a
 * group of view A and a group of view B, such as "Female × BME", compared with the reference
 * combination (A's reference × B's reference, e.g. "Male × White"). A unit outside either
 * view (sex not recorded) is outside the intersection. Combinations of undisclosed categories
 * are listed but not compared.
 */
export interface Intersection {
  readonly view: ViewDefinition;
  readonly a: ViewDefinition;
  readonly b: ViewDefinition;
  /** positions[i][j]: where A's group i × B's group j is in view.groups. */
  readonly positions: readonly (readonly number[])[];
}

export function intersect(a: ViewDefinition, b: ViewDefinition): Intersection {
  const nB = b.groups.length;
  const refA = a.groups.findIndex((g) => g.reference);
  const refB = b.groups.findIndex((g) => g.reference);
  const combos: { i: number; j: number }[] = [{ i: refA, j: refB }];
  a.groups.forEach((_, i) => b.groups.forEach((__, j) => (i === refA && j === refB ? undefined : combos.push({ i, j }))));
  const positions = a.groups.map(() => new Array<number>(nB).fill(-1));
  const groups: GroupDefinition[] = combos.map(({ i, j }, at) => {
    (positions[i] as number[])[j] = at;
    const ga = a.groups[i] as GroupDefinition;
    const gb = b.groups[j] as GroupDefinition;
    return { name: `${ga.name} × ${gb.name}`, reference: at === 0, comparable: ga.comparable && gb.comparable };
  });
  // Code = i × nB + j; the code after the last is "outside A or B".
  const groupOfCode = [...a.groups.flatMap((_, i) => b.groups.map((__, j) => (positions[i] as number[])[j] as number)), -1];
  const outside = [a.outsideReason, b.outsideReason].filter((r): r is string => r !== undefined);
  return {
    a,
    b,
    positions,
    view: {
      characteristic: `${a.characteristic}×${b.characteristic}`,
      view: `${a.view}×${b.view}`,
      column: `${a.characteristic}/${a.view}×${b.characteristic}/${b.view}`,
      title: `${a.title} × ${b.title}`,
      groups,
      groupOfCode,
      ...(outside.length > 0 ? { outsideReason: outside.join(' or ') } : {}),
    },
  };
}

/** The intersection's code for each unit, from the two views' code columns. */
export function intersectionColumn(x: Intersection, columns: ReadonlyMap<string, CodeColumn>): Uint32Array {
  const codesA = columns.get(x.a.column) as CodeColumn;
  const codesB = columns.get(x.b.column) as CodeColumn;
  const nB = x.b.groups.length;
  const outside = x.a.groups.length * nB;
  const out = new Uint32Array(codesA.length);
  for (let u = 0; u < out.length; u++) {
    const i = x.a.groupOfCode[codesA[u] as number] as number;
    const j = x.b.groupOfCode[codesB[u] as number] as number;
    out[u] = i < 0 || j < 0 ? outside : i * nB + j;
  }
  return out;
}
