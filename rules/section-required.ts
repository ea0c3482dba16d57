/**
 * Requires the sections a preset lists. A missing section is reported at the document
 * title, or at line 1 when the document has no title.
 */

import { defineRule } from "../src/rule.js";
import { documentRange } from "../src/model-util.js";
import { SECTION_ORDER, SECTION_TITLES } from "../src/parse/vocabulary.js";
import type { SectionKind } from "../src/types.js";

interface Options {
  sections: SectionKind[];
}

export default defineRule<Options, "missing">({
  meta: {
    id: "section-required",
    description: "Require the sections of the template.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: {
        sections: { type: "array", items: { enum: [...SECTION_ORDER] }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaultOptions: { sections: SECTION_ORDER.filter((kind) => kind !== "well-architected") },
    messages: {
      missing: "Section `{{title}}` is missing; add a `## {{title}}` heading with its content.",
    },
  },

  check({ model, options, report }) {
    for (const kind of options.sections) {
      if (model.section(kind)) continue;
      report({ messageId: "missing", data: { title: SECTION_TITLES[kind] }, range: documentRange(model) });
    }
  },
});
