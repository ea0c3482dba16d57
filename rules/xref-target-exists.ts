/**
 * Requires every fragment link to resolve: a link to an entity ID to that entity's row, any
 * other fragment to a GitHub heading slug or an HTML `id`/`name` anchor in the same file.
 *
 * Case policy: anchors and IDs must match exactly. A fragment that matches only when case
 * is ignored gets its own message, since GitHub resolves it with script but other renderers
 * do not.
 */

import { defineRule } from "../src/rule.js";
import { entityTitle } from "../src/model-util.js";
import { kindOfId, TABLE_TITLES } from "../src/parse/vocabulary.js";
import type { TableKind } from "../src/types.js";

const KIND_TABLE: Record<string, TableKind> = {
  assumption: "assumptions",
  threat: "threats",
  mitigation: "mitigations",
  asset: "impacted-assets",
  control: "existing-controls",
  "residual-threat": "residual-threats",
  "data-flow": "data-flows",
  "trust-boundary": "trust-boundaries",
};

export default defineRule<Record<string, never>, "missingEntity" | "missingAnchor" | "caseMismatch">({
  meta: {
    id: "xref-target-exists",
    description: "Require every fragment link to point at an entity, heading or anchor in the file.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      missingEntity: "{{kind}} `{{id}}` is linked{{from}} but not defined; add it to the {{table}} table or fix the link.",
      missingAnchor: "Link fragment `#{{fragment}}` matches no heading or anchor in this file; fix the fragment or add the target.",
      caseMismatch: "Link fragment `#{{fragment}}` matches `{{target}}` only when case is ignored; write `#{{target}}`.",
    },
  },

  check({ model, report }) {
    const anchors = new Set(model.anchors.map((anchor) => anchor.name.normalize("NFC")));
    const folded = new Map<string, string>();
    for (const name of [...anchors, ...model.entityById.keys()]) {
      const key = name.toLowerCase();
      if (!folded.has(key)) folded.set(key, name);
    }
    const sourceByOffset = new Map<number, string>();
    for (const reference of model.crossReferences) {
      if (reference.source) sourceByOffset.set(reference.link.range.start.offset, reference.source.id);
    }

    for (const link of model.fragmentLinks) {
      const fragment = link.fragment;
      // `#` alone points at the top of the page.
      if (fragment === undefined || fragment === "") continue;
      if (anchors.has(fragment) || model.entityById.has(fragment)) continue;

      const target = folded.get(fragment.toLowerCase());
      if (target !== undefined) {
        report({ messageId: "caseMismatch", data: { fragment, target }, range: link.range });
        continue;
      }

      const kind = kindOfId(fragment);
      if (kind !== undefined) {
        const source = sourceByOffset.get(link.range.start.offset);
        report({
          messageId: "missingEntity",
          data: {
            kind: entityTitle(kind),
            id: fragment,
            from: source === undefined ? "" : ` from ${source}`,
            table: TABLE_TITLES[KIND_TABLE[kind] ?? "threats"],
          },
          range: link.range,
        });
        continue;
      }
      report({ messageId: "missingAnchor", data: { fragment }, range: link.range });
    }
  },
});
