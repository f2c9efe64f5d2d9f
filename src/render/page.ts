import { contentSecurityPolicy } from './csp.js';
import { escape } from './svg.js';

/**
 * The one style sheet of every HTML document (report, trend, benchmark): no fonts or files
 * from elsewhere, and print styles that keep charts and tables whole.
 */
const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 2px solid #0072B2; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #c8c8c8; padding: .25rem .5rem; text-align: right; } th:first-child, td:first-child { text-align: left; }
thead th { background: #eef3f8; }
.meta { color: #444; font-size: .92rem; } .note { fill: #555; font-size: 11px; } .label { font-size: 12px; fill: #1b1b1b; }
.legend, .value { font-size: 11px; fill: #1b1b1b; } ul.sentences { padding-left: 1.2rem; } ul.sentences li { margin: .15rem 0; } .chart { max-width: 100%; height: auto; display: block; margin: .5rem 0; }
.withheld { color: #666; font-style: italic; }
section.view { break-inside: avoid-page; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } .chart, table { break-inside: avoid; } a { color: inherit; } }
`;

/**
 * A self-contained HTML page: the style sheet above and a Content-Security-Policy that lets it
 * run no script and load nothing (csp.ts), whatever the body holds.
 */
export function page(title: string, body: readonly string[]): string {
  const head =
    `<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escape(contentSecurityPolicy(STYLE))}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escape(title)}</title>\n<style>${STYLE}</style></head>\n<body>`;
  // One join makes the page: a page of 100,000 groups is 80 MB, and each further copy of it
  // (joining the body, then adding the head) cost about a second.
  return [head, ...(body.length === 0 ? [''] : body), '</body></html>\n'].join('\n');
}

/** A missing figure in a table cell: the word, with the reason as a tooltip. */
export function missingCell(word: string, reason: string): string {
  return reason === '' ? escape(word) : `<span class="withheld" title="${escape(reason)}">${escape(word)}</span>`;
}
