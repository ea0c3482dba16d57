/**
 * Requires every cross-reference to an assumption, threat, mitigation or asset to carry the
 * target's full statement after the link, not the bare ID and not a short label. Links to
 * existing controls and residual threats are exempt: a Current Control Gaps cell describes
 * the gap, not the control. A label that matches another entity better than the target is a
 * mis-numbered link, which xref-statement-sync reports with the entity to link instead.
 */

import { defineRule } from "../src/rule.js";
import { QUOTED_KINDS, excerpt, misnumberedMatch, quoteFit } from "../src/content-util.js";
import { entityTitle } from "../src/model-util.js";
import { TABLE_TITLES } from "../src/parse/vocabulary.js";

export default defineRule<Record<string, never>, "missing" | "label">({
  meta: {
    id: "xref-full-statement",
    description: "Require the target's full statement after every cross-reference to an assumption, threat, mitigation or asset.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      missing: "Cross-reference to `{{id}}` has no statement after it; write `[**{{id}}**](#{{id}}): {{statement}}`.",
      label:
        "Cross-reference to `{{id}}` quotes `{{quote}}`, a short label in place of the full statement; copy the statement of `{{id}}` from the {{table}} table: `{{statement}}`.",
    },
  },

  check({ model, report }) {
    for (const reference of model.crossReferences) {
      if (reference.column?.role === "id") continue;
      if (reference.targetKind === undefined || !QUOTED_KINDS.has(reference.targetKind)) continue;
      const target = model.entityById.get(reference.targetId);
      // A link to a missing row is xref-target-exists's finding, and a row without a
      // statement gives nothing to quote.
      if (!target || target.statement.trim() === "") continue;

      const fit = quoteFit(reference.quote, target);
      if (fit === "same" || fit === "different") continue;
      // Copying the target's statement over a label that names another entity would hide the
      // wrong link, so such a label is left to xref-statement-sync.
      if (fit === "label" && misnumberedMatch(model, reference, target)) continue;
      const table = target.row.table.kind === undefined ? entityTitle(target.kind) : TABLE_TITLES[target.row.table.kind];
      const statement = excerpt(target.statement);
      if (fit === "missing") {
        report({ messageId: "missing", data: { id: target.id, statement }, range: reference.link.range });
      } else {
        report({
          messageId: "label",
          data: { id: target.id, quote: excerpt(reference.quote), table, statement },
          range: { start: reference.link.range.start, end: (reference.quoteRange ?? reference.link.range).end },
        });
      }
    }
  },
});
