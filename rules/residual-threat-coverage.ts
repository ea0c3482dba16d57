/**
 * Requires every existing control whose Effectiveness is Partial or Ineffective to be cited
 * by at least one residual threat's Current Control Gaps, and at least as many residual
 * threats as such controls.
 */

import { defineRule } from "../src/rule.js";
import { cellText, entitiesOf, tablesOf } from "../src/model-util.js";

const WEAK = /^\s*(partial|ineffective)\b/i;

export default defineRule<Record<string, never>, "uncovered" | "tooFew">({
  meta: {
    id: "residual-threat-coverage",
    description: "Require a residual threat for every Partial or Ineffective existing control.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      uncovered:
        "Existing control `{{id}}` is `{{effectiveness}}` but no residual threat cites it in Current Control Gaps; add a residual threat for its gap.",
      tooFew:
        "The document has {{count}} residual threats for {{weak}} Partial or Ineffective existing controls; add at least {{missing}} more.",
    },
  },

  check({ model, report }) {
    if (tablesOf(model, "existing-controls").length === 0) return;

    const weak = entitiesOf(model, "control").filter((control) => WEAK.test(cellText(control.row, "effectiveness")));
    if (weak.length === 0) return;

    // 1. Each weak control is cited by a residual threat's gap column.
    const cited = new Set(
      model.crossReferences
        .filter((reference) => reference.source?.kind === "residual-threat" && reference.column?.role === "current-control-gaps")
        .map((reference) => reference.targetId),
    );
    for (const control of weak) {
      if (cited.has(control.id)) continue;
      const effectiveness = WEAK.exec(cellText(control.row, "effectiveness"))?.[1] ?? "Partial";
      report({
        messageId: "uncovered",
        data: { id: control.id, effectiveness: effectiveness.charAt(0).toUpperCase() + effectiveness.slice(1).toLowerCase() },
        range: control.row.range,
      });
    }

    // 2. The count: at least one residual threat per weak control.
    const residual = entitiesOf(model, "residual-threat");
    if (residual.length >= weak.length) return;
    const place = model.section("residual-threats")?.heading.range ?? model.section("existing-controls")?.heading.range;
    if (!place) return;
    report({
      messageId: "tooFew",
      data: { count: residual.length, weak: weak.length, missing: weak.length - residual.length },
      range: place,
    });
  },
});
