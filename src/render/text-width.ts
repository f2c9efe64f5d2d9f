/**
 * How wide a text will be on a chart, without a browser: the advance of each character in
 * DejaVu Sans (the widest of the common sans-serif fonts a page falls back to; Arial and
 * Segoe UI are about a tenth narrower), so a label measured here fits wherever it is shown.
 * ASCII characters have their own widths; other characters are estimated by class: combining
 * marks take no space, East Asian wide characters a full em, the rest 0.7 em.
 *
 * @example textWidth('Female', 12) ≈ 39.5 (px at a 12 px font)
 */
// Advance widths of ASCII 32–126 in hundredths of an em (DejaVu Sans).
const ASCII = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56,
  86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59,
  52, 64, 34, 64, 84,
];
const OTHER = 70;
const WIDE = 100;
const COMBINING = /\p{M}/u;
const EAST_ASIAN_WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

function advance(c: string): number {
  const code = c.codePointAt(0) as number;
  if (code >= 32 && code < 127) return ASCII[code - 32] as number;
  if (COMBINING.test(c)) return 0;
  return EAST_ASIAN_WIDE.test(c) ? WIDE : OTHER;
}

/** Width in px of `text` set at `fontSize` px. */
export function textWidth(text: string, fontSize: number): number {
  let hundredths = 0;
  for (const c of text) hundredths += advance(c);
  return (hundredths * fontSize) / 100;
}

/**
 * `text` on lines of at most `maxWidth` px, broken at spaces (a word wider than a line is
 * broken where it must be); at most `maxLines` lines, the last ending in "…" when the text
 * does not fit (the chart's table and its text alternative carry the whole text).
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  const lines: string[] = [];
  const space = textWidth(' ', fontSize);
  let line = '';
  let width = 0;
  for (const word of text.split(' ')) {
    const w = textWidth(word, fontSize);
    if (line === '' ? w <= maxWidth : width + space + w <= maxWidth) {
      width = line === '' ? w : width + space + w;
      line = line === '' ? word : `${line} ${word}`;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (textWidth(line, fontSize) > maxWidth) {
      const cut = fitting(line, maxWidth, fontSize);
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
    width = textWidth(line, fontSize);
  }
  if (line !== '') lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1] as string}…`;
  while (textWidth(last, fontSize) > maxWidth && last.length > 1) last = `${last.slice(0, -2)}…`;
  kept[maxLines - 1] = last;
  return kept;
}

/** How many UTF-16 units of `text` fit in `maxWidth` (at least one character). */
function fitting(text: string, maxWidth: number, fontSize: number): number {
  let used = 0;
  let end = 0;
  for (const c of text) {
    used += (advance(c) * fontSize) / 100;
    if (used > maxWidth && end > 0) break;
    end += c.length;
  }
  return end;
}
