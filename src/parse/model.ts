/**
 * Builds the typed threat model from Markdown in one walk over the syntax tree: sections,
 * tables, rows, entities, cross-references, anchors and diagrams, each with its position.
 */

import GithubSlugger from "github-slugger";
import type { Code, Heading, Html, Image, Nodes, Root, Table as MdastTable, TableCell } from "mdast";
import type {
  Anchor,
  Cell,
  Column,
  CrossReference,
  Diagram,
  Entity,
  EntityKind,
  HeadingInfo,
  IdForm,
  InvalidUtf8,
  MarkdownLink,
  Range,
  Row,
  Section,
  SectionKind,
  Table,
  TableKind,
  ThreatModel,
} from "../types.js";
import { headingSlugSource, headingText, linksWithQuotes, rangeOfNode, readCell, requireRange, toMarkdownLink, type Piece } from "./cells.js";
import { scanTags } from "./html.js";
import { parseMarkdown } from "./markdown.js";
import { walkTree } from "./node-index.js";
import { LineIndex, stripBom } from "./text.js";
import {
  ID_PREFIX,
  PREFIXED_ID,
  SECTION_TABLE_KIND,
  STATEMENT_ROLE,
  TABLE_ENTITY_KIND,
  Vocabulary,
  kindOfId,
} from "./vocabulary.js";

export interface ParseOptions {
  filePath?: string;
  vocabulary?: Vocabulary;
  /** The first invalid UTF-8 sequence of the bytes the text was decoded from (see `decodeText`), copied to `ThreatModel.invalidUtf8`. */
  invalidUtf8?: InvalidUtf8;
}

const DEFAULT_VOCABULARY = new Vocabulary();

/** Matches the evidence prefix at the start of a threat or evidence cell, after bold is removed. */
export const EVIDENCE_PREFIX = /^\s*Found in (repo|image|architecture|diagram)\s*:?\s*/i;

/** The start of the grammar sentence after evidence: "A " or "An " at the start, or after `.`, `:` or ` - `. */
const SENTENCE_START = /(?:^|[.:;]\s+|\s[-–—]\s+)(?=An?\s)/;

/**
 * Returns a threat's statement: the cell text without its evidence prefix and, when the
 * prefix is followed by a locator such as `` `src/x.ts` Line 41 - ``, without the locator.
 */
export function threatStatement(cellText: string): string {
  const prefix = EVIDENCE_PREFIX.exec(cellText);
  if (!prefix) return cellText;
  const rest = cellText.slice(prefix[0].length);
  const start = SENTENCE_START.exec(rest);
  if (!start) return rest;
  return rest.slice(start.index + start[0].length).trim();
}

/** Parses Markdown text (a BOM is allowed) and builds its threat model. */
export function parseThreatModel(input: string, options: ParseOptions = {}): ThreatModel {
  const { text, hasBom } = stripBom(input);
  const root = parseMarkdown(text);
  return buildModel(root, text, hasBom, options);
}

