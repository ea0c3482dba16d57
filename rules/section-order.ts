/**
 * Requires the sections that are present to follow the template's order, each once.
 */

import { defineRule } from "../src/rule.js";
import { SECTION_ORDER, SECTION_TITLES } from "../src/parse/vocabulary.js";
import type { Section } from "../src/types.js";

export default defineRule<Record<string, never>, "outOfOrder" | "duplicate">({
  meta: {
    id: "section-order",
    description: "Require sections in template order, each at most once.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      outOfOrder: "Section `{{title}}` comes after `{{previous}}`; move it before `{{previous}}` (template order: {{order}}).",
      duplicate: "Section `{{title}}` appears again; merge it into the one at line {{line}}.",
    },
  },

  check({ model, report }) {
    const seen = new Map<string, Section>();
    let furthest: Section | undefined;

    for (const section of model.sections) {
      const first = seen.get(section.kind);
      if (first) {
        report({
          messageId: "duplicate",
          data: { title: SECTION_TITLES[section.kind], line: first.heading.range.start.line },
          range: section.heading.range,
          related: [{ message: "First defined here.", range: first.heading.range }],
        });
        continue;
      }
      seen.set(section.kind, section);

      const rank = SECTION_ORDER.indexOf(section.kind);
      if (furthest && rank < SECTION_ORDER.indexOf(furthest.kind)) {
        const present = SECTION_ORDER.filter((kind) => seen.has(kind)).map((kind) => SECTION_TITLES[kind]);
        report({
          messageId: "outOfOrder",
          data: { title: SECTION_TITLES[section.kind], previous: SECTION_TITLES[furthest.kind], order: present.join(", ") },
          range: section.heading.range,
        });
        continue;
      }
      furthest = section;
    }
  },
});
