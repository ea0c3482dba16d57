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
import { QUOTED_KINDS, excerpt, misnumberedMatch, quoteFit } from "../src/content-util.js";
import { entityTitle } from "../src/model-util.js";
import { STATEMENT_ROLE } from "../src/parse/vocabulary.js";
import type { Entity, Range } from "../src/types.js";

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
    for (const reference of model.crossReferences) {
      if (reference.column?.role === "id") continue;
      const kind = reference.targetKind;
      if (kind === undefined || !QUOTED_KINDS.has(kind)) continue;
      const target = model.entityById.get(reference.targetId);
      // A missing target is xref-target-exists's finding; another kind under the same ID is id-format's.
      if (!target || target.kind !== kind || target.statement.trim() === "") continue;

      const fit = quoteFit(reference.quote, target);
      if (fit === "same" || fit === "missing") continue;

      const range: Range = { start: reference.link.range.start, end: (reference.quoteRange ?? reference.link.range).end };

      const match = misnumberedMatch(model, reference, target);
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
