/**
 * Requires a blank line before every table. remark-gfm lets a table interrupt a paragraph,
 * but GitHub's cmark-gfm keeps a table without leading pipes inside the paragraph above it,
 * so the linter would accept a table that GitHub shows as text. Tables inside lists and
 * block quotes are checked too.
 */

import { defineRule } from "../src/rule.js";
import { rangeOfNode } from "../src/parse/cells.js";
import { nodesOfType } from "../src/parse/node-index.js";
import { excerpt, sourceText } from "../src/structure-util.js";
import type { Fix } from "../src/types.js";

export default defineRule<Record<string, never>, "noBlankLine">({
  meta: {
    id: "table-blank-line-before",
    description: "Require a blank line between a paragraph and the table below it.",
    defaultSeverity: "error",
    fixable: true,
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      noBlankLine:
        "Table `{{header}}` directly follows the line `{{line}}`; add a blank line before the table, or GitHub may render it as text.",
    },
  },

  check({ model, report }) {
    for (const { node, index, parent } of nodesOfType(model.root, "table")) {
      if (!parent || index === undefined || index === 0) continue;
      const previous = parent.children[index - 1];
      const tableRange = rangeOfNode(node);
      const previousRange = previous ? rangeOfNode(previous) : undefined;
      if (previous?.type !== "paragraph" || !tableRange || !previousRange) continue;
      if (tableRange.start.line - previousRange.end.line !== 1) continue;

      const headerRange = node.children[0] ? rangeOfNode(node.children[0]) : undefined;
      const range = headerRange ?? tableRange;
      const lastLine = sourceText(model, previousRange).split(/\r\n|\r|\n/).pop() ?? "";
      const descriptor = {
        messageId: "noBlankLine" as const,
        data: { header: excerpt(sourceText(model, range), 60), line: excerpt(lastLine, 60) },
        range,
      };

      // A bare blank line inside a list item or block quote would end the container, so
      // only tables at the top level get a fix.
      const fix = parent.type === "root" ? blankLineFix(model.text, previousRange.end.offset) : undefined;
      report(fix ? { ...descriptor, fix } : descriptor);
    }
  },
});

/** Inserts the paragraph's own line ending after its last line, which leaves an empty line. */
function blankLineFix(text: string, paragraphEnd: number): Fix | undefined {
  let lineEnd = paragraphEnd;
  while (text.charAt(lineEnd) === " " || text.charAt(lineEnd) === "\t") lineEnd++;
  const ending = text.startsWith("\r\n", lineEnd) ? "\r\n" : text.charAt(lineEnd);
  if (ending !== "\n" && ending !== "\r" && ending !== "\r\n") return undefined;
  return { range: { start: lineEnd, end: lineEnd }, text: ending };
}
