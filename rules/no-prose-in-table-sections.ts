/**
 * Disallows prose in the sections that the template keeps as tables only: Assumptions,
 * Threats and Mitigations hold their table and nothing else. Paragraphs, lists, block
 * quotes, code blocks and HTML blocks are reported; thematic breaks, HTML comments and bare
 * anchors are allowed. A heading at the section's own level ends the section here, since
 * the model keeps an unrecognised heading and its content in the section above it. A section
 * with no table of its kind is left to table-required, because its prose is outside no table.
 */

import type { Nodes } from "mdast";
import { defineRule } from "../src/rule.js";
import { rangeOfNode } from "../src/parse/cells.js";
import { scanTags } from "../src/parse/html.js";
import { SECTION_ORDER, SECTION_TABLE_KIND, SECTION_TITLES } from "../src/parse/vocabulary.js";
import { blockText, excerpt, ownBlocks } from "../src/structure-util.js";
import type { SectionKind } from "../src/types.js";

interface Options {
  sections: SectionKind[];
}

const BLOCK_NAMES: Partial<Record<Nodes["type"], string>> = {
  paragraph: "a paragraph",
  list: "a list",
  blockquote: "a block quote",
  code: "a code block",
  html: "an HTML block",
};

export default defineRule<Options, "prose">({
  meta: {
    id: "no-prose-in-table-sections",
    description: "Disallow paragraphs and lists in the Assumptions, Threats and Mitigations sections.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: { sections: { type: "array", items: { enum: [...SECTION_ORDER] }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { sections: ["assumptions", "threats", "mitigations"] },
    messages: {
      prose:
        "Section `{{section}}` holds {{block}} outside its table: `{{text}}`; move the content into a table row or its Comments column.",
    },
  },

  check({ model, options, report }) {
    for (const kind of options.sections) {
      // Every section of the kind: a document can repeat one, and each copy is checked.
      for (const section of model.sections.filter((candidate) => candidate.kind === kind)) {
        // A document written in prose, with no table here at all, gets one table-required
        // finding at the heading rather than one finding per paragraph.
        if (!section.tables.some((table) => table.kind === SECTION_TABLE_KIND[kind])) continue;

        for (const block of ownBlocks(section)) {
          const name = BLOCK_NAMES[block.type];
          const range = rangeOfNode(block);
          if (name === undefined || !range) continue;
          if (rendersEmpty(block)) continue;
          const text = block.type === "html" ? block.value : blockText(block);
          report({
            messageId: "prose",
            data: { section: SECTION_TITLES[kind], block: name, text: excerpt(text) },
            range,
          });
        }
      }
    }
  },
});

/** Tells whether a block shows nothing: an HTML comment, or an anchor alone on its line. */
function rendersEmpty(block: Nodes): boolean {
  if (block.type === "html") return isMarkupOnly(block.value);
  if (block.type !== "paragraph") return false;
  let html = "";
  for (const child of block.children) {
    if (child.type === "html") html += child.value;
    else if (child.type !== "text" || child.value.trim() !== "") return false;
  }
  return isMarkupOnly(html);
}

/** Tells whether HTML holds only comments, anchors and whitespace, which render as nothing. */
function isMarkupOnly(html: string): boolean {
  const markup = withoutComments(html);
  const tags = scanTags(markup);
  if (tags.some((tag) => tag.name !== "a" || tag.attributes.has("href"))) return false;
  let text = "";
  let position = 0;
  for (const tag of tags) {
    text += markup.slice(position, tag.start);
    position = tag.end;
  }
  text += markup.slice(position);
  return text.trim() === "";
}

/** Removes `<!-- … -->` comments; an unterminated comment runs to the end. */
function withoutComments(html: string): string {
  let result = "";
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf("<!--", index);
    if (open === -1) {
      result += html.slice(index);
      break;
    }
    result += html.slice(index, open);
    const close = html.indexOf("-->", open + 4);
    index = close === -1 ? html.length : close + 3;
  }
  return result;
}
