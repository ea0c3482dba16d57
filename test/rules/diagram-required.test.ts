import { describe, expect, it } from "vitest";
import rule from "../../rules/diagram-required.js";
import { findings, md, type Finding } from "../helpers.js";

const boxes = md("```", "┌─────┐    ┌─────┐", "│ Web │───►│ API │", "└─────┘    └─────┘", "```");
const plusBoxes = md("```text", "+-----+    +-----+", "| Web | -> | API |", "+-----+    +-----+", "```");
const mermaid = md("```mermaid", "flowchart LR", "  Web --> API", "```");
const json = md("```json", '{ "a": "->" }', "```");
const image = md("![Dataflow](./images/dataflow.svg)");

const doc = (architecture: string, dataflow: string): string =>
  md("# App", "", "## Architecture", "", "### Architecture Diagram", "") +
  architecture +
  md("", "## Dataflow", "", "### Introduction", "", "Text.", "") +
  dataflow;

describe("diagram-required", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["box-drawing and plus-corner ASCII art", doc(boxes, plusBoxes), {}],
    ["images when the options accept them", doc(image, image), { accept: ["ascii", "image"] }],
    ["Mermaid when the options accept it", doc(mermaid, boxes), { accept: ["mermaid", "ascii"] }],
    ["only the sections the options name", doc(boxes, ""), { sections: ["architecture"] }],
    ["no Architecture or Dataflow section", md("# App", "", "## Threats"), {}],
    ["empty document", "", {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      // The diagram sub-heading exists, so the finding points at it; Dataflow has none.
      "no diagram at all",
      doc(md("Text only."), json),
      {},
      [
        {
          messageId: "missing",
          message:
            "Section `Architecture` has no diagram; add an ASCII diagram in a fenced code block under a `### Architecture Diagram` heading.",
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 25,
        },
        {
          messageId: "missing",
          message:
            "Section `Dataflow` has no diagram; add an ASCII diagram in a fenced code block under a `### Dataflow Diagram` heading.",
          line: 9,
          column: 1,
          endLine: 9,
          endColumn: 12,
        },
      ],
    ],
    [
      "an image where ASCII art is required",
      doc(boxes, image),
      {},
      [
        {
          messageId: "wrongForm",
          message:
            "Section `Dataflow` shows its diagram as an image (`./images/dataflow.svg`); add an ASCII diagram in a fenced code block.",
          line: 19,
          column: 1,
          endLine: 19,
          endColumn: 35,
        },
      ],
    ],
    [
      "a Mermaid diagram where ASCII art or an image is required",
      doc(mermaid, boxes),
      { accept: ["ascii", "image"] },
      [
        {
          messageId: "wrongForm",
          message:
            "Section `Architecture` shows its diagram as a Mermaid diagram (`flowchart LR`); add an ASCII diagram in a fenced code block or an image.",
          line: 7,
          column: 1,
          endLine: 10,
          endColumn: 4,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });
});
