/**
 * Disallows sections the template bans, by default "Key Security Concerns": an earlier
 * version of the methodology had one, and the current one moves every concern into the
 * Threats table. A heading of any level counts, and so does a paragraph that is nothing but
 * bold text, which some documents use as a heading.
 */

import { defineRule } from "../src/rule.js";
import { plainText, rangeOfNode } from "../src/parse/cells.js";
import { nodesOfType } from "../src/parse/node-index.js";
import { normaliseTitle } from "../src/parse/vocabulary.js";

interface Options {
  /** Section titles to reject, compared without case, numbering, punctuation or a "Table" suffix. */
  titles: string[];
}

export default defineRule<Options, "forbidden">({
  meta: {
    id: "no-forbidden-sections",
    description: "Disallow sections the template bans, such as Key Security Concerns.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: { titles: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { titles: ["Key Security Concerns"] },
    messages: {
      forbidden:
        "Section `{{title}}` is not allowed; record each concern as a threat in the Threats table and remove the section.",
    },
  },

  check({ model, options, report }) {
    // A title of punctuation only normalises to "", which would match empty headings.
    const forbidden = new Set(options.titles.map(normaliseTitle).filter((title) => title !== ""));
    if (forbidden.size === 0) return;

    for (const heading of model.headings) {
      if (forbidden.has(normaliseTitle(heading.text))) {
        report({ messageId: "forbidden", data: { title: heading.text }, range: heading.range });
      }
    }

    // A bold line on its own reads as a heading: `**Key Security Concerns**`.
    for (const { node: paragraph } of nodesOfType(model.root, "paragraph")) {
      const [only] = paragraph.children;
      if (paragraph.children.length !== 1 || only?.type !== "strong") continue;
      const title = plainText(only.children).trim();
      const range = rangeOfNode(paragraph);
      if (range && forbidden.has(normaliseTitle(title))) report({ messageId: "forbidden", data: { title }, range });
    }
  },
});
