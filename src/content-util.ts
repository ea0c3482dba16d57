/**
 * Helpers shared by the content rules: which columns hold cross-references, how a quoted
 * statement compares with its target, which other entity a quote matches better, and where a
 * word found in a text node sits in the file.
 */

import type { PhrasingContent } from "mdast";
import type { Column, CrossReference, Entity, EntityKind, Range, Table, TableKind, ThreatModel } from "./types.js";
import { entitiesOf } from "./model-util.js";
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
// Matching a quote against every entity of a kind
// ---------------------------------------------------------------------------

/** Matchers per model and entity kind, so that both cross-reference rules share one index per document. */
const matchersByModel = new WeakMap<ThreatModel, Map<EntityKind, Matcher>>();

/**
 * Returns the entity whose statement the quote after a cross-reference matches clearly better
 * than the linked target's, which makes the link mis-numbered. Returns undefined when the quote
 * is empty or equals the target's statement, when no entity leads clearly, and when the target
 * is of another kind than the link's column lists.
 */
export function misnumberedMatch(model: ThreatModel, reference: CrossReference, target: Entity): Entity | undefined {
  if (reference.targetKind !== target.kind) return undefined;
  const fit = quoteFit(reference.quote, target);
  if (fit === "same" || fit === "missing") return undefined;

  let matchers = matchersByModel.get(model);
  if (!matchers) matchersByModel.set(model, (matchers = new Map()));
  let matcher = matchers.get(target.kind);
  if (!matcher) matchers.set(target.kind, (matcher = new Matcher(model, target.kind)));
  return matcher.betterMatch(reference, target);
}

const STOP_WORDS = new Set(
  (
    "a an the of to in on for and or nor with by via from into onto is are be been being can could which lead leads leading " +
    "result resulting results who whom whose that this these those it its as at not no any all if when while than then so " +
    "such their there them they he she his her our your my we you do does did has have had was were will would should may " +
    "might must also only even more most other others eg etc per each every both either about after before over under up " +
    "down out off without within through during against between among because since until upon"
  ).split(" "),
);

/** Reduces a word to a rough stem, so that `bypasses` and `bypass` agree. */
function stem(word: string): string {
  for (const suffix of ["ing", "ed", "es", "s", "e"]) {
    if (word.length - suffix.length >= 3 && word.endsWith(suffix)) return word.slice(0, -suffix.length);
  }
  return word;
}

/** Returns the content words of a text, stemmed, in order. */
function contentWords(text: string): string[] {
  return normaliseStatement(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 2 && !STOP_WORDS.has(word) && !/^\d+$/.test(word))
    .map(stem);
}

/** Words and pairs of neighbouring words: the features two texts are compared on. */
function features(text: string): Set<string> {
  const words = contentWords(text);
  const result = new Set(words);
  for (let i = 1; i < words.length; i++) result.add(`${words[i - 1]} ${words[i]}`);
  return result;
}

/** A bonus for an entity that links back to the row holding the quote. */
const RECIPROCAL_BONUS = 0.2;
/** The minimum share of the quote a different entity must match before the link is called mis-numbered. */
const MIN_MATCH = 0.2;
/** How far the other entity's score must exceed the linked target's, added and as a factor. */
const MIN_LEAD = 0.2;
const MIN_RATIO = 2;
/** How far the best entity must lead the runner-up; a tie names no entity, so nothing is reported. */
const MIN_MARGIN = 0.1;

/** The quotes that other rows write after their links to one entity. */
interface Labels {
  /** How many quotes contain each feature. */
  counts: Map<string, number>;
  /** How many non-empty quotes there are. */
  quotes: number;
}

/**
 * Scores quotes against the entities of one kind. A quote's feature is found in an entity
 * when the entity's statement contains it, or partly when the quotes other rows write after
 * links to that entity contain it. There it counts by the share of those quotes, so one
 * mis-numbered link among four lends its words to the wrong entity at a quarter of their
 * weight. Rare features weigh more.
 */
