import { describe, expect, it } from "vitest";
import { lintText } from "../src/lint.js";

const text = "# T\n\n## Threats\n";

describe("lintText rule settings", () => {
  it("rejects an unknown severity", () => {
    expect(() => lintText(text, { rules: { "id-format": "fatal" as "error" } })).toThrow(
      'rules.id-format: severity `fatal` is not allowed; use "off", "warn" or "error".',
    );
  });

  it("rejects options that break the rule's schema", () => {
    expect(() => lintText(text, { rules: { "id-format": ["warn", { digits: "x" }] } })).toThrow(
      "rules.id-format[1].digits: must be an integer; got `\"x\"`",
    );
  });

  it("accepts valid options", () => {
    expect(() => lintText(text, { rules: { "id-format": ["warn", { digits: 3 }] } })).not.toThrow();
  });
});
