/**
 * Splitting a document at its top-level headings, so that each part is parsed on its own.
 *
 * Parsing one large document in one piece costs more than linear time in remark (most of it
 * garbage collection). A level-1 or level-2 ATX heading at the start of a line ends every
 * open block except fenced code and some HTML blocks. So cutting before such a line, outside
 * those blocks, gives the same syntax tree. Where the splitter cannot tell, it does not cut.
 */

/**
 * Where each part starts: an offset into the text and its 0-based line number. A part with
 * `tablePrefix` holds more rows of the table that ends the previous part; it is parsed with
 * the table's header and delimiter lines in front, and its rows join that table.
 */
export interface SplitPoint {
  offset: number;
  line: number;
  tablePrefix?: string;
}

/**
 * Rows of one table parsed together; a longer table is parsed in groups of this many rows.
 * Smaller groups leave less garbage for each collection: on the 2 MB benchmark document,
 * groups of 100 rows peaked at about 230 MB of memory and groups of 500 at 280 to 380 MB,
 * in the same time.
 */
export const TABLE_ROW_GROUP = 100;

/** HTML blocks that run to an end marker rather than to a blank line. */
const HTML_END_MARKERS: [RegExp, string][] = [
  [/^ {0,3}<!--/, "-->"],
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, "</"],
  [/^ {0,3}<\?/, "?>"],
  [/^ {0,3}<!\[CDATA\[/, "]]>"],
  [/^ {0,3}<![A-Za-z]/, ">"],
];

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HEADING_1_2 = /^#{1,2}(?:[ \t]|$)/;
const DEFINITION = /^ {0,3}\[[^\]\n]{1,999}\]:/m;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

interface Line {
  start: number;
  end: number;
  next: number;
}

/** Splits text into lines that end at CRLF, a lone CR or LF, as micromark reads them. */
function lineList(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let next = end;
    if (text.charCodeAt(next) === 13) next++;
    if (text.charCodeAt(next) === 10) next++;
    lines.push({ start, end, next });
    if (next === end) break;
    start = next;
  }
  return lines;
}

/**
 * Returns the offsets where the text may be cut, always starting with offset 0. Returns
 * only the start when the document has reference or footnote definitions, which are
 * shared across the whole document.
 */
export function splitPoints(text: string, minimumPartLength = 64 * 1024): SplitPoint[] {
  const points: SplitPoint[] = [{ offset: 0, line: 0 }];
  if (text.length < minimumPartLength * 2 || DEFINITION.test(text)) return points;

  let fence: { char: string; length: number } | undefined;
  let endMarker: string | undefined;
  let htmlUntilBlank = false;
  let frontMatter: string | undefined;
  let lastCut = 0;

  const lines = lineList(text);
  const textOf = (index: number): string => {
    const line = lines[index];
    return line === undefined ? "" : text.slice(line.start, line.end);
  };
  const isBlank = (index: number): boolean => index < 0 || index >= lines.length || textOf(index).trim() === "";

  for (let line = 0; line < lines.length; line++) {
    const lineStart = lines[line]?.start ?? 0;
    const content = textOf(line);

    // Track the blocks a heading line cannot end.
    if (line === 0 && (content === "---" || content === "+++")) {
      frontMatter = content;
    } else if (frontMatter !== undefined) {
      if (content === frontMatter || (frontMatter === "---" && content === "...")) frontMatter = undefined;
    } else if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content);
      if (close?.[1] && close[1][0] === fence.char && close[1].length >= fence.length) fence = undefined;
    } else if (endMarker !== undefined) {
      if (content.includes(endMarker)) endMarker = undefined;
    } else if (htmlUntilBlank) {
      if (content.trim() === "") htmlUntilBlank = false;
    } else if (HEADING_1_2.test(content)) {
      if (lineStart - lastCut >= minimumPartLength) {
        points.push({ offset: lineStart, line });
        lastCut = lineStart;
      }
    } else if (content.startsWith("|") && isBlank(line - 1) && DELIMITER_ROW.test(textOf(line + 1))) {
      // A long table with a blank line before and after it is parsed in groups of rows.
      let last = line + 1;
      while (last + 1 < lines.length && textOf(last + 1).startsWith("|")) last++;
      const rows = last - line - 1;
      if (rows > TABLE_ROW_GROUP && isBlank(last + 1)) {
        const header = lines[line];
        const delimiter = lines[line + 1];
        if (header && delimiter) {
          const tablePrefix = text.slice(header.start, delimiter.end) + "\n";
          if (lineStart > 0) points.push({ offset: lineStart, line });
          for (let row = line + 2 + TABLE_ROW_GROUP; row <= last; row += TABLE_ROW_GROUP) {
            points.push({ offset: lines[row]?.start ?? 0, line: row, tablePrefix });
          }
          const after = lines[last + 1];
          if (after) points.push({ offset: after.start, line: last + 1 });
          lastCut = after?.start ?? text.length;
        }
      }
      line = last;
    } else {
      const open = FENCE_OPEN.exec(content);
      if (open?.[1] && !(open[1][0] === "`" && (open[2] ?? "").includes("`"))) {
        fence = { char: open[1][0] ?? "`", length: open[1].length };
      } else if (/^ {0,3}</.test(content)) {
        const marker = HTML_END_MARKERS.find(([start]) => start.test(content));
        if (marker) {
          // The end marker may sit on the opening line itself.
          const afterOpen = content.slice(content.indexOf("<") + 1);
          if (!afterOpen.includes(marker[1])) endMarker = marker[1];
        } else {
          htmlUntilBlank = true;
        }
      }
    }
  }

  // Front matter or a block that never closed: the cuts after its start are not safe.
  if (frontMatter !== undefined) return [{ offset: 0, line: 0 }];
  return points;
}
