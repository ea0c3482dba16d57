/**
 * One document in LF, CRLF, CR and BOM variants: every rule must report the same findings
 * at the same lines and columns, with CJK and astral text on the reported lines.
 */

import { describe, expect, it } from "vitest";
import { lintText } from "../../src/lint.js";
import type { Diagnostic } from "../../src/types.js";

const lines = [
  "---",
  "title: 储物柜 🔐",
  "---",
  "",
  "# Threat Model: 储物柜 𝒳",
  "",
  "## Threats",
  "",
  "| Threat Number | Threat | Mitigations | Assumptions | Status | Priority | STRIDE | Comments |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  "| [**T-0001**](#T-0001) | 攻击者 🔥 重放 [**M-0009**](#M-0009) | [**M-0001**](#M-0001): 限速 | | Open | High | S | |",
  "| T-2 | 𝒳\tand a tab | | | Open | High | S |",
  "| T-0001 | Again | | | Open | High | S | | extra |",
  "continued 续行",
  "",
  "## Mitigations",
  "",
  "| Mitigation Number | Mitigation | Threats Mitigating | Assumptions | Status | Comments |",
  "| --- | --- |",
  "| M-0001 | Rate limit | | | | |",
  "",
  "See [上面](#Threats) and [🔥](#nowhere).",
  "",
  "## Architecture",
  "",
];

const variants: [string, string][] = [
  ["LF", lines.join("\n")],
  ["CRLF", lines.join("\r\n")],
  ["CR", lines.join("\r")],
  ["BOM and LF", "\ufeff" + lines.join("\n")],
  ["BOM and CRLF", "\ufeff" + lines.join("\r\n")],
  ["BOM and CR", "\ufeff" + lines.join("\r")],
];

/** Everything a user sees of a finding; offsets differ by design and are left out. */
function visible(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.column}-${end.line}:${end.column} ${diagnostic.ruleId} ${diagnostic.message}`;
}

describe.each(["recommended", "strict"])("line endings under %s", (preset) => {
  const reference = lintText(variants[0]?.[1] ?? "", { preset }).diagnostics.map(visible);

  it("finds problems in the reference document", () => {
    expect(reference.length).toBeGreaterThan(10);
    expect(reference.some((finding) => finding.startsWith("11:"))).toBe(true);
  });

  it.each(variants.slice(1))("gives identical findings for %s", (_name, text) => {
    expect(lintText(text, { preset }).diagnostics.map(visible)).toEqual(reference);
  });
});

describe("positions in the reference document", () => {
  const findings = lintText(variants[0]?.[1] ?? "", { preset: "strict" }).diagnostics.map(visible);

  // Columns count UTF-16 units: 攻击者 is three units, 🔥 two.
  it.each([
    "11:37-11:58 xref-target-exists Mitigation `M-0009` is linked from T-0001 but not defined; add it to the Mitigations table or fix the link.",
    "12:3-12:6 id-format Threat ID `T-2` does not match `T-NNNN`; write it as `T-0002`.",
    "13:44-13:49 table-row-shape Row has 9 cells but the header has 8; the cells after `Comments` are not rendered.",
    "14:1-14:13 table-row-shape Row has 1 cell and no ID: `continued 续行` looks like a cell continued on a new line; a cell cannot span lines, use `<br/>` instead.",
    "22:5-22:19 xref-target-exists Link fragment `#Threats` matches `threats` only when case is ignored; write `#threats`.",
    "22:24-22:38 xref-target-exists Link fragment `#nowhere` matches no heading or anchor in this file; fix the fragment or add the target.",
  ])("reports %s", (finding) => {
    expect(findings).toContain(finding);
  });
});
