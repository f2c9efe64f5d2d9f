/** Build a small CSV from a header and rows (test-data builder). */
export function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => {
    const text = String(v);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** An export of one person per value of `column`, built as one string (fast to generate at scale). */
export function manyValues(n: number, column: string, value: (i: number) => string): string {
  const lines = new Array<string>(n + 1);
  lines[0] = `Employee Number,Gender,Hourly Rate,${column}`;
  for (let i = 0; i < n; i++) lines[i + 1] = `${i},${i % 2 ? 'Male' : 'Female'},${10 + (i % 50)},${value(i)}`;
  return `${lines.join('\n')}\n`;
}
