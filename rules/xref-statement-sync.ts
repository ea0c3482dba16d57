/**
 * Requires the statement quoted after a cross-reference to match the target's current text,
 * ignoring whitespace, Markdown escapes, HTML character references and case. A quote that
 * matches a different entity better than the linked one is a mis-numbered link, and the
 * message names the entity it matches. A statement-length quote that matches no other entity
 * is a stale copy, and the message shows where the two texts part.
 *
 * Short labels in place of statements are xref-full-statement's finding; this rule reads
 * them only to catch mis-numbering.
 */

import { defineRule } from "../src/rule.js";
import { QUOTED_KINDS, excerpt, normaliseStatement, quotableTexts, quoteFit } from "../src/content-util.js";
import { entitiesOf, entityTitle } from "../src/model-util.js";
import { STATEMENT_ROLE } from "../src/parse/vocabulary.js";
import type { CrossReference, Entity, EntityKind, Range, ThreatModel } from "../src/types.js";

export default defineRule<Record<string, never>, "misnumbered" | "drift">({
  meta: {
    id: "xref-statement-sync",
    description: "Require the statement quoted after a cross-reference to match the target's current text.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      misnumbered:
        "Quote after `{{id}}` reads `{{quote}}`, which matches {{kind}} `{{match}}`, not `{{id}}`; link `{{match}}` instead or quote the statement of `{{id}}`.",
      drift:
        "Quote after `{{id}}` differs from the current statement of `{{id}}`: quoted `{{quoted}}`, current `{{current}}`; copy the current statement.",
    },
  },

  check({ model, report }) {
    const matchers = new Map<EntityKind, Matcher>();

    for (const reference of model.crossReferences) {
      if (reference.column?.role === "id") continue;
      const kind = reference.targetKind;
      if (kind === undefined || !QUOTED_KINDS.has(kind)) continue;
      const target = model.entityById.get(reference.targetId);
      // A missing target is xref-target-exists's finding; another kind under the same ID is id-format's.
      if (!target || target.kind !== kind || target.statement.trim() === "") continue;

      const fit = quoteFit(reference.quote, target);
      if (fit === "same" || fit === "missing") continue;

      let matcher = matchers.get(kind);
      if (!matcher) matchers.set(kind, (matcher = new Matcher(model, kind)));
      const range: Range = { start: reference.link.range.start, end: (reference.quoteRange ?? reference.link.range).end };

      const match = matcher.betterMatch(reference, target);
      if (match) {
        report({
          messageId: "misnumbered",
          data: { id: target.id, quote: excerpt(reference.quote), kind: entityTitle(kind).toLowerCase(), match: match.id },
          range,
          related: [{ message: `Statement of \`${match.id}\``, range: statementRange(match) }],
        });
        continue;
      }
      if (fit === "different") {
        const [quoted, current] = partingExcerpts(reference.quote, target.statement);
        report({
          messageId: "drift",
          data: { id: target.id, quoted, current },
          range,
          related: [{ message: `Current statement of \`${target.id}\``, range: statementRange(target) }],
        });
      }
    }
  },
});

// ---------------------------------------------------------------------------
// Matching a quote against every entity of a kind
// ---------------------------------------------------------------------------

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
// Messages
// ---------------------------------------------------------------------------

/** Returns the range of an entity's statement cell, or of its ID cell when the table has no statement column. */
function statementRange(entity: Entity): Range {
  const table = entity.row.table;
  const role = table.kind === undefined ? undefined : STATEMENT_ROLE[table.kind];
  const column = role === undefined ? undefined : table.column(role);
  return (column === undefined ? undefined : entity.row.cells[column.index]?.range) ?? entity.range;
}

/** Characters of context kept on each side of the difference between two texts. */
const CONTEXT = 30;

/**
 * Cuts two texts down to the part where they differ, with up to CONTEXT characters of
 * context cut at word boundaries, for a message.
 */
function partingExcerpts(quoted: string, current: string): [string, string] {
  const a = quoted.replace(/\s+/g, " ").trim();
  const b = current.replace(/\s+/g, " ").trim();
  const same = (x: string | undefined, y: string | undefined): boolean => x?.toLowerCase() === y?.toLowerCase();
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && same(a[prefix], b[prefix])) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && same(a[a.length - 1 - suffix], b[b.length - 1 - suffix])) suffix++;

  const cut = (text: string): string => {
    let start = Math.max(0, prefix - CONTEXT);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    let end = Math.min(text.length, text.length - suffix + CONTEXT);
    if (end < text.length) end = Math.max(text.lastIndexOf(" ", end), text.length - suffix);
    const middle = excerpt(text.slice(start, end).trim(), 2 * CONTEXT + 80);
    return `${start > 0 ? "…" : ""}${middle}${end < text.length && !middle.endsWith("…") ? "…" : ""}`;
  };
  return [cut(a), cut(b)];
}
