/**
 * Requires every threat to quantify its impact with a number: a count, a percentage, an
 * amount or a duration, in figures ("5600 compartments", "30%", "$85", "24h", "2-3 weeks")
 * or in words ("two", "thousands"). Figures inside inline code and inside identifiers, paths
 * and IDs (`t146`, `ADR-003`, `python:3.9`, `T-0001`) are not quantities and do not count.
 */

import { defineRule } from "../src/rule.js";
import { excerpt, proseOf } from "../src/content-util.js";
import { entityTitle } from "../src/model-util.js";
import { threatStatement } from "../src/parse/model.js";

/** An evidence locator such as `Line 41` or `Lines 10-12`: a place in a file, not a quantity. */
const LOCATOR = /\bLines?\s+\d[\d,\s–-]*/gi;

/** A figure with an optional currency sign, range, unit or suffix: `5`, `1,000`, `$85`, `30%`, `3-5`, `24h`, `10x`. */
const FIGURE =
  /^[$€£¥]?\d{1,15}(?:[.,]\d{1,15}){0,5}(?:[-–]\d{1,15}(?:[.,]\d{1,15})?)?(?:%|\+|x|k|m|bn|ms|s|h|hrs?|mins?|d|gb|mb|kb|tb|usd|eur)?$/i;

const NUMBER_WORDS = new Set(
  (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen " +
    "nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million " +
    "millions billion billions dozen dozens half double twice triple"
  ).split(" "),
);

export default defineRule<Record<string, never>, "unquantified">({
  meta: {
    id: "threat-quantified-impact",
    description: "Require every threat to quantify its impact with a count, percentage, amount or duration.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      unquantified:
        "{{kind}} `{{id}}` states no number in `{{impact}}`; quantify the impact with a number and what it measures, e.g. a count (`1,000 records`), a percentage (`30% of users`), an amount (`85 USD`) or a duration (`24 hours`).",
    },
  },

  check({ model, report }) {
    for (const entity of model.entities) {
      if (entity.kind !== "threat") continue;
      const column = entity.row.table.column("threat");
      const cell = column === undefined ? undefined : entity.row.cells[column.index];
      // A table without a Threat column is table-columns's finding; an empty cell is threat-statement-grammar's.
      if (!cell || cell.text.trim() === "") continue;
      // The evidence prefix and its locator name where the threat was found, not its impact.
      const statement = threatStatement(proseOf(model, cell.node.children)).replace(LOCATOR, " ");
      if (hasQuantity(statement)) continue;
      report({
        messageId: "unquantified",
        data: { kind: entityTitle(entity.kind), id: entity.id, impact: excerpt(impactClause(threatStatement(cell.text))) },
        range: cell.range,
      });
    }
  },
});

/** Phrases that open the impact part of a grammar statement. The first one in the statement starts the impact. */
const IMPACT_OPENING = /\b(?:which leads to|resulting in|negatively impacting)\b/i;

/** Returns the impact part of a statement, from `which leads to` on, or the whole statement when it has none. */
function impactClause(statement: string): string {
  const opening = IMPACT_OPENING.exec(statement);
  return opening ? statement.slice(opening.index) : statement;
}

/** Tells whether prose contains a figure or a number word standing on its own. */
export function hasQuantity(prose: string): boolean {
  for (const token of prose.split(/\s+/)) {
    const word = trimPunctuation(token);
    if (word === "") continue;
    if (FIGURE.test(word) || NUMBER_WORDS.has(word.toLowerCase())) return true;
  }
  return false;
}

const OPENING = new Set(["(", '"', "'", "[", "{", "“", "‘"]);
const CLOSING = new Set([")", '"', "'", "]", "}", ",", ";", ":", "!", "?", ".", "”", "’"]);

/**
 * Removes brackets, quotes and sentence punctuation around a token: "(30%)," is "30%". A
 * loop, not a regex anchored at the end, so that a long run of dots stays linear.
 */
function trimPunctuation(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && OPENING.has(token.charAt(start))) start++;
  while (end > start && CLOSING.has(token.charAt(end - 1))) end--;
  return token.slice(start, end);
}
