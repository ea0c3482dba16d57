import { describe, expect, it } from "vitest";
import rule from "../../rules/section-required.js";
import { lintText } from "../../src/lint.js";
import { findings, md, type Finding } from "../helpers.js";

const message = (title: string): string => `Section \`${title}\` is missing; add a \`## ${title}\` heading with its content.`;

const allSections = md(
  "# Threat Model: Lockers",
  "",
  "## Application Info",
  "",
  "## Architecture",
  "",
  "## Dataflow",
  "",
  "## Assumptions",
  "",
  "## Threats",
  "",
  "## Mitigations",
  "",
  "## Impacted Assets",
  "",
  "## Existing Controls",
  "",
  "## Residual Threats",
);

describe("section-required", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["every template section", allSections, {}],
    ["numbered and reworded titles", allSections.replace("## Dataflow", "## Section 3: Data Flow").replace("## Threats", "## 5. Threats Table"), {}],
    ["a listed section", md("## Threats"), { sections: ["threats"] }],
    ["no listed sections", "", { sections: [] }],
    ["a level-1 section heading", md("# Threats"), { sections: ["threats"] }],
    // A title under another heading counts when nested sections are allowed.
    ["a nested section when allowed", md("# Lockers", "", "## Threat Model", "", "### Threats", "", "#### Mitigations"), { sections: ["threats", "mitigations"], allowNested: true }],
    // A sub-heading that repeats a level-2 title is no section, so it is not reported.
    ["a level-3 repeat of a level-2 section", md("## Threats", "", "### Threats"), { sections: ["threats"] }],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      // A missing section is reported at the document title.
      "a missing section under a title",
      allSections.replace("## Mitigations\n", ""),
      {},
      [{ messageId: "missing", message: message("Mitigations"), line: 1, column: 1, endLine: 1, endColumn: 24 }],
    ],
    [
      // Without a title, line 1 column 1 is the place.
      "a missing section without a title",
      md("## Assumptions"),
      { sections: ["assumptions", "threats"] },
      [{ messageId: "missing", message: message("Threats"), line: 1, column: 1, endLine: 1, endColumn: 1 }],
    ],
    [
      // Front matter is no title either.
      "a missing section after front matter",
      md("---", "title: Lockers", "---", "", "## Assumptions"),
      { sections: ["threats"] },
      [{ messageId: "missing", message: message("Threats"), line: 1, column: 1, endLine: 1, endColumn: 1 }],
    ],
    [
      // By default a section needs the template's level, so the nested heading is reported.
      "a section title at level 3",
      md("# Lockers", "", "## Threat Model", "", "### Threats"),
      { sections: ["threats"] },
      [
        {
          messageId: "nested",
          message: "Section `Threats` has the level-3 heading `### Threats`; the template writes sections at level 2, so write `## Threats`.",
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 12,
        },
      ],
    ],
    [
      // The heading keeps its own wording in the fix.
      "a reworded section title at level 4",
      md("#### 5. Threats Table"),
      { sections: ["threats"] },
      [
        {
          messageId: "nested",
          message:
            "Section `Threats` has the level-4 heading `#### 5. Threats Table`; the template writes sections at level 2, so write `## 5. Threats Table`.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 22,
        },
      ],
    ],
    [
      // Each missing section has its own finding, all at the title.
      "several missing sections",
      md("## Summary", "", "# Lockers"),
      { sections: ["threats", "mitigations"] },
      [
        { messageId: "missing", message: message("Mitigations"), line: 3, column: 1, endLine: 3, endColumn: 10 },
        { messageId: "missing", message: message("Threats"), line: 3, column: 1, endLine: 3, endColumn: 10 },
      ],
    ],
    [
      // An empty file misses every default section.
      "an empty file",
      "",
      { sections: ["well-architected"] },
      [{ messageId: "missing", message: message("AWS Well-Architected Mappings"), line: 1, column: 1, endLine: 1, endColumn: 1 }],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });

  // A document that files its threats and mitigations under `## Threat Model`.
  const nested = md("# Admission Control", "", "## Threat Model", "", "### Threats", "", "#### Threat 1 - Flooding", "", "### Mitigations");
  it.each([
    ["recommended", []],
    ["threat-composer", []],
    [
      "strict",
      [
        "Section `Threats` has the level-3 heading `### Threats`; the template writes sections at level 2, so write `## Threats`.",
        "Section `Mitigations` has the level-3 heading `### Mitigations`; the template writes sections at level 2, so write `## Mitigations`.",
      ],
    ],
  ])("reads nested sections under the %s preset", (preset, expected) => {
    const diagnostics = lintText(nested, { preset }).diagnostics.filter((diagnostic) => diagnostic.ruleId === "section-required");
    expect(diagnostics.map((diagnostic) => diagnostic.message).filter((text) => !text.includes("is missing"))).toEqual(expected);
    expect(diagnostics.map((diagnostic) => diagnostic.message).filter((text) => text.includes("`Threats` is missing"))).toEqual([]);
  });

  it("requires the nine template sections by default", () => {
    const missing = findings(rule, md("# Lockers")).map((finding) => finding.message);
    expect(missing).toEqual(
      [
        "Application Info",
        "Architecture",
        "Assumptions",
        "Dataflow",
        "Existing Controls",
        "Impacted Assets",
        "Mitigations",
        "Residual Threats",
        "Threats",
      ].map(message),
    );
  });
});
