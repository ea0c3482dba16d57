import { describe, expect, it } from "vitest";
import rule from "../../rules/no-forbidden-sections.js";
import { findings, md, type Finding } from "../helpers.js";

const message = (title: string): string =>
  `Section \`${title}\` is not allowed; record each concern as a threat in the Threats table and remove the section.`;

describe("no-forbidden-sections", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["template sections", md("# App", "", "## Threats", "", "## Key Features"), {}],
    ["a similar title", md("## Key Security Controls"), {}],
    ["bold words inside a sentence", md("**Key Security Concerns** are in the Threats table."), {}],
    ["empty headings", md("#####", "", "## Threats"), { titles: ["!!!"] }],
    ["empty document", "", {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      "the banned heading",
      md("# App", "", "## Key Security Concerns", "", "- Injection"),
      {},
      [{ messageId: "forbidden", message: message("Key Security Concerns"), line: 3, column: 1, endLine: 3, endColumn: 25 }],
    ],
    [
      "a numbered heading with a colon",
      md("### 3. Key security concerns:"),
      {},
      [{ messageId: "forbidden", message: message("3. Key security concerns:"), line: 1, column: 1, endLine: 1, endColumn: 30 }],
    ],
    [
      "a bold line used as a heading",
      md("Intro.", "", "**Key Security Concerns**", "", "- Injection"),
      {},
      [{ messageId: "forbidden", message: message("Key Security Concerns"), line: 3, column: 1, endLine: 3, endColumn: 26 }],
    ],
    [
      "a title from the options",
      md("## Coverage Summary", "", "## Key Security Concerns"),
      { titles: ["Coverage Summary"] },
      [{ messageId: "forbidden", message: message("Coverage Summary"), line: 1, column: 1, endLine: 1, endColumn: 20 }],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });
});
