/**
 * Requires the Architecture and Dataflow sections to each contain a diagram. The template
 * requires ASCII art in a fenced code block; the `accept` option also admits images and
 * Mermaid fences, as ThreatComposer exports and GitHub readers use them.
 */

import { defineRule, listOf } from "../src/rule.js";
import { SECTION_TITLES } from "../src/parse/vocabulary.js";
import { childHeadingMarker, diagramForm, excerpt, findSubsection, type DiagramForm } from "../src/structure-util.js";
import type { Section } from "../src/types.js";

type DiagramSection = "architecture" | "dataflow";

interface Options {
  sections: DiagramSection[];
  /** The diagram forms that satisfy the rule. */
  accept: DiagramForm[];
}

const FORM_NAMES: Record<DiagramForm, string> = {
  ascii: "an ASCII diagram in a fenced code block",
  image: "an image",
  mermaid: "a Mermaid diagram",
};

const DIAGRAM_SUBSECTION = { architecture: "architecture-diagram", dataflow: "dataflow-diagram" } as const;

export default defineRule<Options, "missing" | "wrongForm">({
  meta: {
    id: "diagram-required",
    description: "Require a diagram in the Architecture and Dataflow sections.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: {
        sections: { type: "array", items: { enum: ["architecture", "dataflow"] }, uniqueItems: true },
        accept: { type: "array", items: { enum: ["ascii", "image", "mermaid"] }, minItems: 1, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaultOptions: { sections: ["architecture", "dataflow"], accept: ["ascii"] },
    messages: {
      missing: "Section `{{section}}` has no diagram; add {{expected}} under a `{{heading}}` heading.",
      wrongForm: "Section `{{section}}` shows its diagram as {{found}} (`{{value}}`); add {{expected}}.",
    },
  },

  check({ model, options, report }) {
    const accepted = new Set(options.accept);
    const expected = listOf(options.accept.map((form) => FORM_NAMES[form]), "or");

    for (const kind of options.sections) {
      const section = model.section(kind);
      // A missing section is section-required's finding.
      if (!section) continue;

      const drawn = section.diagrams.map((diagram) => ({ diagram, form: diagramForm(diagram) }));
      if (drawn.some(({ form }) => form !== undefined && accepted.has(form))) continue;

      const title = SECTION_TITLES[kind];
      const other = drawn.find(({ form }) => form !== undefined);
      if (other?.form) {
        const value = other.diagram.kind === "image" ? (other.diagram.lang ?? "") : other.diagram.value;
        report({
          messageId: "wrongForm",
          data: { section: title, found: FORM_NAMES[other.form], value: excerpt(value), expected },
          range: other.diagram.range,
        });
        continue;
      }

      const subsectionTitle = kind === "architecture" ? "Architecture Diagram" : "Dataflow Diagram";
      report({
        messageId: "missing",
        data: { section: title, expected, heading: `${childHeadingMarker(section)} ${subsectionTitle}` },
        range: reportRange(section, kind),
      });
    }
  },
});

/** Returns the range of the diagram sub-heading when the section has one, else of the section heading. */
function reportRange(section: Section, kind: DiagramSection): Section["range"] {
  return (findSubsection(section, DIAGRAM_SUBSECTION[kind]) ?? section.heading).range;
}