/** Builds the model from an already parsed tree whose offsets index `text`. */
export function buildModel(root: Root, text: string, hasBom: boolean, options: ParseOptions = {}): ThreatModel {
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY;
  const lines = new LineIndex(text);
  const slugger = new GithubSlugger();

  const headings: HeadingInfo[] = [];
  const sections: Section[] = [];
  const tables: Table[] = [];
  const fragmentLinks: MarkdownLink[] = [];
  const anchors: Anchor[] = [];
  const diagrams: Diagram[] = [];
  let title: HeadingInfo | undefined;

  // 1. Walk the top-level blocks: a heading of level 1 or 2 with a known title opens a
  //    section; everything up to the next such heading belongs to it. A known title at
  //    level 3 or deeper opens a nested section when no heading of level 1 or 2 has it, as
  //    in `## Threat Model` then `### Threats`. A nested section ends at the next heading
  //    of its own level or higher, and then the section around it continues.
  const topLevelKinds = topLevelSectionKinds(root, vocabulary);
  const open: Section[] = [];
  let current: Section | undefined;
  let lastHeading: HeadingInfo | undefined;

  for (const block of root.children) {
    if (block.type === "heading") {
      const info = headingInfo(block, slugger);
      headings.push(info);
      lastHeading = info;
      while (endsNestedSection(block, open.at(-1))) open.pop();
      current = open.at(-1);

      const titleKind = vocabulary.sectionKind(info.text);
      const kind = titleKind !== undefined && (block.depth <= 2 || !topLevelKinds.has(titleKind)) ? titleKind : undefined;
      if (kind !== undefined) {
        current = { kind, heading: info, subheadings: [], tables: [], diagrams: [], nodes: [], range: info.range };
        sections.push(current);
        if (block.depth <= 2) open.length = 0;
        open.push(current);
      } else {
        if (block.depth === 1 && title === undefined) title = info;
        current?.subheadings.push(info);
        if (current) extend(current, block);
      }
    } else if (current) {
      current.nodes.push(block);
      extend(current, block);
    }

    // 2. Inside the block: nested headings, tables, links, HTML anchors and diagrams. A
    //    top-level heading is walked too, for the links and `<a id>` anchors in its text.
    const section = current;
    const nearest = lastHeading;
    walkTree(block, (node) => {
      switch (node.type) {
        case "heading": {
          if (node === block) break;
          const info = headingInfo(node, slugger);
          headings.push(info);
          section?.subheadings.push(info);
          break;
        }
        case "table": {
          const table = buildTable(node, section, nearest, vocabulary, text, lines);
          tables.push(table);
          section?.tables.push(table);
          break;
        }
        case "link": {
          if (node.url.startsWith("#")) fragmentLinks.push(toMarkdownLink(node));
          break;
        }
        case "html": {
          collectHtmlAnchors(node, anchors);
          const image = htmlImage(node, section);
          if (image) {
            diagrams.push(image);
            section?.diagrams.push(image);
          }
          break;
        }
        case "code": {
          if (isFenced(node, text)) {
            const diagram = codeDiagram(node, section);
            diagrams.push(diagram);
            section?.diagrams.push(diagram);
          }
          break;
        }
        case "image": {
          const diagram = imageDiagram(node, section);
          diagrams.push(diagram);
          section?.diagrams.push(diagram);
          break;
        }
        default:
          break;
      }
    });
  }

  // Headings also define anchors: GitHub's slug, numbered for duplicates.
  for (const heading of headings) anchors.push({ name: heading.slug, kind: "heading", range: heading.range });
  headings.sort((a, b) => a.range.start.offset - b.range.start.offset);

  // 3. Rows become entities; links in cells become cross-references.
  const entities: Entity[] = [];
  const crossReferences: CrossReference[] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      const entity = readEntity(row);
      row.entity = entity;
      if (entity) entities.push(entity);
    }
    for (const row of table.rows) crossReferences.push(...readCrossReferences(row));
  }

  const entityById = new Map<string, Entity>();
  for (const entity of entities) {
    if (!entityById.has(entity.id)) entityById.set(entity.id, entity);
  }

  return {
    filePath: options.filePath ?? "<text>",
    text,
    hasBom,
    ...(options.invalidUtf8 ? { invalidUtf8: options.invalidUtf8 } : {}),
    root,
    title,
    headings,
    sections,
    tables,
    entities,
    entityById,
    crossReferences,
    fragmentLinks,
    anchors,
    diagrams,
    section: (kind: SectionKind) => sections.find((section) => section.kind === kind),
    pointAt: (offset: number) => lines.pointAt(offset),
    rangeOf: (start: number, end: number) => lines.rangeOf(start, end),
  };
}

/** Tells whether a heading ends a nested section: it is at the section's level or higher. */
function endsNestedSection(heading: Heading, section: Section | undefined): boolean {
  if (!section || section.heading.depth <= 2) return false;
  return heading.depth <= section.heading.depth;
}

/** Lists the section kinds that some heading of level 1 or 2 at the top level names. */
function topLevelSectionKinds(root: Root, vocabulary: Vocabulary): Set<SectionKind> {
  const kinds = new Set<SectionKind>();
  for (const block of root.children) {
    if (block.type !== "heading" || block.depth > 2) continue;
    const kind = vocabulary.sectionKind(headingText(block).trim());
    if (kind !== undefined) kinds.add(kind);
  }
  return kinds;
}

function headingInfo(node: Heading, slugger: GithubSlugger): HeadingInfo {
  const text = headingText(node).trim();
  return { depth: node.depth, text, slug: slugger.slug(headingSlugSource(node)), range: requireRange(node), node };
}

function extend(section: Section, node: Nodes): void {
  const range = requireRange(node, section.range);
  if (range.end.offset > section.range.end.offset) section.range = { start: section.range.start, end: range.end };
}

function isFenced(node: Code, text: string): boolean {
  const offset = node.position?.start.offset;
  if (offset === undefined) return false;
  const first = text.charAt(offset);
  return first === "`" || first === "~";
}

function codeDiagram(node: Code, section: Section | undefined): Diagram {
  return { kind: "code", lang: node.lang ?? undefined, value: node.value, section, range: requireRange(node) };
}

