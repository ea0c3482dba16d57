/**
 * Shared types: source positions, diagnostics, the document model and the rule API.
 *
 * Positions follow unist: `line` is 1-based, `column` is 1-based and counts UTF-16 code
 * units, `offset` is the 0-based UTF-16 index into the text after a leading BOM is removed.
 */

import type { Node as JsonNode } from "jsonc-parser";
import type { Root, TableCell, Table as MdastTable, TableRow, Heading, Nodes } from "mdast";

export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Point;
  end: Point;
}

export type Severity = "error" | "warning";

/** A severity as written in presets and configuration files. */
export type SeveritySetting = "off" | "warn" | "error";

/** A text edit: replace the source between two offsets with `text`. */
export interface Fix {
  range: { start: number; end: number };
  text: string;
}

/** A second place that explains a diagnostic, such as "first defined here". */
export interface RelatedLocation {
  message: string;
  range: Range;
  /** Another file, when the related place is not in the linted one. */
  filePath?: string;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  messageId?: string;
  range: Range;
  related?: RelatedLocation[];
  fix?: Fix;
}

// ---------------------------------------------------------------------------
// The document model
// ---------------------------------------------------------------------------

export type SectionKind =
  | "application-info"
  | "architecture"
  | "dataflow"
  | "assumptions"
  | "threats"
  | "mitigations"
  | "impacted-assets"
  | "existing-controls"
  | "residual-threats"
  | "well-architected";

export type TableKind =
  | "assumptions"
  | "threats"
  | "mitigations"
  | "impacted-assets"
  | "existing-controls"
  | "residual-threats"
  | "entities"
  | "data-flows"
  | "trust-boundaries"
  | "threat-sources";

/** Entity kinds keyed by ID prefix; dataflow entities have names, not IDs. */
export type EntityKind =
  | "assumption"
  | "threat"
  | "mitigation"
  | "asset"
  | "control"
  | "residual-threat"
  | "data-flow"
  | "trust-boundary"
  | "dataflow-entity";

/** How the ID cell of a row names its entity. */
export type IdForm =
  /** `<a name="T-0001"></a>T-0001` or `<a id="T-0001"></a>…`: GitHub renders a target. */
  | "anchor"
  /** `[**T-0001**](#T-0001)` alone: a link to itself, with no target on GitHub. */
  | "self-link"
  /** `T-0001` or `**T-0001**`: no link, no anchor. */
  | "bare";

export interface MarkdownLink {
  /** The URL as written, e.g. `#T-0001` or `https://…`. */
  url: string;
  /** The fragment after `#`, percent-decoded; undefined when the URL has none. */
  fragment: string | undefined;
  /** The link text, as plain text. */
  text: string;
  range: Range;
}

export interface HtmlFragment {
  value: string;
  range: Range;
}

export interface Cell {
  /** Plain text with `<br>` tags read as `\n`, other inline HTML left out, escapes resolved. */
  text: string;
  /** The cell's source text (between its pipes, trimmed). */
  raw: string;
  links: MarkdownLink[];
  html: HtmlFragment[];
  /** The range of the value, without the pipes and padding. For an empty cell, it is the padding between its pipes. */
  range: Range;
  /** 0-based index in its row. */
  index: number;
  node: TableCell;
}

export interface Column {
  /** The header text as written. */
  name: string;
  /** Canonical role such as `id`, `threat`, `mitigations`, `priority`; undefined when unknown. */
  role: string | undefined;
  index: number;
  /** The range of the header text, without the pipes and padding. */
  range: Range;
}

export interface Row {
  cells: Cell[];
  range: Range;
  /** 1-based row number below the header. */
  index: number;
  table: Table;
  entity: Entity | undefined;
  node: TableRow;
}

