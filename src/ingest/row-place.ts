/**
 * How the rows of an input are named in messages: a CSV export's lines ("line 7"), or the
 * rows of a workbook's sheet ("sheet Staff, row 7"), numbered as Excel numbers them, so a
 * message leads straight to the cell (METHOD §1.10). Issues carry the number; this names it.
 */
export type RowPlaces = { readonly kind: 'lines' } | { readonly kind: 'sheet'; readonly sheet: string };

export const LINES: RowPlaces = { kind: 'lines' };

/** "line 7", or "sheet Staff, row 7". */
export function placeOf(places: RowPlaces, line: number): string {
  return places.kind === 'lines' ? `line ${line}` : `sheet ${places.sheet}, row ${line}`;
}

/** "line" or "row": what one of the input's rows is called in a sentence. */
export const rowWord = (places: RowPlaces): 'line' | 'row' => (places.kind === 'lines' ? 'line' : 'row');