function imageDiagram(node: Image, section: Section | undefined): Diagram {
  return { kind: "image", lang: node.url, value: node.alt ?? "", section, range: requireRange(node) };
}

function htmlImage(node: Html, section: Section | undefined): Diagram | undefined {
  if (!/<img\b/i.test(node.value)) return undefined;
  const image = scanTags(node.value).find((tag) => tag.name === "img" && !tag.closing);
  if (!image) return undefined;
  return {
    kind: "image",
    lang: image.attributes.get("src"),
    value: image.attributes.get("alt") ?? "",
    section,
    range: requireRange(node),
  };
}

function collectHtmlAnchors(node: Html, anchors: Anchor[]): void {
  if (!/\b(?:id|name)\s*=/i.test(node.value)) return;
  const range = requireRange(node);
  for (const tag of scanTags(node.value)) {
    if (tag.closing) continue;
    const id = tag.attributes.get("id");
    if (id) anchors.push({ name: id, kind: "html-id", range });
    const name = tag.attributes.get("name");
    if (name && tag.name === "a") anchors.push({ name, kind: "html-name", range });
  }
}

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

function buildTable(
  node: MdastTable,
  section: Section | undefined,
  nearest: HeadingInfo | undefined,
  vocabulary: Vocabulary,
  source: string,
  lines: LineIndex,
): Table {
  const [headerNode, ...rowNodes] = node.children;
  const headerNames = (headerNode?.children ?? []).map((cell) => readCell(cell).text);
  const { kind, recognisedBy } = tableKind(headerNames, section, nearest, vocabulary);

  const columns: Column[] = (headerNode?.children ?? []).map((cell, index) => ({
    name: headerNames[index] ?? "",
    role: kind === undefined ? undefined : vocabulary.columnRole(kind, headerNames[index] ?? ""),
    index,
    range: cellValueRange(cell, source, lines),
  }));
  const byRole = new Map<string, Column>();
  for (const column of columns) {
    if (column.role !== undefined && !byRole.has(column.role)) byRole.set(column.role, column);
  }

  const table: Table = {
    kind,
    recognisedBy,
    section,
    heading: nearest !== undefined && section !== undefined && nearest.range.start.offset >= section.heading.range.start.offset ? nearest : undefined,
    columns,
    header: undefined as unknown as Row,
    rows: [],
    range: requireRange(node),
    node,
    column: (role: string) => byRole.get(role),
  };
  if (headerNode) table.header = buildRow(headerNode, table, 0, source, lines);
  table.rows = rowNodes.map((rowNode, index) => buildRow(rowNode, table, index + 1, source, lines));
  return table;
}

function tableKind(
  headerNames: string[],
  section: Section | undefined,
  nearest: HeadingInfo | undefined,
  vocabulary: Vocabulary,
): { kind: TableKind | undefined; recognisedBy: Table["recognisedBy"] } {
  const byColumns = vocabulary.kindFromColumns(headerNames);
  const fromSection = section ? SECTION_TABLE_KIND[section.kind] : undefined;
  const fromHeading = nearest ? vocabulary.subsectionTableKind(nearest.text) : undefined;
  const byHeading = fromHeading ?? fromSection;

  // The heading names the kind, unless the columns say the table is something else: a
  // STRIDE summary under Residual Threats is not a residual-threats table.
  if (byHeading !== undefined) {
    if (byColumns === byHeading) return { kind: byHeading, recognisedBy: "heading" };
    const first = headerNames[0] ?? "";
    if (byColumns === undefined && vocabulary.columnRole(byHeading, first) !== undefined) {
      const role = vocabulary.columnRole(byHeading, first);
      const expectsId = byHeading !== "entities" && byHeading !== "threat-sources";
      if (!expectsId || role === "id") return { kind: byHeading, recognisedBy: "heading" };
    }
  }
  if (byColumns !== undefined) return { kind: byColumns, recognisedBy: "columns" };
  return { kind: undefined, recognisedBy: undefined };
}

interface RowWithPieces extends Row {
  pieces: Piece[][];
}

function buildRow(node: MdastTable["children"][number], table: Table, index: number, source: string, lines: LineIndex): Row {
  const pieces: Piece[][] = [];
  const cells: Cell[] = node.children.map((cellNode, cellIndex) => {
    const content = readCell(cellNode);
    pieces.push(content.pieces);
    const range = cellValueRange(cellNode, source, lines);
    return {
      text: content.text,
      raw: source.slice(range.start.offset, range.end.offset).trim(),
      links: content.links,
      html: content.html,
      range,
      index: cellIndex,
      node: cellNode,
    };
  });
  const row: RowWithPieces = { cells, range: requireRange(node), index, table, entity: undefined, node, pieces };
  return row;
}