export interface Table {
  kind: TableKind | undefined;
  /** How the kind was found: by the heading or section it sits under, or by its columns. */
  recognisedBy: "heading" | "columns" | undefined;
  section: Section | undefined;
  /** The nearest heading above the table inside its section, if any. */
  heading: HeadingInfo | undefined;
  columns: Column[];
  header: Row;
  rows: Row[];
  range: Range;
  node: MdastTable;
  /** Looks a column up by its canonical role. */
  column(role: string): Column | undefined;
}

export interface Entity {
  /** The ID as written, e.g. `T-0001`, `DF1`, or the entity name in the Entities table. */
  id: string;
  kind: EntityKind;
  idForm: IdForm;
  /** The name of the `<a id|name>` anchor in the ID cell, when there is one. */
  anchor: string | undefined;
  /** The main text: the statement, content, name or description. */
  statement: string;
  /** The Threat cell before its evidence prefix was removed (threats only). */
  statementRaw: string;
  row: Row;
  idCell: Cell;
  range: Range;
}

export interface CrossReference {
  /** The target as linked, e.g. `T-0001`. */
  targetId: string;
  /** The kind implied by the target's prefix; undefined for unknown prefixes. */
  targetKind: EntityKind | undefined;
  /** The text after the link up to the next line break, without its leading `:`. */
  quote: string;
  link: MarkdownLink;
  /** Position of the quoted text, when there is one. */
  quoteRange: Range | undefined;
  cell: Cell;
  column: Column | undefined;
  row: Row;
  /** The entity whose row holds the link. */
  source: Entity | undefined;
}

export interface Anchor {
  name: string;
  kind: "heading" | "html-id" | "html-name";
  range: Range;
}

export interface Diagram {
  kind: "code" | "image";
  /** The fence's info string, or the image URL. */
  lang: string | undefined;
  value: string;
  section: Section | undefined;
  range: Range;
}

export interface HeadingInfo {
  depth: number;
  text: string;
  slug: string;
  range: Range;
  node: Heading;
}

export interface Section {
  kind: SectionKind;
  /** The section heading, at level 1 or 2. A nested section's heading is deeper, and no heading of level 1 or 2 has its title. */
  heading: HeadingInfo;
  /** Headings below the section heading that belong to it (sub-sections and pasted headings). */
  subheadings: HeadingInfo[];
  tables: Table[];
  diagrams: Diagram[];
  /** Top-level block nodes up to the next section heading, or for a nested section up to the next heading of its level or higher. */
  nodes: Nodes[];
  range: Range;
}

/** The location of the first invalid UTF-8 sequence of a file, in its bytes and in its decoded text. */
export interface InvalidUtf8 {
  /** The 0-based offset in the file of the first byte of the invalid sequence. */
  byteOffset: number;
  /** The 0-based UTF-16 index, in the text after a leading BOM is removed, of the U+FFFD that replaced the sequence. */
  offset: number;
}

export interface ThreatModel {
  filePath: string;
  /** The source text without a leading BOM. */
  text: string;
  hasBom: boolean;
  /** The first invalid UTF-8 sequence of the bytes the text was decoded from; absent for valid UTF-8, or when the caller passed none. */
  invalidUtf8?: InvalidUtf8;
  root: Root;
  /** The first level-1 heading. */
  title: HeadingInfo | undefined;
  headings: HeadingInfo[];
  sections: Section[];
  tables: Table[];
  /** Entities in document order; several can share an ID. */
  entities: Entity[];
  /** The first entity for each ID. */
  entityById: Map<string, Entity>;
  crossReferences: CrossReference[];
  /** Every link in the document whose URL starts with `#`. */
  fragmentLinks: MarkdownLink[];
  anchors: Anchor[];
  diagrams: Diagram[];
  /** Looks up a section by kind. */
  section(kind: SectionKind): Section | undefined;
  /** Makes a position from an offset into `text`. */
  pointAt(offset: number): Point;
  /** Makes a range from two offsets into `text`. */
  rangeOf(start: number, end: number): Range;
}

// ---------------------------------------------------------------------------
// The rule API
// ---------------------------------------------------------------------------

export type MessageData = Record<string, string | number>;

