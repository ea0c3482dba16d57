/**
 * mayBeSlow sends a file to a worker thread, where the time limit can stop it. Each input
 * class here made remark's parse superlinear; ordinary documents must stay in this thread.
 */

import { describe, expect, it } from "vitest";
import { DEEP_INDENT_COLUMNS, DEEP_NESTING_MARKERS, DENSE_BLOCK_MARKERS, mayBeSlow } from "../../src/lint-pool.js";

describe("mayBeSlow", () => {
  const slow: [string, string][] = [
    ["a paragraph of strikethrough markers", "~a".repeat(DENSE_BLOCK_MARKERS + 1)],
    ["a paragraph of link brackets", "[a](b)".repeat(DENSE_BLOCK_MARKERS)],
    ["many nested list markers on one line", "- ".repeat(DEEP_NESTING_MARKERS + 1) + "x"],
    ["list items nested one per line", Array.from({ length: 110 }, (_, level) => "  ".repeat(level) + "- item").join("\n")],
    ["a line indented by tabs", "\t".repeat(DEEP_INDENT_COLUMNS / 4 + 1) + "- item"],
  ];
  it.each(slow)("flags %s", (_name, text) => {
    expect(mayBeSlow(text)).toBe(true);
  });

  const ordinary: [string, string][] = [
    ["a table row with bold and links", "| [**T-0001**](#T-0001) | ~~old~~ text | `code` |\n".repeat(100)],
    ["markers split by blank lines", ("~a".repeat(DENSE_BLOCK_MARKERS / 4) + "\n\n").repeat(8)],
    ["a list nested ten levels", Array.from({ length: 10 }, (_, level) => "  ".repeat(level) + "- item").join("\n")],
    ["an indented code block", "    code\n".repeat(1000)],
    ["an empty text", ""],
  ];
  it.each(ordinary)("passes %s", (_name, text) => {
    expect(mayBeSlow(text)).toBe(false);
  });
});
