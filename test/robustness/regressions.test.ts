/**
 * Regression tests for faults that the robustness properties and the cost tests found, each
 * with the smallest input that showed it.
 */

import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../../src/parse/markdown.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { ruleRegistry } from "../../rules/index.js";
import { findings } from "../helpers.js";
import { lintAndCheck } from "./check.js";

describe("robustness regressions", () => {
  it("second BOM keeps positions on their lines", () => {
    // micromark drops a U+FEFF at the start of its input without counting it; after tmlint
    // strips the first BOM, a second one used to shift every offset by one.
    const text = "\ufeff\ufeff\nAssumption ID | Assumption\n--- | ---\nT-0001";
    expect(lintAndCheck(text).problems).toEqual([]);

    const model = parseThreatModel(text);
    const row = model.tables[0]?.rows[0];
    expect(row?.range.start).toEqual({ line: 4, column: 1, offset: 39 });
    expect(model.text.slice(39, 45)).toBe("T-0001");
  });

  it("autolink after a link gets its position", () => {
    // remark-gfm's autolink-literal transform splits `: http://…` into nodes without a
    // position, and a quote range then ended at offset 0, before its start.
    const root = parseMarkdown("| a |\n| - |\n| [**T-1**](#T): http://example.com |\n");
    const cell = root.children[0]?.type === "table" ? root.children[0].children[1]?.children[0] : undefined;
    const [, separator, autolink] = cell?.children ?? [];
    expect(separator?.position?.start).toEqual({ line: 3, column: 16, offset: 27 });
    expect(separator?.position?.end).toEqual({ line: 3, column: 18, offset: 29 });
    expect(autolink?.type).toBe("link");
    expect(autolink?.position?.start).toEqual({ line: 3, column: 18, offset: 29 });
    expect(autolink?.position?.end).toEqual({ line: 3, column: 36, offset: 47 });
  });

  it("label quote ending in an autolink", () => {
    const text = [
      "Assumption ID | Assumption | Linked Threats | Linked Mitigations | Comments",
      "--- | --- | --- | --- | ---",
      "T-0001 | x | [**T-0001**](#T-0001): http://example.com",
    ].join("\n");
    expect(lintAndCheck(text).problems).toEqual([]);
    const rule = ruleRegistry.get("xref-full-statement");
    expect(rule).toBeDefined();
    expect(findings(rule as NonNullable<typeof rule>, text)).toEqual([]);
  });
});
