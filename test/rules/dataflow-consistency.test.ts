import { describe, expect, it } from "vitest";
import rule from "../../rules/dataflow-consistency.js";
import { findings, md, type Finding } from "../helpers.js";

const entities = md("### Entities", "", "| Entity | Description |", "| --- | --- |", "| User | A person |", "| Web App | Frontend |", "| API Gateway | API |", "");
const flows = (...rows: string[]): string =>
  md("### Data Flows Definition", "", "| Flow Identifier | Flow Description | Source Entity | Target Entity | Assets |", "| --- | --- | --- | --- | --- |", ...rows, "");
const boundaries = (...rows: string[]): string =>
  md("### Trust Boundaries", "", "| Boundary Identifier | Purpose | Source Entity | Target Entity |", "| --- | --- | --- | --- |", ...rows, "");
const diagram = (...lines: string[]): string => md("### Dataflow Diagram", "", "```", ...lines, "```");
const dataflow = (...parts: string[]): string => md("## Dataflow", "") + parts.join("");

const goodFlows = flows("| DF1 | Submit | User | Web App | Input |", "| DF2 | Call | Web App | API Gateway, User | Tokens |");
const goodBoundaries = boundaries("| TB1 | Internet edge | User | web app |");
const goodDiagram = diagram("[User] ──DF1──► [Web App]", "╔══ [TB1] ══╗", "[Web App] ─DF2/DF1─► [API Gateway]");

describe("dataflow-consistency", () => {
  const valid: [string, string][] = [
    ["tables and diagram that agree", dataflow(entities, goodFlows, goodBoundaries, goodDiagram)],
    // An image cannot be read, so only the entity names are compared.
    ["an image diagram", dataflow(entities, goodFlows, md("![Dataflow](./dataflow.svg)"))],
    ["no Entities table", dataflow(flows("| DF1 | Submit | Browser | Cloud | Input |"))],
    ["no Dataflow section", md("# App", "", "## Threats")],
    ["empty tables", dataflow(md("| Entity | Description |", "| --- | --- |", ""), flows(), diagram("[User] ──► [Web App]"))],
    ["empty document", ""],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      "a flow and a boundary missing from the diagram",
      dataflow(entities, goodFlows, goodBoundaries, diagram("[User] ──DF1──► [Web App]")),
      [
        {
          messageId: "notInDiagram",
          message: "Data flow `DF2` is not labelled in the dataflow diagram; add `DF2` where the diagram shows it.",
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 6,
        },
        {
          messageId: "notInDiagram",
          message: "Trust boundary `TB1` is not labelled in the dataflow diagram; add `TB1` where the diagram shows it.",
          line: 22,
          column: 3,
          endLine: 22,
          endColumn: 6,
        },
      ],
    ],
    [
      "a diagram label without a row, reported once",
      dataflow(entities, goodFlows, goodBoundaries, diagram("DF1 DF2 TB1", "── DF3 ──►", "DF3 again")),
      [
        {
          messageId: "undefinedLabel",
          message: "Diagram label `DF3` has no row in the Data Flows table; add the row or fix the label.",
          line: 28,
          column: 4,
          endLine: 28,
          endColumn: 7,
        },
      ],
    ],
    [
      "sources and targets that are not entities",
      dataflow(entities, flows("| DF1 | Submit | Users | Web App Frontend | Input |", "| DF2 | Call | User; Browser |  | Tokens |"), goodBoundaries, diagram("DF1 DF2 TB1")),
      [
        {
          messageId: "unknownEntitySuggestion",
          message: "Data flow `DF1` has the source `Users`, which is not in the Entities table; write `User` or add the entity.",
          line: 15,
          column: 18,
          endLine: 15,
          endColumn: 23,
        },
        {
          messageId: "unknownEntity",
          message:
            "Data flow `DF1` has the target `Web App Frontend`, which is not in the Entities table; use an entity name from that table or add the entity.",
          line: 15,
          column: 26,
          endLine: 15,
          endColumn: 42,
        },
        {
          messageId: "unknownEntity",
          message:
            "Data flow `DF2` has the source `Browser`, which is not in the Entities table; use an entity name from that table or add the entity.",
          line: 16,
          column: 16,
          endLine: 16,
          endColumn: 29,
        },
        {
          messageId: "noEntity",
          message: "Data flow `DF2` has no target; name an entity from the Entities table.",
          line: 16,
          column: 31,
          endLine: 16,
          endColumn: 33,
        },
      ],
    ],
    [
      "names that differ from an entity by a word",
      // `Session A` and `Session B` are what distinguish the two names, so `User` is no fix for either.
      dataflow(entities, goodFlows, boundaries("| TB1 | Session isolation | User Session A | User Session B |"), diagram("DF1 DF2 TB1")),
      [
        {
          messageId: "unknownEntity",
          message:
            "Trust boundary `TB1` has the source `User Session A`, which is not in the Entities table; use an entity name from that table or add the entity.",
          line: 22,
          column: 29,
          endLine: 22,
          endColumn: 43,
        },
        {
          messageId: "unknownEntity",
          message:
            "Trust boundary `TB1` has the target `User Session B`, which is not in the Entities table; use an entity name from that table or add the entity.",
          line: 22,
          column: 46,
          endLine: 22,
          endColumn: 60,
        },
      ],
    ],
    [
      "spelling variants of entity names",
      dataflow(entities, flows("| DF1 | Submit | web-app | API Gatway | Input |", "| DF2 | Call | Web Ap | API Gateway | Tokens |"), goodBoundaries, diagram("DF1 DF2 TB1")),
      [
        {
          messageId: "unknownEntitySuggestion",
          message: "Data flow `DF1` has the source `web-app`, which is not in the Entities table; write `Web App` or add the entity.",
          line: 15,
          column: 18,
          endLine: 15,
          endColumn: 25,
        },
        {
          messageId: "unknownEntitySuggestion",
          message: "Data flow `DF1` has the target `API Gatway`, which is not in the Entities table; write `API Gateway` or add the entity.",
          line: 15,
          column: 28,
          endLine: 15,
          endColumn: 38,
        },
        // A typo in a word shorter than four letters may be another name.
        {
          messageId: "unknownEntity",
          message:
            "Data flow `DF2` has the source `Web Ap`, which is not in the Entities table; use an entity name from that table or add the entity.",
          line: 16,
          column: 16,
          endLine: 16,
          endColumn: 22,
        },
      ],
    ],
    [
      "a typo that fits two entities",
      dataflow(
        md("### Entities", "", "| Entity | Description |", "| --- | --- |", "| Order Queue | FIFO |", "| Order Queues | Sharded |", ""),
        flows("| DF1 | Submit | Order Queus | Order Queue | Input |"),
        diagram("DF1"),
      ),
      [
        {
          messageId: "unknownEntity",
          message:
            "Data flow `DF1` has the source `Order Queus`, which is not in the Entities table; use an entity name from that table or add the entity.",
          line: 14,
          column: 18,
          endLine: 14,
          endColumn: 29,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });
});
