/**
 * Requires each threat's stored `statement` to be the sentence its parts render to.
 * ThreatComposer does not recompute the statement on import, and its Markdown export
 * prints the stored one, so a statement edited by hand or by another tool can disagree
 * with the parts.
 */

import { defineJsonRule } from "../src/rule.js";
import { isObject } from "../src/tcjson/format.js";
import { differingExcerpts } from "../src/tcjson/messages.js";
import { hasStatementParts, renderThreatStatement, type StatementParts } from "../src/tcjson/statement.js";

export default defineJsonRule<Record<string, never>, "mismatch" | "missing">({
  meta: {
    id: "tc-json-statement",
    description: "Require each ThreatComposer threat's stored `statement` to match the sentence its parts render to.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      mismatch: "{{path}}.statement: `{{stored}}` does not match its parts, which render as `{{rendered}}`; update the statement or the parts.",
      missing: "{{path}}: threat has statement parts but no `statement`; add `\"statement\": {{rendered}}`.",
    },
  },

  check({ json, report }) {
    if (!isObject(json.value) || !Array.isArray(json.value.threats)) return;

    json.value.threats.forEach((threat: unknown, index) => {
      if (!isObject(threat)) return;
      const parts = threat as StatementParts & { statement?: unknown };
      if (!hasStatementParts(parts)) return;

      // Limitation: a custom template that names an empty part renders with placeholder
      // text tmlint does not know, so such threats are not checked.
      const rendered = renderThreatStatement(parts);
      if (rendered === undefined) return;

      const path = `threats[${index}]`;
      if (parts.statement === undefined) {
        report({ messageId: "missing", data: { path, rendered: JSON.stringify(rendered) }, range: json.rangeAt(["threats", index], "start") });
        return;
      }
      if (typeof parts.statement !== "string" || parts.statement === rendered) return;
      const [stored, expected] = differingExcerpts(parts.statement, rendered);
      report({
        messageId: "mismatch",
        data: { path, stored, rendered: expected },
        range: json.rangeAt(["threats", index, "statement"]),
      });
    });
  },
});
