/**
 * Requires the sections a preset lists. A missing section is reported at the document
 * title, or at line 1 when the document has no title. A section whose title sits at level 3
 * or deeper counts unless the options ask for the template's levels.
 */

import { defineRule } from "../src/rule.js";
import { documentRange } from "../src/model-util.js";
import { SECTION_ORDER, SECTION_TITLES } from "../src/parse/vocabulary.js";
import type { SectionKind } from "../src/types.js";

interface Options {
  sections: SectionKind[];
  allowNested: boolean;
}

export default defineRule<Options, "missing" | "nested">({
  meta: {
    id: "section-required",
    description: "Require the sections of the template.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: {
        sections: { type: "array", items: { enum: [...SECTION_ORDER] }, uniqueItems: true },
        allowNested: { type: "boolean" },
      },
      additionalProperties: false,
    },
    defaultOptions: { sections: SECTION_ORDER.filter((kind) => kind !== "well-architected"), allowNested: false },
    messages: {
      missing: "Section `{{title}}` is missing; add a `## {{title}}` heading with its content.",
      nested:
        "Section `{{title}}` has the level-{{depth}} heading `{{written}}`; the template writes sections at level 2, so write `## {{text}}`.",
    },
  },

  check({ model, options, report }) {
    for (const kind of options.sections) {
      const section = model.section(kind);
      if (!section) {
        report({ messageId: "missing", data: { title: SECTION_TITLES[kind] }, range: documentRange(model) });
        continue;
      }

      // The model reads a title at level 3 or deeper as the section only when no heading
      // of level 1 or 2 has it, so this is the only place the section is written.
      const depth = section.heading.depth;
      if (depth <= 2 || options.allowNested) continue;
      report({
        messageId: "nested",
        data: { title: SECTION_TITLES[kind], depth, written: `${"#".repeat(depth)} ${section.heading.text}`, text: section.heading.text },
        range: section.heading.range,
      });
    }
  },
});
