#!/usr/bin/env node
// The benchmark's parse floor: read each file and parse it with the unified + remark-parse +
// remark-frontmatter (YAML) + remark-gfm pipeline that tmlint uses, and do nothing else. No model is
// built, no rule runs, and each syntax tree is dropped before the next file is read.
//
//   node bench/parse-floor.mjs FILE...

import { readFileSync } from "node:fs";

import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("Usage: node bench/parse-floor.mjs FILE...");
  process.exit(2);
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm);
for (const file of files) {
  processor.parse(readFileSync(file, "utf8"));
}
