/**
 * Sections, sub-sections, the document title and diagrams.
 */

import { describe, expect, it } from "vitest";
import { parseThreatModel } from "../../src/parse/model.js";
import { normaliseTitle, Vocabulary } from "../../src/parse/vocabulary.js";
import type { Range, SectionKind } from "../../src/types.js";
import { md } from "../helpers.js";

function at(range: Range | undefined): string {
  if (!range) return "none";
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

function kindsOf(text: string): SectionKind[] {
  return parseThreatModel(text).sections.map((section) => section.kind);
}

describe("section titles", () => {
  const cases: [string, SectionKind][] = [
    // [heading as written, section kind]
    ["## Application Info", "application-info"],
    ["## application info", "application-info"],
    ["## APPLICATION INFO", "application-info"],
    ["## Application   Info", "application-info"],
    ["## Application Information", "application-info"],
    ["## Section 1: Application Info", "application-info"],
    ["## Section 1 - Application Info", "application-info"],
    ["## 1. Application Info", "application-info"],
    ["## 1 Application Info", "application-info"],
    ["## 2.1 Architecture", "architecture"],
    ["# Architecture", "architecture"],
    ["## Dataflow", "dataflow"],
    ["## Data Flow", "dataflow"],
    ["## DataFlow", "dataflow"],
    ["## Data-Flow", "dataflow"],
    ["## Section 3: Data Flow", "dataflow"],
    ["## Assumptions:", "assumptions"],
    ["## Threats Table", "threats"],
    ["## **Threats**", "threats"],
    ["## Threats!", "threats"],
    ["## Mitigations", "mitigations"],
    ["## Impacted Assets", "impacted-assets"],
    ["## Impacted Assets Table", "impacted-assets"],
    ["## Existing Controls", "existing-controls"],
    ["## Existing Security Controls", "existing-controls"],
    ["## Residual Threats", "residual-threats"],
    ["## 9. Residual Threats and Recommended Mitigations", "residual-threats"],
    ["## AWS Well-Architected Mappings", "well-architected"],
    ["## AWS Well-Architected Mappings (Optional)", "well-architected"],
    ["## Section 10: AWS Well Architected Mappings", "well-architected"],
  ];

  it.each(cases)("reads `%s`", (heading, kind) => {
    expect(kindsOf(md(heading))).toEqual([kind]);
  });

  const notSections: string[] = [
    "## Goal",
    "## Threat",
    "## Threats and more",
    "## Table",
    "## Section 4",
  ];

  it.each(notSections)("does not read `%s` as a section", (heading) => {
    expect(kindsOf(md(heading))).toEqual([]);
  });

  it("normalises a title to its letters", () => {
    expect(normaliseTitle("Section 3: Data Flow Table")).toBe("dataflow");
    expect(normaliseTitle("  3.  DATA-FLOW  ")).toBe("dataflow");
  });

  it("reads extra titles from configuration", () => {
    const vocabulary = new Vocabulary({ sections: { threats: ["Bedrohungen"] } });
    const model = parseThreatModel(md("## Bedrohungen"), { vocabulary });
    expect(model.sections.map((section) => section.kind)).toEqual(["threats"]);
  });
});

describe("section content", () => {
  const text = md(
    "# Threat Model: Payments",
    "",
    "## Application Info",
    "",
    "## Goal",
    "",
    "Take card payments.",
    "",
    "### Key Features",
    "",
    "- Refunds",
    "",
    "## Architecture",
    "",
    "Text.",
  );
  const model = parseThreatModel(text);

  it("keeps a pasted heading inside its section", () => {
    expect(model.sections.map((section) => section.kind)).toEqual(["application-info", "architecture"]);
    const info = model.sections[0];
    expect(info?.subheadings.map((heading) => heading.text)).toEqual(["Goal", "Key Features"]);
    expect(at(info?.range)).toBe("3:1-11:10");
  });

  it("keeps the section's blocks without its headings", () => {
    const info = model.sections[0];
    expect(info?.nodes.map((node) => node.type)).toEqual(["paragraph", "list"]);
  });

  it("reads the first level-1 heading as the title", () => {
    expect(model.title?.text).toBe("Threat Model: Payments");
    expect(at(model.title?.range)).toBe("1:1-1:25");
  });

  it("has no title without a level-1 heading", () => {
    expect(parseThreatModel(md("## Threats")).title).toBeUndefined();
  });

  it("does not read a level-1 section heading as the title", () => {
    const other = parseThreatModel(md("# Threats", "", "# Threat Model"));
    expect(other.title?.text).toBe("Threat Model");
  });

  it("looks sections up by kind", () => {
    expect(model.section("architecture")?.heading.text).toBe("Architecture");
    expect(model.section("threats")).toBeUndefined();
  });

  it("keeps content before the first section outside every section", () => {
    const other = parseThreatModel(md("# Title", "", "| Threat Number | Threat |", "| --- | --- |", "| T-0001 | x |"));
    expect(other.sections).toEqual([]);
    expect(other.tables[0]?.section).toBeUndefined();
    expect(other.tables[0]?.kind).toBe("threats");
  });

  it("keeps a repeated section twice", () => {
    const other = parseThreatModel(md("## Threats", "", "## Mitigations", "", "## Threats"));
    expect(other.sections.map((section) => section.kind)).toEqual(["threats", "mitigations", "threats"]);
    expect(other.section("threats")?.heading.range.start.line).toBe(1);
  });
});

describe("nested sections", () => {
  /** Lists each section as kind, heading line and the line its range ends on. */
  function spansOf(text: string): [SectionKind, number, number][] {
    return parseThreatModel(text).sections.map((section) => [section.kind, section.heading.range.start.line, section.range.end.line]);
  }

  it.each([
    ["level 3", "### Threats", "threats"],
    ["level 4", "#### Assumptions", "assumptions"],
  ])("reads a title at %s when no level-1 or level-2 heading has it", (_name, heading, kind) => {
    expect(kindsOf(md(heading))).toEqual([kind]);
  });

  it("ends a nested section at the next heading of its level or higher", () => {
    const text = md(
      "# Threat Model",
      "## Scope",
      "### Threats",
      "#### Threat 1",
      "Text.",
      "### Mitigations",
      "Text.",
      "## Appendix",
      "Text.",
    );
    expect(spansOf(text)).toEqual([
      ["threats", 3, 5],
      ["mitigations", 6, 7],
    ]);
    expect(parseThreatModel(text).section("threats")?.subheadings.map((heading) => heading.text)).toEqual(["Threat 1"]);
  });

  it("continues the section around a nested one after it ends", () => {
    const text = md("## Threats", "### Mitigations", "Text.", "## Notes", "| Threat Number | Threat |", "| --- | --- |", "| T-0001 | x |");
    const model = parseThreatModel(text);
    expect(spansOf(text)).toEqual([
      ["threats", 1, 7],
      ["mitigations", 2, 3],
    ]);
    expect(model.tables[0]?.section?.kind).toBe("threats");
  });

  it("leaves a sub-heading alone when a level-2 heading has its title", () => {
    expect(kindsOf(md("## Threats", "", "### Threats", "", "## Mitigations"))).toEqual(["threats", "mitigations"]);
    expect(kindsOf(md("### Threats", "", "## Threats"))).toEqual(["threats"]);
  });
});

describe("sub-sections", () => {
  const vocabulary = new Vocabulary();
  const text = md(
    "## Data Flow",
    "",
    "### Entities",
    "",
    "### Data Flows Definition",
    "",
    "### Trust Boundaries",
    "",
    "### Possible Threat Sources",
    "",
    "### Dataflow Diagram",
    "",
    "### Something else",
  );
  const model = parseThreatModel(text);

  it("finds the known sub-sections of Dataflow", () => {
    const dataflow = model.section("dataflow");
    expect(dataflow?.subheadings.map((heading) => vocabulary.subsectionKey(heading.text))).toEqual([
      "entities",
      "data-flows",
      "trust-boundaries",
      "threat-sources",
      "dataflow-diagram",
      undefined,
    ]);
  });

  it("places each sub-section at its heading", () => {
    const dataflow = model.section("dataflow");
    expect(dataflow?.subheadings.map((heading) => at(heading.range))).toEqual([
      "3:1-3:13",
      "5:1-5:26",
      "7:1-7:21",
      "9:1-9:28",
      "11:1-11:21",
      "13:1-13:19",
    ]);
  });

  const titles: [string, string][] = [
    // [heading text, sub-section key]
    ["Data Flows", "data-flows"],
    ["Trust Boundaries Table", "trust-boundaries"],
    ["Threat Sources", "threat-sources"],
    ["Architecture Components", "components"],
    ["Workflow", "workflow"],
    ["Key Benefits", "key-benefits"],
    ["Disclaimers", "disclaimers"],
    ["Summary", "summary"],
  ];

  it.each(titles)("reads `%s`", (title, key) => {
    expect(vocabulary.subsectionKey(title)).toBe(key);
  });
});

describe("diagrams", () => {
  const text = md(
    "## Architecture",
    "",
    "```mermaid",
    "graph TD; A-->B",
    "```",
    "",
    "![Architecture](images/arch.png)",
    "",
    "    indented code is no diagram",
    "",
    "## Dataflow",
    "",
    "~~~",
    "Browser -> API",
    "~~~",
    "",
    '<img src="flow.svg" alt="Data flow">',
    "",
    "## Threats",
    "",
    "![Chart](chart.png)",
  );
  const model = parseThreatModel(text);

  it("finds fenced code and images in Architecture", () => {
    const diagrams = model.section("architecture")?.diagrams ?? [];
    expect(diagrams.map((diagram) => [diagram.kind, diagram.lang, diagram.value, at(diagram.range)])).toEqual([
      ["code", "mermaid", "graph TD; A-->B", "3:1-5:4"],
      ["image", "images/arch.png", "Architecture", "7:1-7:33"],
    ]);
  });

  it("finds a tilde fence and an HTML image in Dataflow", () => {
    const diagrams = model.section("dataflow")?.diagrams ?? [];
    expect(diagrams.map((diagram) => [diagram.kind, diagram.lang, diagram.value, at(diagram.range)])).toEqual([
      ["code", undefined, "Browser -> API", "13:1-15:4"],
      ["image", "flow.svg", "Data flow", "17:1-17:37"],
    ]);
  });

  it("ties every diagram to its section", () => {
    expect(model.diagrams.map((diagram) => diagram.section?.kind)).toEqual([
      "architecture",
      "architecture",
      "dataflow",
      "dataflow",
      "threats",
    ]);
  });
});
