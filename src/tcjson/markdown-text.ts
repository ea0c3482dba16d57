/**
 * How ThreatComposer's Markdown export turns stored text into Markdown, and how that
 * Markdown reads back as plain text. The companion check compares a JSON value with a
 * Markdown cell through these steps, so that escapes and HTML entities never count as a
 * difference.
 *
 * ThreatComposer's export, as described for version 1 files:
 * - every string is sanitised first: HTML tags are removed (their text is kept) and `&`,
 *   `<`, `>` are written as entities;
 * - statements, contents and asset names then get a backslash before `*`, `#`, `/`, `(`,
 *   `)`, `[`, `]`, `_` and the backtick;
 * - comments are Markdown, rendered to one line of HTML.
 */

import type { Nodes, TableCell } from "mdast";
import { readCell } from "../parse/cells.js";
import { parseMarkdownWhole } from "../parse/markdown.js";

/** Removes HTML tags and comments as ThreatComposer's sanitiser does, keeping the text between them. */
export function stripTags(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, "").replace(/<\/?[A-Za-z][^<>]*>/g, "");
}

/** Writes `&`, `<` and `>` as entities, as the sanitiser's output has them. */
export function encodeEntities(text: string): string {
  return text.replace(/&(?![A-Za-z][A-Za-z0-9]*;|#\d+;|#x[0-9A-Fa-f]+;)/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Adds the backslashes ThreatComposer's export puts before Markdown punctuation. */
export function escapeLikeThreatComposer(text: string): string {
  return text.replace(/[*#/()[\]_`]/g, (character) => `\\${character}`);
}

/** Returns the Markdown ThreatComposer writes in a table cell for a stored statement or content. */
export function threatComposerCellMarkdown(stored: string): string {
  return escapeLikeThreatComposer(encodeEntities(stripTags(stored)));
}

/** Collapses runs of whitespace to one space and trims, for comparisons that ignore layout. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Reads stored values as table cells, the way they read in ThreatComposer's export: the
 * plain text each shows. All values are parsed in one table, so that a file with hundreds
 * of entities costs one Markdown parse.
 */
export function cellTextsOf(values: readonly string[]): string[] {
  if (values.length === 0) return [];
  // A line break or `|` would end the row early; ThreatComposer's own export breaks there
  // too, so the comparison ignores line breaks and reads `\|` back as `|`.
  const rows = values.map((value) => `| ${threatComposerCellMarkdown(value).replace(/\r\n|\r|\n/g, " ").replace(/\|/g, "\\|")} |`);
  const root = parseMarkdownWhole(["| value |", "| --- |", ...rows].join("\n"));
  const table = root.children[0];
  if (table?.type !== "table") return values.map(() => "");
  return values.map((_value, index) => {
    const cell = table.children[index + 1]?.children[0] as TableCell | undefined;
    return cell ? readCell(cell).text : "";
  });
}

/**
 * Returns the plain text of a Markdown comment as its rendered HTML shows it: tags stripped by the
 * sanitiser first, image alt text left out (a Markdown cell keeps only the `<img>` tag).
 */
export function commentText(markdown: string): string {
  const root = parseMarkdownWhole(encodeEntities(stripTags(markdown)));
  let text = "";
  const walk = (node: Nodes): void => {
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code") {
      text += node.value;
      return;
    }
    if (node.type === "image" || node.type === "imageReference" || node.type === "html") return;
    if ("children" in node) for (const child of node.children) walk(child);
    text += " ";
  };
  walk(root);
  return text;
}

/** Removes every whitespace character: comments compare this way, since ThreatComposer deletes line breaks. */
export function withoutSpace(text: string): string {
  return text.replace(/\s+/g, "");
}

/** The Markdown for each HTML tag of a rendered comment: its opening and its closing text. */
const TAG_MARKDOWN: Record<string, [string, string]> = {
  p: ["", "\n\n"],
  strong: ["**", "**"],
  b: ["**", "**"],
  em: ["_", "_"],
  i: ["_", "_"],
  code: ["`", "`"],
  del: ["~~", "~~"],
  ul: ["\n", "\n"],
  ol: ["\n", "\n"],
  li: ["- ", "\n"],
  br: ["\n", ""],
  h1: ["# ", "\n\n"],
  h2: ["## ", "\n\n"],
  h3: ["### ", "\n\n"],
  h4: ["#### ", "\n\n"],
  h5: ["##### ", "\n\n"],
  h6: ["###### ", "\n\n"],
  blockquote: ["> ", "\n\n"],
};

/**
 * Turns a cell of ThreatComposer's rendered comment HTML (`<p>See <a href="…">docs</a></p>`)
 * back into Markdown (`See [docs](…)`), so that an exported comment keeps its links and
 * emphasis instead of tags ThreatComposer's import would strip. Cells without HTML, and
 * Markdown around the tags, pass through unchanged; tags not listed are dropped.
 */
export function commentHtmlToMarkdown(raw: string): string {
  const links: (string | undefined)[] = [];
  const markdown = raw.replace(/<(\/?)([A-Za-z][A-Za-z0-9]*)(\s[^<>]*)?\/?>/g, (_tag, closing: string, rawName: string, attributes = "") => {
    const name = rawName.toLowerCase();
    if (name === "a") {
      if (closing) {
        const href = links.pop();
        return href === undefined ? "" : `](${href})`;
      }
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes);
      const url = href ? (href[1] ?? href[2] ?? href[3]) : undefined;
      links.push(url);
      return url === undefined ? "" : "[";
    }
    const pair = TAG_MARKDOWN[name];
    if (!pair) return "";
    return closing ? pair[1] : pair[0];
  });
  return markdown.replace(/\n{3,}/g, "\n\n").trim();
}
