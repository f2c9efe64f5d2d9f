const QUOTE = 34;

/**
 * The searches the record scanner makes in a text (line ends, closing quotes, delimiters),
 * counting the characters they pass over in `searched`, so tests can check that scanning
 * stays linear in the input without timing anything.
 *
 * Each search starts where the scanner stands and stops at what it finds. The next delimiter
 * is remembered: a field that is the last on its line would otherwise search past its line
 * end, again for every record, when the lines below have no delimiter (a one-column part of
 * a file): that costs the square of the text's length.
 */
export class TextSearch {
  searched = 0;
  /** Set by `closingQuote`: the field holds a doubled quote. */
  escaped = false;
  private delimiter = ',';
  /** Where the next delimiter is (the text's length when there is none). */
  private delimiterAt = -1;

  /** A new text, or a new delimiter: forget where the next one was. */
  reset(delimiter: string): void {
    this.delimiter = delimiter;
    this.delimiterAt = -1;
  }

  /** The next line feed from `from` (the text given to the scanner always ends with one). */
  lineEnd(text: string, from: number): number {
    const at = text.indexOf('\n', from);
    this.searched += at - from;
    return at;
  }

  /** The closing quote of a quoted field whose text starts at `from`, skipping doubled quotes; -1 when it is not in `text`. */
  closingQuote(text: string, from: number): number {
    let close = text.indexOf('"', from);
    this.escaped = false;
    while (close !== -1 && text.charCodeAt(close + 1) === QUOTE) {
      this.escaped = true;
      close = text.indexOf('"', close + 2);
    }
    this.searched += (close === -1 ? text.length : close) - from;
    return close;
  }

  /** The next delimiter from `from`, or the text's length when there is none. */
  nextDelimiter(text: string, from: number): number {
    if (this.delimiterAt < from) {
      const at = text.indexOf(this.delimiter, from);
      this.delimiterAt = at === -1 ? text.length : at;
      this.searched += this.delimiterAt - from;
    }
    return this.delimiterAt;
  }

  /** Line feeds in text[from, to). */
  countLines(text: string, from: number, to: number): number {
    let n = 0;
    let at = text.indexOf('\n', from);
    for (; at !== -1 && at < to; at = text.indexOf('\n', at + 1)) n++;
    this.searched += (at === -1 ? text.length : at) - from;
    return n;
  }
}
