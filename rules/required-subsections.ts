/**
 * Requires the sub-sections the template lays out: Application Info has Summary, Key
 * Features and Architecture and Documentation References; Architecture has Introduction, Key
 * Benefits, Architecture Components and Workflow, with the workflow as numbered steps;
 * Dataflow has Introduction. Each must have content under its heading.
 *
 * The disclaimers, the Dataflow tables and the diagrams are sub-sections too, but their
 * content is what matters, so `disclaimers`, `table-required` and `diagram-required` check
 * them and this rule does not report them a second time.
 */

import { walkTree } from "../src/parse/node-index.js";
import { defineRule } from "../src/rule.js";
import { SECTION_TITLES } from "../src/parse/vocabulary.js";
import {
  blocksUnder,
  childHeadingMarker,
  findSubsection,
  isEmptySubsection,
  subsectionTitle,
} from "../src/structure-util.js";
import type { Section } from "../src/types.js";

type CheckedSection = "application-info" | "architecture" | "dataflow";

const TEXT_SUBSECTIONS = ["summary", "key-features", "references", "introduction", "key-benefits", "components", "workflow"];

interface Options {
  /** The sub-section keys each section must have. */
  subsections: Partial<Record<CheckedSection, string[]>>;
  /** Require the Workflow sub-section to hold a numbered list. */
  numberedWorkflow: boolean;
}

const keyList = { type: "array", items: { enum: TEXT_SUBSECTIONS }, uniqueItems: true };

export default defineRule<Options, "missing" | "empty" | "notNumbered">({
  meta: {
    id: "required-subsections",
    description: "Require the sub-sections of Application Info, Architecture and Dataflow.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: {
        subsections: {
          type: "object",
          properties: { "application-info": keyList, architecture: keyList, dataflow: keyList },
          additionalProperties: false,
        },
        numberedWorkflow: { type: "boolean" },
      },
      additionalProperties: false,
    },
    defaultOptions: {
      subsections: {
        "application-info": ["summary", "key-features", "references"],
        architecture: ["introduction", "key-benefits", "components", "workflow"],
        dataflow: ["introduction"],
      },
      numberedWorkflow: true,
    },
    messages: {
      missing: "Section `{{section}}` has no `{{subsection}}` sub-section; add a `{{heading}}` heading with its content.",
      empty: "Sub-section `{{subsection}}` is empty; add its content below the heading.",
      notNumbered: "Sub-section `Workflow` has no numbered steps; write the workflow as a numbered list (`1. …`).",
    },
  },

  check({ model, options, report }) {
    for (const [kind, keys] of Object.entries(options.subsections) as [CheckedSection, string[]][]) {
      const section = model.section(kind);
      // A missing section is section-required's finding.
      if (!section) continue;

      for (const key of keys) {
        const title = subsectionTitle(key);
        const heading = findSubsection(section, key);
        if (!heading) {
          report({
            messageId: "missing",
            data: { section: SECTION_TITLES[kind], subsection: title, heading: `${childHeadingMarker(section)} ${title}` },
            range: section.heading.range,
          });
          continue;
        }
        if (isEmptySubsection(section, heading)) {
          report({ messageId: "empty", data: { subsection: heading.text }, range: heading.range });
          continue;
        }
        if (key === "workflow" && options.numberedWorkflow && !hasOrderedList(section, heading)) {
          report({ messageId: "notNumbered", range: heading.range });
        }
      }
    }
  },
});

/** Tells whether an ordered list follows the heading, at any depth of its blocks. */
function hasOrderedList(section: Section, heading: Section["heading"]): boolean {
  let found = false;
  for (const block of blocksUnder(section, heading)) {
    walkTree(block, (node) => {
      if (node.type === "list" && node.ordered) found = true;
    });
  }
  return found;
}
