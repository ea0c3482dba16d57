import { describe, expect, it } from "vitest";
import rule from "../../rules/id-anchor.js";
import { findings, md, runRule, type Finding } from "../helpers.js";

/** Builds a Threats table with `rows` from line 5, then a mitigation that links T-0001 and T-0002. */
function document(...rows: string[]): string {
  return md(
    "## Threats",
    "",
    "| Threat Number | Threat |",
    "| --- | --- |",
    ...rows,
    "",
    "## Mitigations",
    "",
    "| Mitigation Number | Mitigation | Threats Mitigating |",
    "| --- | --- | --- |",
    '| <a id="M-0001"></a>M-0001 | Lock | [**T-0001**](#T-0001): A thief<br/>[**T-0002**](#T-0002): A burglar |',
  );
}

describe("id-anchor", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["`<a id>` anchors", document('| <a id="T-0001"></a>T-0001 | A thief |', '| <a id="T-0002"></a>T-0002 | A burglar |'), {}],
    ["`<a name>` anchors", document('| <a name="T-0001"></a>T-0001 | A thief |', '| <a name="T-0002"></a>T-0002 | A burglar |'), {}],
    [
      "an anchor next to the self-link",
      document('| <a id="T-0001"></a>[**T-0001**](#T-0001) | A thief |', '| <a id="T-0002"></a>[**T-0002**](#T-0002) | A burglar |'),
      {},
    ],
    [
      "an anchor elsewhere in the file",
      document('| <a id="T-0001"></a>T-0001 | A thief |', "| T-0002 | A burglar |") + md("", '<a id="T-0002"></a>'),
      {},
    ],
    [
      "an unlinked row without anchor when only linked rows need one",
      md("## Impacted Assets", "", "| Assets Number | Asset |", "| --- | --- |", "| AS-0001 | Parcels |"),
      { requireUnlinked: false },
    ],
    ["data flows, which the template does not anchor", md("### Data Flows", "", "| Flow ID | Description |", "| --- | --- |", "| DF1 | Upload |"), {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      "a self-link and a bare ID that others link to",
      document("| [**T-0001**](#T-0001) | A thief |", "| T-0002 | A burglar |"),
      { requireUnlinked: false },
      [
        {
          messageId: "selfLink",
          message:
            'Threat `T-0001` links to itself but defines no anchor, so `#T-0001` has no target on GitHub and this link and 1 link from elsewhere are dead; add `<a id="T-0001"></a>` before the link.',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 24,
        },
        {
          messageId: "noAnchor",
          message:
            'Threat `T-0002` defines no anchor, so `#T-0002` has no target on GitHub and 1 link from elsewhere is dead; write `<a id="T-0002"></a>T-0002` in its ID cell.',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 9,
        },
      ],
    ],
    [
      "a self-link that nothing else links to",
      md("## Impacted Assets", "", "| Asset Number | Asset |", "| --- | --- |", "| [**AS-0001**](#AS-0001) | Parcels |"),
      {},
      [
        {
          messageId: "selfLink",
          message:
            'Asset `AS-0001` links to itself but defines no anchor, so `#AS-0001` has no target on GitHub and this link is dead; add `<a id="AS-0001"></a>` before the link.',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 26,
        },
      ],
    ],
    [
      "an unlinked row without anchor",
      md("## Impacted Assets", "", "| Assets Number | Asset |", "| --- | --- |", "| AS-0001 | Parcels |"),
      {},
      [
        {
          messageId: "noAnchorUnlinked",
          message: 'Asset `AS-0001` has no anchor for links to point at; write `<a id="AS-0001"></a>AS-0001` in its ID cell.',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 10,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });

  it("fixes a self-link by adding an anchor before it", () => {
    const text = document("| [**T-0001**](#T-0001) | A thief |", '| <a id="T-0002"></a>T-0002 | A burglar |');
    const [diagnostic] = runRule(rule, text);
    const offset = text.indexOf("[**T-0001**](#T-0001) | A thief");
    expect(diagnostic?.fix).toEqual({ range: { start: offset, end: offset }, text: '<a id="T-0001"></a>' });
  });

  it.each([
    ["an empty file", ""],
    ["a header-only table", md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |")],
    ["a row with an empty ID cell", md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |", "| | A thief |")],
  ])("finds nothing in %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });
});
