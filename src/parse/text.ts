/**
 * Source text handling: BOM removal and the line index that turns offsets into positions.
 *
 * Lines end at CRLF, a lone CR or LF, as in micromark, so positions computed here agree
 * with the positions on mdast nodes.
 */

import type { Point, Range } from "../types.js";

export interface SourceText {
  /** The text without a leading U+FEFF. */
  text: string;
  hasBom: boolean;
}

/** Removes one leading byte order mark, so that offsets agree with micromark's. */
export function stripBom(input: string): SourceText {
  if (input.charCodeAt(0) === 0xfeff) {
    return { text: input.slice(1), hasBom: true };
  }
  return { text: input, hasBom: false };
}

/** Offsets of the first character of each line. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13 /* CR */) {
        if (text.charCodeAt(i + 1) === 10 /* LF */) i++;
        starts.push(i + 1);
      } else if (code === 10) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Makes a 1-based line and UTF-16 column from a 0-based offset, clamped to the text. */
  pointAt(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) <= clamped) low = middle;
      else high = middle - 1;
    }
    const lineStart = this.starts[low] ?? 0;
    return { line: low + 1, column: clamped - lineStart + 1, offset: clamped };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.pointAt(start), end: this.pointAt(end) };
  }

  /** The text of a 1-based line without its line ending. */
  lineText(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const next = this.starts[line];
    let end = next === undefined ? this.text.length : next;
    while (end > start) {
      const code = this.text.charCodeAt(end - 1);
      if (code !== 10 && code !== 13) break;
      end--;
    }
    return this.text.slice(start, end);
  }
}
