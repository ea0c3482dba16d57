/**
 * Entities and cross-references: the ID forms of an ID cell, typed entities per table, and
 * every link to an entity with the statement it quotes, its column and its row.
 */

import { describe, expect, it } from "vitest";
import { parseThreatModel } from "../../src/parse/model.js";
import type { Range } from "../../src/types.js";
import { md } from "../helpers.js";

/** `line:column-line:column`, so that a position reads in one string. */
function at(range: Range | undefined): string {
  if (!range) return "none";
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

const threatsHeader = md(
  "## Threats",
  "",
  "| Threat Number | Threat | Mitigations | Assumptions |",
  "| --- | --- | --- | --- |",
);

describe("entity ID forms", () => {
  const cases: [string, string, string, string, string | undefined][] = [
    // [situation, ID cell, id, idForm, anchor]
    ["bold self-link", "[**T-0001**](#T-0001)", "T-0001", "self-link", undefined],
    ["plain self-link", "[T-0001](#T-0001)", "T-0001", "self-link", undefined],
    ["name anchor then text", '<a name="T-0001"></a>T-0001', "T-0001", "anchor", "T-0001"],
    ["id anchor alone", '<a id="T-0001"></a>', "T-0001", "anchor", "T-0001"],
    ["upper-case unquoted id anchor", "<A ID=T-0001></A>T-0001", "T-0001", "anchor", "T-0001"],
    ["single-quoted name anchor", "<a name='T-0001'></a>**T-0001**", "T-0001", "anchor", "T-0001"],
    ["bare", "T-0001", "T-0001", "bare", undefined],
    ["bold", "**T-0001**", "T-0001", "bare", undefined],
    ["trailing colon", "T-0001:", "T-0001", "bare", undefined],
  ];

  it.each(cases)("reads %s", (_situation, idCell, id, idForm, anchor) => {
    const model = parseThreatModel(threatsHeader + md(`| ${idCell} | Token replay | | |`));
    const entity = model.entities[0];
    expect(model.entities).toHaveLength(1);
    expect(entity?.id).toBe(id);
    expect(entity?.kind).toBe("threat");
    expect(entity?.idForm).toBe(idForm);
    expect(entity?.anchor).toBe(anchor);
    expect(entity?.statement).toBe("Token replay");
  });

  it("places the entity at its ID cell", () => {
    const model = parseThreatModel(threatsHeader + md("| [**T-0001**](#T-0001) | Token replay | | |"));
    const entity = model.entities[0];
    expect(at(entity?.range)).toBe("5:3-5:24");
    expect(entity?.idCell.index).toBe(0);
    expect(entity?.row.index).toBe(1);
  });

  it("skips a row with an empty ID cell", () => {
    const model = parseThreatModel(threatsHeader + md("|  | Token replay | | |"));
    expect(model.entities).toEqual([]);
  });

  it("removes the evidence prefix from a threat statement", () => {
    const model = parseThreatModel(threatsHeader + md("| T-0001 | **Found in repo**: An attacker replays a token | | |"));
    expect(model.entities[0]?.statement).toBe("An attacker replays a token");
    expect(model.entities[0]?.statementRaw).toBe("Found in repo: An attacker replays a token");
  });

  // A cell wrapped onto the next source line becomes a one-cell row; it names no entity,
  // so id-format does not report its text as a malformed ID.
  it("does not read a wrapped cell's tail as an entity", () => {
    const model = parseThreatModel(threatsHeader + md("| T-0003 | Data loss", "and downtime |"));
    expect(model.tables[0]?.rows).toHaveLength(2);
    expect(model.entities.map((entity) => entity.id)).toEqual(["T-0003"]);
  });

  it("keeps a one-cell row whose text is an ID", () => {
    const model = parseThreatModel(threatsHeader + md("| T-0003 | Data loss | | |", "| T-0004 |"));
    expect(model.entities.map((entity) => entity.id)).toEqual(["T-0003", "T-0004"]);
  });

  it("keeps a one-cell row with a malformed ID", () => {
    const model = parseThreatModel(threatsHeader + md("| T-0003 | Data loss | | |", "| T4 |"));
    expect(model.entities.map((entity) => entity.id)).toEqual(["T-0003", "T4"]);
  });
});

describe("entity kinds", () => {
  const cases: [string, string, string, string][] = [
    // [section, header, row, kind]
    ["Assumptions", "| Assumption Number | Assumption |", "| A-0001 | TLS everywhere |", "assumption"],
    ["Threats", "| Threat Number | Threat |", "| T-0001 | Replay |", "threat"],
    ["Mitigations", "| Mitigation Number | Mitigation |", "| M-0001 | Nonces |", "mitigation"],
    ["Impacted Assets", "| Asset Number | Asset |", "| AS-0001 | Tokens |", "asset"],
    ["Existing Controls", "| Control Number | Control Name |", "| EC-0001 | WAF |", "control"],
    ["Residual Threats", "| Residual Threat Number | Residual Threat |", "| RT-0001 | Replay |", "residual-threat"],
  ];

  it.each(cases)("reads the %s table", (section, header, row, kind) => {
    const columns = header.split("|").length - 2;
    const delimiter = "|" + " --- |".repeat(columns);
    const model = parseThreatModel(md(`## ${section}`, "", header, delimiter, row));
    expect(model.entities).toHaveLength(1);
    expect(model.entities[0]?.kind).toBe(kind);
  });

  it("reads data flows, trust boundaries and dataflow entities", () => {
    const model = parseThreatModel(
      md(
        "## Dataflow",
        "",
        "### Entities",
        "",
        "| Entity | Description |",
        "| --- | --- |",
        "| Browser | The customer's browser |",
        "",
        "### Data Flows",
        "",
        "| Flow Identifier | Flow Description | Source Entity | Target Entity | Assets |",
        "| --- | --- | --- | --- | --- |",
        "| DF1 | Login | Browser | API | AS-0001 |",
        "",
        "### Trust Boundaries",
        "",
        "| Boundary Identifier | Purpose | Source Entity | Target Entity |",
        "| --- | --- | --- | --- |",
        "| TB1 | Internet edge | Browser | API |",
      ),
    );
    expect(model.entities.map((entity) => [entity.kind, entity.id, entity.statement])).toEqual([
      ["dataflow-entity", "Browser", "The customer's browser"],
      ["data-flow", "DF1", "Login"],
      ["trust-boundary", "TB1", "Internet edge"],
    ]);
  });

  it("keeps every definition of a repeated ID and maps the ID to the first", () => {
    const model = parseThreatModel(threatsHeader + md("| T-0001 | First | | |", "| T-0001 | Second | | |"));
    expect(model.entities.map((entity) => entity.statement)).toEqual(["First", "Second"]);
    expect(model.entityById.get("T-0001")?.statement).toBe("First");
  });

  it("reads no entities from a table of unknown kind", () => {
    const model = parseThreatModel(md("## Notes", "", "| Key | Value |", "| --- | --- |", "| T-0001 | x |"));
    expect(model.tables[0]?.kind).toBeUndefined();
    expect(model.entities).toEqual([]);
  });
});

describe("cross-references", () => {
  const text =
    threatsHeader +
    md(
      "| [**T-0001**](#T-0001) | Replay | [**M-0001**](#M-0001): Nonces<br/>[**M-0002**](#M-0002) - Expiry | [A-0001](#A-0001) |",
      "| T-0002 | Like [T-0001](#T-0001) but later | <br> | |",
    );
  const model = parseThreatModel(text);

  it("lists every entity link with its quote, column and row", () => {
    const summary = model.crossReferences.map((reference) => ({
      target: reference.targetId,
      kind: reference.targetKind,
      quote: reference.quote,
      column: reference.column?.name,
      row: reference.row.index,
      source: reference.source?.id,
      link: at(reference.link.range),
    }));
    expect(summary).toEqual([
      { target: "M-0001", kind: "mitigation", quote: "Nonces", column: "Mitigations", row: 1, source: "T-0001", link: "5:36-5:57" },
      { target: "M-0002", kind: "mitigation", quote: "Expiry", column: "Mitigations", row: 1, source: "T-0001", link: "5:70-5:91" },
      { target: "A-0001", kind: "assumption", quote: "", column: "Assumptions", row: 1, source: "T-0001", link: "5:103-5:120" },
      { target: "T-0001", kind: "threat", quote: "but later", column: "Threat", row: 2, source: "T-0002", link: "6:17-6:34" },
    ]);
  });

  it("does not count the link in the row's own ID cell", () => {
    expect(model.crossReferences.filter((reference) => reference.cell.index === 0)).toEqual([]);
  });

  it("still lists the own ID link as a fragment link", () => {
    expect(model.fragmentLinks.map((link) => link.url)).toEqual(["#T-0001", "#M-0001", "#M-0002", "#A-0001", "#T-0001"]);
  });

  // The quote range covers the text nodes that hold the quote, separator included: the
  // node's value can be shorter than its source (escapes), so no column is computed inside it.
  it("places the quote at its text node", () => {
    expect(model.crossReferences.map((reference) => at(reference.quoteRange))).toEqual([
      "5:57-5:65",
      "5:91-5:100",
      "none",
      "6:34-6:44",
    ]);
  });

  it("counts a link in the ID cell that names another entity", () => {
    const other = parseThreatModel(threatsHeader + md("| T-0003 [see T-0001](#T-0001) | Replay | | |"));
    expect(other.crossReferences.map((reference) => [reference.targetId, reference.cell.index])).toEqual([["T-0001", 0]]);
  });

  it("reads DF and TB links and unknown prefixes", () => {
    const other = parseThreatModel(threatsHeader + md("| T-0003 | On [DF1](#DF1) across [TB2](#TB2), see [X-0001](#X-0001) | | |"));
    expect(other.crossReferences.map((reference) => [reference.targetId, reference.targetKind])).toEqual([
      ["DF1", "data-flow"],
      ["TB2", "trust-boundary"],
      ["X-0001", undefined],
    ]);
  });

  it("ignores links to headings and other pages", () => {
    const other = parseThreatModel(threatsHeader + md("| T-0003 | See [intro](#introduction) and [docs](https://example.com/#T-0001) | | |"));
    expect(other.crossReferences).toEqual([]);
    expect(other.fragmentLinks.map((link) => link.fragment)).toEqual(["introduction"]);
  });
});
