import { describe, expect, it } from "vitest";
import rule from "../../rules/required-subsections.js";
import { findings, md, type Finding } from "../helpers.js";

const applicationInfo = md(
  "## Application Info",
  "",
  "### Summary",
  "",
  "A chat service.",
  "",
  "### Key Features",
  "",
  "- Chat",
  "",
  "### Architecture and Documentation Reference",
  "",
  "- `docs/architecture.md`",
  "",
);
const architecture = (workflow: string): string =>
  md(
    "## Architecture",
    "",
    "### Introduction",
    "",
    "Three layers.",
    "",
    "### Key Benefits",
    "",
    "- **Scale**: serverless",
    "",
    "### Architecture Components",
    "",
    "#### Layer 1: Frontend",
    "",
    "- Web app",
    "",
    "### Workflow",
    "",
  ) + workflow;
const dataflow = md("", "## Dataflow", "", "### Introduction", "", "Flows are local.");
const steps = md("1. The user submits a prompt", "2. The API answers");

describe("required-subsections", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["the full layout", applicationInfo + architecture(steps) + dataflow, {}],
    ["a nested numbered list", applicationInfo + architecture(md("- Steps:", "  1. Submit", "  2. Answer")) + dataflow, {}],
    ["bullets when numbering is off", applicationInfo + architecture(md("- Submit")) + dataflow, { numberedWorkflow: false }],
    ["a reduced list from the options", md("## Architecture", "", "### Workflow", "", "1. Go"), { subsections: { architecture: ["workflow"] } }],
    ["no sections", md("# App", "", "Text."), {}],
    ["empty document", "", {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      "missing sub-sections, reported at the section heading",
      md("# App", "", "## Application Info", "", "Text.", "", "## Dataflow", "", "Text."),
      { subsections: { "application-info": ["summary", "references"], dataflow: ["introduction"] } },
      [
        // Findings at one position are sorted by message.
        {
          messageId: "missing",
          message:
            "Section `Application Info` has no `Architecture and Documentation References` sub-section; add a `### Architecture and Documentation References` heading with its content.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 20,
        },
        {
          messageId: "missing",
          message: "Section `Application Info` has no `Summary` sub-section; add a `### Summary` heading with its content.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 20,
        },
        {
          messageId: "missing",
          message: "Section `Dataflow` has no `Introduction` sub-section; add a `### Introduction` heading with its content.",
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 12,
        },
      ],
    ],
    [
      "an empty sub-section followed by a sibling heading",
      md("## Architecture", "", "### Introduction", "", "### Purpose", "", "Text."),
      { subsections: { architecture: ["introduction"] } },
      [
        {
          messageId: "empty",
          message: "Sub-section `Introduction` is empty; add its content below the heading.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 17,
        },
      ],
    ],
    [
      "a workflow written as bullets",
      applicationInfo + architecture(md("- Submit", "- Answer")) + dataflow,
      {},
      [
        {
          messageId: "notNumbered",
          message: "Sub-section `Workflow` has no numbered steps; write the workflow as a numbered list (`1. …`).",
          line: 31,
          column: 1,
          endLine: 31,
          endColumn: 13,
        },
      ],
    ],
    [
      "a missing Key Benefits in a section numbered like the template's",
      md("## Section 2: Architecture", "", "### Introduction", "", "Text."),
      { subsections: { architecture: ["introduction", "key-benefits"] } },
      [
        {
          messageId: "missing",
          message: "Section `Architecture` has no `Key Benefits` sub-section; add a `### Key Benefits` heading with its content.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 27,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });
});
