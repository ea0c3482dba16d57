/**
 * Regression tests for faults that the robustness properties and the cost tests found, each
 * with the smallest input that showed it.
 */

import { describe, expect, it } from "vitest";
import { parseThreatModel } from "../../src/parse/model.js";
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
});
