/**
 * Queries over the model that several rules share, so that no rule re-reads the source.
 */

import type { Paragraph } from "mdast";
import type { Entity, EntityKind, Range, Row, Table, TableKind, ThreatModel } from "./types.js";
import { requireRange } from "./parse/cells.js";
import { nodesOfType } from "./parse/node-index.js";
import { ENTITY_TITLES, TABLE_TITLES, TEMPLATE_COLUMNS } from "./parse/vocabulary.js";

/** The tables of one kind, in document order. */
export function tablesOf(model: ThreatModel, kind: TableKind): Table[] {
  return model.tables.filter((table) => table.kind === kind);
}

/** The entities of one kind, in document order. */
export function entitiesOf(model: ThreatModel, kind: EntityKind): Entity[] {
  return model.entities.filter((entity) => entity.kind === kind);
}

/** "Threat", "Existing control": the word for an entity kind, for messages. */
export function entityTitle(kind: EntityKind | undefined): string {
  return kind === undefined ? "Entity" : ENTITY_TITLES[kind];
}

export function tableTitle(kind: TableKind): string {
  return TABLE_TITLES[kind];
}

/** The column's name as written in this table, or the template's name when it is absent. */
export function columnName(table: Table, role: string): string {
  const written = table.column(role)?.name;
  if (written) return written;
  const spec = table.kind === undefined ? undefined : TEMPLATE_COLUMNS[table.kind].find((column) => column.role === role);
  return spec?.name ?? role;
}

/** The text of a row's cell in the column with this role; empty when absent. */
export function cellText(row: Row, role: string): string {
  const column = row.table.column(role);
  if (!column) return "";
  return row.cells[column.index]?.text ?? "";
}

/** A zero-width range at a position, or the start of the file. */
export function startOf(range: Range | undefined): Range {
  if (!range) return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  return { start: range.start, end: range.start };
}

/** The place for findings about the whole document: its title, or line 1. */
export function documentRange(model: ThreatModel): Range {
  return model.title?.range ?? startOf(undefined);
}

/** A paragraph whose first lines look like a table header and a delimiter row that disagree. */
export interface BrokenTable {
  paragraph: Paragraph;
  range: Range;
  headerCells: number;
  delimiterCells: number;
}

const DELIMITER_CELL = /^\s*:?-+:?\s*$/;

function splitRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith("|")) text = text.slice(1);
  if (text.endsWith("|") && !text.endsWith("\\|")) text = text.slice(0, -1);
  const cells: string[] = [];
  let cell = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === "\\" && text[i + 1] === "|") {
      cell += "\\|";
      i++;
    } else if (char === "|") {
      cells.push(cell);
      cell = "";
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}

/**
 * Finds paragraphs that were meant as tables: a pipe row followed by a delimiter row with a
 * different number of cells. GFM then renders no table at all, only text.
 */
export function brokenTables(model: ThreatModel): BrokenTable[] {
  const cached = brokenTablesByModel.get(model);
  if (cached) return cached;

  const found: BrokenTable[] = [];
  for (const { node: paragraph } of nodesOfType(model.root, "paragraph")) {
    const range = requireRange(paragraph);
    // Only the first two lines matter; a paragraph can be megabytes long.
    const headerEnd = lineEnd(model.text, range.start.offset, range.end.offset);
    if (headerEnd >= range.end.offset) continue;
    const header = model.text.slice(range.start.offset, headerEnd);
    if (!header.includes("|")) continue;
    const delimiterStart = nextLineStart(model.text, headerEnd);
    const delimiter = model.text.slice(delimiterStart, lineEnd(model.text, delimiterStart, range.end.offset));
    if (!delimiter.includes("-")) continue;
    const delimiterCells = splitRow(delimiter);
    if (!delimiterCells.every((cell) => DELIMITER_CELL.test(cell))) continue;
    const headerCells = splitRow(header).length;
    if (headerCells !== delimiterCells.length) {
      found.push({ paragraph, range, headerCells, delimiterCells: delimiterCells.length });
    }
  }
  brokenTablesByModel.set(model, found);
  return found;
}

const brokenTablesByModel = new WeakMap<ThreatModel, BrokenTable[]>();

/** The offset of the first CR or LF at or after `start`, or `end` when there is none before it. */
function lineEnd(text: string, start: number, end: number): number {
  let offset = start;
  while (offset < end && text.charCodeAt(offset) !== 10 && text.charCodeAt(offset) !== 13) offset++;
  return offset;
}

/** The offset after the line ending (CRLF, CR or LF) that starts at `offset`. */
function nextLineStart(text: string, offset: number): number {
  if (text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10) return offset + 2;
  return offset + 1;
}
