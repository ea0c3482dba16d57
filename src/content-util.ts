/**
 * Helpers shared by the content rules: which columns hold cross-references, how a quoted
 * statement compares with its target, and where a word found in a text node sits in the file.
 */

import type { PhrasingContent } from "mdast";
import type { Column, Entity, EntityKind, Range, Table, TableKind, ThreatModel } from "./types.js";
import { isLineBreakHtml, rangeOfNode, walkPhrasing } from "./parse/cells.js";

/** Entity kinds whose rows hold a statement or text that a cross-reference quotes. */
export const QUOTED_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>(["assumption", "threat", "mitigation", "asset"]);

/** Entity kinds whose rows are linked as `[**X-0001**](#X-0001)` and so need an anchor. */
export const LINKED_KINDS: ReadonlySet<EntityKind> = new Set<EntityKind>([
  "assumption",
  "threat",
  "mitigation",
  "asset",
  "control",
  "residual-threat",
]);

/** The columns that list cross-references, per table kind, with the entity kind each one links. */
export const LINK_COLUMNS: Partial<Record<TableKind, Readonly<Record<string, EntityKind>>>> = {
  assumptions: { "linked-threats": "threat", "linked-mitigations": "mitigation" },
  threats: { mitigations: "mitigation", assumptions: "assumption" },
  mitigations: { "threats-mitigating": "threat", assumptions: "assumption" },
  "impacted-assets": { "related-threats": "threat" },
  "existing-controls": { "threats-addressed": "threat" },
  "residual-threats": { "current-control-gaps": "control", "recommended-mitigation": "mitigation" },
};

/** Returns the entity kind a column lists links to, or undefined for other columns. */
export function linkColumnKind(table: Table, column: Column | undefined): EntityKind | undefined {
  if (table.kind === undefined || column?.role === undefined) return undefined;
  return LINK_COLUMNS[table.kind]?.[column.role];
}

// ---------------------------------------------------------------------------
// Statements and quotes
// ---------------------------------------------------------------------------

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Decodes the HTML character references an export may leave in text: `&lt;`, `&#39;`, `&#x26;`. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Normalises a statement for comparison: HTML character references decoded, Markdown
 * backslash escapes (`\(`, `\/`) removed, whitespace collapsed, case folded and a
 * trailing `.` or `;` dropped.
 */
export function normaliseStatement(text: string): string {
  const flat = decodeEntities(text)
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/\s+/g, " ");
  // A loop, not a regex anchored at the end, so that a long run of dots stays linear.
  let end = flat.length;
  while (end > 0 && " .;".includes(flat.charAt(end - 1))) end--;
  return flat.slice(0, end).trim().toLowerCase();
}

/** Counts the words of a text. */
export function wordCount(text: string): number {
  const words = text.trim().split(/\s+/);
  return words[0] === "" ? 0 : words.length;
}

/** The result of comparing the quote after a cross-reference with the target's statement. */
export type QuoteFit =
  /** The quote is the statement, up to whitespace, escapes, entities and case. */
  | "same"
  /** Nothing follows the link. */
  | "missing"
  /** Less than half the statement's words: a short label in place of the statement. */
  | "label"
  /** As long as a statement, but a different text: a stale copy or another entity's statement. */
  | "different";

/** Returns the texts a quote of this entity may equal: the statement, and for threats the whole cell. */
export function quotableTexts(entity: Entity): string[] {
  return entity.statementRaw !== entity.statement ? [entity.statement, entity.statementRaw] : [entity.statement];
}

/** Classifies the quote of a cross-reference against the statement of its target. */
export function quoteFit(quote: string, target: Entity): QuoteFit {
  if (quote.trim() === "") return "missing";
  const normalised = normaliseStatement(quote);
  if (normalisedQuotableTexts(target).includes(normalised)) return "same";
  return wordCount(quote) * 2 < wordCount(target.statement) ? "label" : "different";
}

/** `quotableTexts` normalised, kept per entity: an entity is quoted once for every link to it. */
const normalisedByEntity = new WeakMap<Entity, string[]>();

function normalisedQuotableTexts(entity: Entity): string[] {
  let texts = normalisedByEntity.get(entity);
  if (!texts) {
    texts = quotableTexts(entity).map(normaliseStatement);
    normalisedByEntity.set(entity, texts);
  }
  return texts;
}

/** Shortens a text for a message: whitespace collapsed, cut at a word boundary with `…`. */
export function excerpt(text: string, maxLength = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength);
  const space = cut.lastIndexOf(" ");
  return `${space > maxLength / 2 ? cut.slice(0, space) : cut}…`;
}

// ---------------------------------------------------------------------------
// Text runs: literal text with the node that contains it
// ---------------------------------------------------------------------------

/** A piece of phrasing content in reading order: literal text, inline code, or a line break. */
export interface TextRun {
  kind: "text" | "code" | "break";
  value: string;
  range: Range | undefined;
  /** True when the node's source is exactly its value, so an index into the value is an offset. */
  exact: boolean;
}

/**
 * Lists the text, inline code and line breaks of phrasing content in reading order. Link
 * texts and emphasis are entered; other inline HTML and images are skipped.
 */
export function textRuns(model: ThreatModel, children: readonly PhrasingContent[]): TextRun[] {
  const runs: TextRun[] = [];
  walkPhrasing(children, (node) => {
    switch (node.type) {
      case "text":
      case "inlineCode": {
        const range = rangeOfNode(node);
        // Escapes, character references and the `\|` of a code span in a table make the
        // source longer than the value. Such a node is reported as a whole.
        const exact = range !== undefined && model.text.slice(range.start.offset, range.end.offset) === node.value;
        runs.push({ kind: node.type === "text" ? "text" : "code", value: node.value, range, exact });
        return false;
      }
      case "break":
        runs.push({ kind: "break", value: "\n", range: rangeOfNode(node), exact: false });
        return false;
      case "html":
        if (isLineBreakHtml(node)) runs.push({ kind: "break", value: "\n", range: rangeOfNode(node), exact: false });
        return false;
      case "link":
        // The link text is read as the text around it.
        return true;
      case "image":
        return false;
    }
  });
  return runs;
}

/**
 * Returns the range of `value.slice(start, end)` inside a run. It is exact when the run's
 * source equals its value, and otherwise the whole run, since offsets inside an escaped node
 * are not known.
 */
export function rangeInRun(model: ThreatModel, run: TextRun, start: number, end: number): Range | undefined {
  if (!run.range) return undefined;
  if (!run.exact) return run.range;
  const base = run.range.start.offset;
  return model.rangeOf(base + start, base + end);
}

/** Returns the prose of phrasing content: text runs joined, inline code left out, breaks as spaces. */
export function proseOf(model: ThreatModel, children: readonly PhrasingContent[]): string {
  return textRuns(model, children)
    .map((run) => (run.kind === "text" ? run.value : " "))
    .join("");
}