/**
 * Returns the range of a cell's value, from the start of its first child node to the end of
 * its last. remark's own cell position starts at the pipe before the cell and includes the
 * padding, so an editor would underline from the pipe. An empty cell has no children and
 * gets the padding between its pipes, which may be empty.
 */
function cellValueRange(cell: TableCell, source: string, lines: LineIndex): Range {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  const start = first ? rangeOfNode(first) : undefined;
  const end = last ? rangeOfNode(last) : undefined;
  if (start && end) return { start: start.start, end: end.end };

  const whole = requireRange(cell);
  let startOffset = whole.start.offset;
  let endOffset = whole.end.offset;
  if (source.charAt(startOffset) === "|") startOffset++;
  if (endOffset > startOffset && source.charAt(endOffset - 1) === "|") endOffset--;
  return lines.rangeOf(startOffset, endOffset);
}

// ---------------------------------------------------------------------------
// Entities and cross-references
// ---------------------------------------------------------------------------

function readEntity(row: Row): Entity | undefined {
  const table = row.table;
  if (table.kind === undefined) return undefined;
  const kind = TABLE_ENTITY_KIND[table.kind];
  if (kind === undefined) return undefined;

  const idColumn = kind === "dataflow-entity" ? table.column("entity") : table.column("id");
  const idCell = row.cells[idColumn?.index ?? 0];
  if (!idCell) return undefined;

  // The anchor, if any: `<a name="T-0001"></a>` or `<a id="T-0001"></a>`.
  let anchor: string | undefined;
  for (const fragment of idCell.html) {
    for (const tag of scanTags(fragment.value)) {
      const name = tag.closing ? undefined : (tag.attributes.get("id") ?? (tag.name === "a" ? tag.attributes.get("name") : undefined));
      if (name) anchor ??= name;
    }
  }

  const firstLine = idCell.text.split("\n")[0]?.trim() ?? "";
  const id = (firstLine || anchor || "").replace(/[:.]$/, "");
  if (id === "") return undefined;
  if (isWrappedCellTail(row, kind, id)) return undefined;

  let idForm: IdForm = "bare";
  if (anchor !== undefined) idForm = "anchor";
  else if (idCell.links.some((link) => link.fragment === id)) idForm = "self-link";

  const statementRole = STATEMENT_ROLE[table.kind];
  const statementColumn = statementRole === undefined ? undefined : table.column(statementRole);
  const statementRaw = statementColumn === undefined ? "" : (row.cells[statementColumn.index]?.text ?? "");
  const statement = kind === "threat" ? threatStatement(statementRaw) : statementRaw;

  return { id, kind, idForm, anchor, statement, statementRaw, row, idCell, range: idCell.range };
}

/**
 * Tells whether a row is the tail of a cell wrapped onto the next source line: GFM ends a
 * row at the line end, so `and downtime |` becomes a one-cell row. Such a row names no
 * entity, in tables whose IDs carry a prefix.
 */
function isWrappedCellTail(row: Row, kind: EntityKind, id: string): boolean {
  if (ID_PREFIX[kind] === undefined) return false;
  if (row.cells.length !== 1 || row.table.columns.length < 2) return false;
  const firstWord = id.split(/\s/)[0] ?? "";
  return kindOfId(firstWord) === undefined && !/^[A-Za-z]{1,3}-?\d/.test(firstWord);
}

/** Tells whether a link points at an entity ID such as `#T-0001`. */
export function isEntityLink(link: MarkdownLink): boolean {
  return link.fragment !== undefined && (PREFIXED_ID.test(link.fragment) || kindOfId(link.fragment) !== undefined);
}

function readCrossReferences(row: Row): CrossReference[] {
  const references: CrossReference[] = [];
  const pieces = (row as RowWithPieces).pieces;
  const entity = row.entity;

  row.cells.forEach((cell, index) => {
    const cellPieces = pieces[index] ?? [];
    for (const { link, quote, quoteRange } of linksWithQuotes(cellPieces, isEntityLink)) {
      const targetId = link.fragment ?? "";
      // The link in a row's own ID cell names the row; it is not a reference.
      if (entity && cell === entity.idCell && targetId === entity.id) continue;
      references.push({
        targetId,
        targetKind: kindOfId(targetId),
        quote,
        link,
        quoteRange,
        cell,
        column: row.table.columns[index],
        row,
        source: entity,
      });
    }
  });
  return references;
}

/** A range covering a list of ranges, or undefined when the list is empty. */
export function spanOf(ranges: readonly Range[]): Range | undefined {
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return undefined;
  return { start: first.start, end: last.end };
}
