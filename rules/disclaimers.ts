/**
 * Requires the three disclaimers of Application Info: the motivation for externalising the
 * threat model, the criteria for prioritising threats, and the agreement. A disclaimer is
 * found by its title, a paragraph or heading such as `_**3. Agreement:**_`, and needs its
 * text after the title.
 */

import { defineRule, listOf } from "../src/rule.js";
import { rangeOfNode } from "../src/parse/cells.js";
import { blockText, childHeadingMarker, findSubsection } from "../src/structure-util.js";
import type { Range, Section } from "../src/types.js";

type DisclaimerKey = "motivation" | "criteria" | "agreement";

interface Options {
  disclaimers: DisclaimerKey[];
}

interface DisclaimerSpec {
  number: number;
  title: string;
  /** Matches the title at the start of a paragraph or heading, after an optional number. */
  pattern: RegExp;
}

const DISCLAIMERS: Record<DisclaimerKey, DisclaimerSpec> = {
  motivation: {
    number: 1,
    title: "Motivation for externalizing this threat model",
    pattern: /^\s*(?:\d{1,2}\s*[.)]\s*)?motivation\b/i,
  },
  criteria: {
    number: 2,
    title: "Criteria for prioritizing threats",
    pattern: /^\s*(?:\d{1,2}\s*[.)]\s*)?criteria for prioriti[sz]ing\b/i,
  },
  agreement: { number: 3, title: "Agreement", pattern: /^\s*(?:\d{1,2}\s*[.)]\s*)?agreement\b/i },
};

/**
 * Characters a title line may add to the bare title: a number, bold or italic markers, a
 * colon. A paragraph longer than that carries the disclaimer's text after its title.
 */
const TITLE_SLACK = 20;

export default defineRule<Options, "noDisclaimers" | "missing" | "noText">({
  meta: {
    id: "disclaimers",
    description: "Require the three disclaimers in Application Info.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: {
        disclaimers: { type: "array", items: { enum: ["motivation", "criteria", "agreement"] }, uniqueItems: true },
      },
      additionalProperties: false,
    },
    defaultOptions: { disclaimers: ["motivation", "criteria", "agreement"] },
    messages: {
      noDisclaimers:
        "Section `Application Info` has no disclaimers; add a `{{heading}}` sub-section with the disclaimers {{titles}}.",
      missing: "Disclaimer `{{title}}` is missing; add the title `{{example}}` followed by its text.",
      noText: "Disclaimer `{{title}}` has no text; add the disclaimer's text below its title.",
    },
  },

  check({ model, options, report }) {
    const section = model.section("application-info");
    // A missing section is section-required's finding.
    if (!section || options.disclaimers.length === 0) return;

    const blocks = disclaimerBlocks(section);
    const found = new Map<DisclaimerKey, { range: Range; hasText: boolean }>();
    for (const key of options.disclaimers) {
      const spec = DISCLAIMERS[key];
      const index = blocks.findIndex((block) => spec.pattern.test(block.text));
      const block = blocks[index];
      if (!block) continue;
      const next = blocks[index + 1];
      const inline = block.text.length > spec.title.length + TITLE_SLACK;
      const hasText = inline || (next !== undefined && !next.isHeading && !isTitle(next.text) && next.text.trim() !== "");
      found.set(key, { range: block.range, hasText });
    }

    const heading = findSubsection(section, "disclaimers");
    if (found.size === 0 && !heading) {
      report({
        messageId: "noDisclaimers",
        data: {
          heading: `${childHeadingMarker(section)} Disclaimers`,
          titles: listOf(options.disclaimers.map((key) => `\`${DISCLAIMERS[key].title}\``)),
        },
        range: section.heading.range,
      });
      return;
    }

    for (const key of options.disclaimers) {
      const spec = DISCLAIMERS[key];
      const disclaimer = found.get(key);
      if (!disclaimer) {
        report({
          messageId: "missing",
          data: { title: spec.title, example: `_**${spec.number}. ${spec.title}:**_` },
          range: (heading ?? section.heading).range,
        });
      } else if (!disclaimer.hasText) {
        report({ messageId: "noText", data: { title: spec.title }, range: disclaimer.range });
      }
    }
  },
});

interface TextBlock {
  text: string;
  range: Range;
  isHeading: boolean;
}

/** Lists the section's paragraphs and sub-headings in document order, with their text. */
function disclaimerBlocks(section: Section): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const node of section.nodes) {
    const range = rangeOfNode(node);
    if (range && node.type === "paragraph") blocks.push({ text: blockText(node), range, isHeading: false });
  }
  for (const heading of section.subheadings) blocks.push({ text: heading.text, range: heading.range, isHeading: true });
  return blocks.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

function isTitle(text: string): boolean {
  return Object.values(DISCLAIMERS).some((spec) => spec.pattern.test(text) && text.length <= spec.title.length + TITLE_SLACK);
}