export interface ReportDescriptor<MessageIds extends string> {
  messageId: MessageIds;
  data?: MessageData;
  range: Range;
  related?: RelatedLocation[];
  fix?: Fix;
}

export interface RuleContext<Options, MessageIds extends string> {
  model: ThreatModel;
  /** The rule's options with its defaults applied. */
  options: Options;
  /** The severity the rule runs at, for rules that word a message differently. */
  severity: Severity;
  report(descriptor: ReportDescriptor<MessageIds>): void;
  /** Reads another file, for rules that compare two files; absent when the caller gives no file access. */
  readFile?: FileReader;
}

/** Returns a file's text, or undefined when it does not exist or cannot be read. */
export type FileReader = (path: string) => string | undefined;

/** The context of a rule whose `meta.language` is `tc-json`: the parsed file instead of a Markdown model. */
export interface JsonRuleContext<Options, MessageIds extends string> {
  json: TcJsonDocument;
  options: Options;
  severity: Severity;
  report(descriptor: ReportDescriptor<MessageIds>): void;
}

/** A segment of a path into a JSON value: a property name or an array index. */
export type JsonPathSegment = string | number;

/** A ThreatComposer `.tc.json` file parsed with positions. */
export interface TcJsonDocument {
  filePath: string;
  /** The source text without a leading BOM. */
  text: string;
  hasBom: boolean;
  /** The first invalid UTF-8 sequence of the bytes the text was decoded from; absent for valid UTF-8, or when the caller passed none. */
  invalidUtf8?: InvalidUtf8;
  /** The syntax tree; undefined when the text holds no JSON value at all. */
  root: JsonNode | undefined;
  /** The parsed value; undefined when the text is not valid JSON. */
  value: unknown;
  /** JSON syntax errors, each at its position; empty for valid JSON. */
  syntaxErrors: { message: string; range: Range }[];
  /** Makes a position from an offset into `text`. */
  pointAt(offset: number): Point;
  /** Makes a range from two offsets into `text`. */
  rangeOf(start: number, end: number): Range;
  /**
   * The range of the value at `path`; of its property name when `part` is `"key"`; of its
   * first character (`{` of an object) when `part` is `"start"`. A path that does not exist
   * gives the range of its nearest existing ancestor.
   */
  rangeAt(path: readonly JsonPathSegment[], part?: "key" | "value" | "start"): Range;
}

/** What a rule checks: Markdown documents or ThreatComposer JSON files. */
export type RuleLanguage = "markdown" | "tc-json";

export interface RuleMeta<Options, MessageIds extends string> {
  id: string;
  /** One imperative sentence: "Require …" or "Disallow …". */
  description: string;
  docsUrl: string;
  defaultSeverity: Severity;
  fixable?: boolean;
  language?: RuleLanguage;
  /** JSON schema for the options object; `additionalProperties: false`. */
  schema: object;
  defaultOptions: Options;
  messages: Record<MessageIds, string>;
}

export interface Rule<Options = unknown, MessageIds extends string = string> {
  meta: RuleMeta<Options, MessageIds>;
  /** Checks a Markdown document; a no-op for `tc-json` rules, which the engine never runs on Markdown. */
  check(context: RuleContext<Options, MessageIds>): void;
  /**
   * Checks a ThreatComposer file. Every `tc-json` rule has it, and a Markdown rule may have it
   * too when its check applies to both kinds of file, as `text-encoding` does.
   */
  checkJson?(context: JsonRuleContext<Options, MessageIds>): void;
}

/** A rule with its types erased, as the engine and the registry hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, string>;

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>];

/** A preset: a name and a plain table of rule settings. */
export interface Preset {
  name: string;
  description: string;
  rules: Record<string, RuleSetting>;
}

export interface LintResult {
  filePath: string;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Set when the file could not be read or parsed at all. */
  fatal?: string;
  /** The source text, for formatters that quote it; absent when the file was not read. */
  source?: string;
}
