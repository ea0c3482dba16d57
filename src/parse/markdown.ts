/**
 * The Markdown parser: remark-parse with GFM and front matter, and nothing else, so that
 * tables, autolinks and front matter are read as GitHub reads them.
 */

import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm);

/** Parses Markdown (without a BOM) into mdast with positions in file coordinates. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** The syntax extensions the parser runs with, for tests that pin them. */
export const PARSER_EXTENSIONS = ["gfm", "frontmatter:yaml", "frontmatter:toml"] as const;
