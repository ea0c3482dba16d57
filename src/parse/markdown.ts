/**
 * The Markdown parser: remark-parse with GFM and front matter, and nothing else, so that
 * tables, autolinks and front matter are read as GitHub reads them.
 */

import type { Root, RootContent } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Node } from "unist";
import { gateAutolinkTransform, parseGated } from "./autolinks.js";
import { restorePositions } from "./positions.js";
import { splitPoints } from "./split.js";

const processor = gateAutolinkTransform(unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm));
const processorWithoutFrontmatter = gateAutolinkTransform(unified().use(remarkParse).use(remarkGfm));

/**
 * A fence line followed by a blank line starts no front matter: the dashes are a thematic
 * break. remark-frontmatter 5 still reads such a start as YAML when a second fence comes
 * later, and so swallows the title and sections between the two.
 */
const FENCE_THEN_BLANK_LINE = /^(?:---|\+\+\+)[ \t]*(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n|$)/;

/** Picks the processor for text that starts at the start of the file. */
function processorFor(text: string): typeof processor {
  return FENCE_THEN_BLANK_LINE.test(text) ? processorWithoutFrontmatter : processor;
}

/**
 * Parses text with positions that index it. micromark drops a U+FEFF at the very start of
 * its input without counting it, so text that still starts with one (a file with two BOMs,
 * after the first was stripped) gets a sacrificial one in front.
 */
function parseWith(parser: typeof processor, text: string): Root {
  return parseGated(parser, text.charCodeAt(0) === 0xfeff ? "\ufeff" + text : text);
}

/** The syntax extensions the parser runs with, for tests that pin them. */
export const PARSER_EXTENSIONS = ["gfm", "frontmatter:yaml", "frontmatter:toml"] as const;

/**
 * Parses Markdown (without a BOM) into mdast with positions in file coordinates. A large
 * document is parsed in parts cut before its top-level headings, which gives the same tree.
 */
export function parseMarkdown(text: string, minimumPartLength?: number): Root {
  const root = parseInParts(text, minimumPartLength);
  restorePositions(root, text);
  return root;
}

function parseInParts(text: string, minimumPartLength: number | undefined): Root {
  const points = splitPoints(text, minimumPartLength);
  if (points.length === 1) return parseWith(processorFor(text), text);

  const children: RootContent[] = [];
  for (let index = 0; index < points.length; index++) {
    const start = points[index];
    if (!start) continue;
    const end = points[index + 1]?.offset ?? text.length;
    const source = text.slice(start.offset, end);

    if (start.tablePrefix === undefined) {
      const part = parseWith(processorFor(source), source);
      for (const child of part.children) {
        shiftPositions(child, start.line, start.offset);
        children.push(child);
      }
      continue;
    }

    // More rows of the table that ended the previous part: parse them under a copy of the
    // header, move them to their place in the file, and append them to that table.
    const table = children[children.length - 1];
    const part = parseWith(processor, start.tablePrefix + source);
    const parsed = part.children[0];
    if (table?.type !== "table" || part.children.length !== 1 || parsed?.type !== "table") {
      // NOTE: the splitter expected a plain run of rows. When the parts disagree, the whole
      // document is parsed in one piece, which is always right but slower.
      return parseWith(processorFor(text), text);
    }
    const rows = parsed.children.slice(1);
    for (const row of rows) shiftPositions(row, start.line - 2, start.offset - start.tablePrefix.length);
    table.children.push(...rows);
    const last = rows[rows.length - 1];
    if (table.position && last?.position) table.position.end = { ...last.position.end };
  }

  const whole = parseWith(processor, "");
  whole.children = children;
  whole.position = { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) };
  return whole;
}

/** Parses the whole text in one piece, for tests that compare both paths. */
export function parseMarkdownWhole(text: string): Root {
  const root = parseWith(processorFor(text), text);
  restorePositions(root, text);
  return root;
}

function shiftPositions(node: Node, lines: number, offset: number): void {
  if (lines === 0 && offset === 0) return;
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Node & { children?: Node[] };
    const position = current.position;
    if (position) {
      position.start.line += lines;
      position.end.line += lines;
      if (position.start.offset !== undefined) position.start.offset += offset;
      if (position.end.offset !== undefined) position.end.offset += offset;
    }
    if (current.children) for (const child of current.children) stack.push(child);
  }
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 13 || code === 10) {
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}