class Matcher {
  private readonly entities: Entity[];
  private readonly exact = new Map<string, Entity>();
  private readonly statementFeatures = new Map<Entity, Set<string>>();
  private readonly labels = new Map<Entity, Labels>();
  private readonly documentFrequency = new Map<string, number>();
  private readonly linksBack = new Set<string>();

  constructor(model: ThreatModel, kind: EntityKind) {
    this.entities = entitiesOf(model, kind).filter((entity) => model.entityById.get(entity.id) === entity);
    for (const entity of this.entities) {
      for (const text of quotableTexts(entity)) {
        const key = normaliseStatement(text);
        if (key !== "" && !this.exact.has(key)) this.exact.set(key, entity);
      }
      this.statementFeatures.set(entity, features(entity.statement));
      this.labels.set(entity, { counts: new Map(), quotes: 0 });
    }
    for (const reference of model.crossReferences) {
      if (reference.source) this.linksBack.add(`${reference.source.id}\u0000${reference.targetId}`);
      const target = model.entityById.get(reference.targetId);
      const labels = target === undefined ? undefined : this.labels.get(target);
      if (!labels || reference.quote.trim() === "") continue;
      labels.quotes++;
      for (const feature of features(reference.quote)) labels.counts.set(feature, (labels.counts.get(feature) ?? 0) + 1);
    }
    for (const entity of this.entities) {
      const seen = new Set([...(this.statementFeatures.get(entity) ?? []), ...(this.labels.get(entity)?.counts.keys() ?? [])]);
      for (const feature of seen) this.documentFrequency.set(feature, (this.documentFrequency.get(feature) ?? 0) + 1);
    }
  }

  /** Returns the entity the quote matches clearly better than the linked target, if any. */
  betterMatch(reference: CrossReference, target: Entity): Entity | undefined {
    const exact = this.exact.get(normaliseStatement(reference.quote));
    if (exact !== undefined) return exact === target ? undefined : exact;

    const quoteFeatures = features(reference.quote);
    if (quoteFeatures.size === 0) return undefined;
    const targetScore = this.share(quoteFeatures, target, true) + this.bonus(target, reference);
    let best: Entity | undefined;
    let bestShare = 0;
    let bestScore = 0;
    let runnerUpScore = 0;
    for (const entity of this.entities) {
      if (entity === target) continue;
      const share = this.share(quoteFeatures, entity, false);
      const score = share + this.bonus(entity, reference);
      if (score > bestScore) {
        runnerUpScore = bestScore;
        best = entity;
        bestShare = share;
        bestScore = score;
      } else if (score > runnerUpScore) {
        runnerUpScore = score;
      }
    }
    const clear =
      bestShare >= MIN_MATCH &&
      bestScore >= targetScore + MIN_LEAD &&
      bestScore >= targetScore * MIN_RATIO &&
      bestScore >= runnerUpScore + MIN_MARGIN;
    return clear ? best : undefined;
  }

  /**
   * Computes the weighted share of the quote's features found in an entity. For the linked
   * target, the quote being judged is left out of the target's labels.
   */
  private share(quoteFeatures: Set<string>, entity: Entity, isTarget: boolean): number {
    const statement = this.statementFeatures.get(entity);
    const labels = this.labels.get(entity);
    const otherQuotes = (labels?.quotes ?? 0) - (isTarget ? 1 : 0);
    let found = 0;
    let total = 0;
    for (const feature of quoteFeatures) {
      const weight = Math.log(1 + this.entities.length / Math.max(1, this.documentFrequency.get(feature) ?? 0));
      total += weight;
      if (statement?.has(feature)) {
        found += weight;
      } else if (otherQuotes > 0) {
        const count = (labels?.counts.get(feature) ?? 0) - (isTarget ? 1 : 0);
        found += (weight * Math.max(0, count)) / otherQuotes;
      }
    }
    return total === 0 ? 0 : found / total;
  }

  private bonus(entity: Entity, reference: CrossReference): number {
    const reciprocal = reference.source !== undefined && this.linksBack.has(`${entity.id}\u0000${reference.source.id}`);
    return reciprocal ? RECIPROCAL_BONUS : 0;
  }
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
