import { describe, expect, it } from "vitest";
import rule from "../../rules/xref-target-exists.js";
import { findings, md, type Finding } from "../helpers.js";

const missingEntity = (kind: string, id: string, from: string, table: string): string =>
  `${kind} \`${id}\` is linked${from} but not defined; add it to the ${table} table or fix the link.`;
const missingAnchor = (fragment: string): string =>
  `Link fragment \`#${fragment}\` matches no heading or anchor in this file; fix the fragment or add the target.`;
const caseMismatch = (fragment: string, target: string): string =>
  `Link fragment \`#${fragment}\` matches \`${target}\` only when case is ignored; write \`#${target}\`.`;

const threats = md(
  "## Threats",
  "",
  "| Threat Number | Threat | Mitigations |",
  "| --- | --- | --- |",
  "| [**T-0001**](#T-0001) | Replay | [**M-0001**](#M-0001): Nonces |",
);
const mitigations = md("", "## Mitigations", "", "| Mitigation Number | Mitigation |", "| --- | --- |", '| <a name="M-0001"></a>M-0001 | Nonces |');

describe("xref-target-exists", () => {
  const valid: [string, string][] = [
    ["links to defined entities", threats + mitigations],
    // The link in an entity's own ID cell names the row it sits in.
    ["a self-link in an ID cell", md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |", "| [**T-0001**](#T-0001) | Replay |")],
    ["a heading slug", md("## Trust Boundaries", "", "See [boundaries](#trust-boundaries).")],
    ["a numbered duplicate slug", md("## Notes", "", "## Notes", "", "[second](#notes-1)")],
    ["an HTML id", md('<div id="Top"></div>', "", "[up](#Top)")],
    ["an HTML name", md('<a name="glossary"></a>', "", "[terms](#glossary)")],
    ["a percent-encoded fragment", md("## Übersicht", "", "[a](#%C3%BCbersicht)")],
    ["a bare hash", md("[top](#)")],
    ["links to other pages", md("[a](other.md#T-0009) [b](https://example.com/#x)")],
    ["a data flow", md("## Dataflow", "", "### Data Flows", "", "| Flow Identifier | Flow Description |", "| --- | --- |", "| DF1 | Login |", "", "See [DF1](#DF1).")],
    ["an empty file", ""],
  ];
  it.each(valid)("accepts %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });

  const invalid: [string, string, Finding[]][] = [
    [
      // A link from an entity's row names that entity as its source.
      "a link from a threat to a missing mitigation",
      threats,
      [
        {
          messageId: "missingEntity",
          message: missingEntity("Mitigation", "M-0001", " from T-0001", "Mitigations"),
          line: 5,
          column: 36,
          endLine: 5,
          endColumn: 57,
        },
      ],
    ],
    [
      // Outside a table the link has no source.
      "a link in prose to a missing threat",
      md("See [**T-0009**](#T-0009)."),
      [{ messageId: "missingEntity", message: missingEntity("Threat", "T-0009", "", "Threats"), line: 1, column: 5, endLine: 1, endColumn: 26 }],
    ],
    [
      // Each prefix names its own table.
      "links to missing assets, controls, residual threats and trust boundaries",
      md("[a](#AS-0001) [b](#EC-0002) [c](#RT-0003) [d](#TB4)"),
      [
        { messageId: "missingEntity", message: missingEntity("Asset", "AS-0001", "", "Impacted Assets"), line: 1, column: 1, endLine: 1, endColumn: 14 },
        {
          messageId: "missingEntity",
          message: missingEntity("Existing control", "EC-0002", "", "Existing Controls"),
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 28,
        },
        {
          messageId: "missingEntity",
          message: missingEntity("Residual threat", "RT-0003", "", "Residual Threats"),
          line: 1,
          column: 29,
          endLine: 1,
          endColumn: 42,
        },
        { messageId: "missingEntity", message: missingEntity("Trust boundary", "TB4", "", "Trust Boundaries"), line: 1, column: 43, endLine: 1, endColumn: 52 },
      ],
    ],
    [
      // A fragment that is no entity ID must match a heading or an anchor.
      "a fragment that matches nothing",
      md("## Scope", "", "[scope](#scopes)"),
      [{ messageId: "missingAnchor", message: missingAnchor("scopes"), line: 3, column: 1, endLine: 3, endColumn: 17 }],
    ],
    [
      // An unknown prefix is not an entity kind, so it is an anchor.
      "an unknown prefix",
      md("[x](#X-0001)"),
      [{ messageId: "missingAnchor", message: missingAnchor("X-0001"), line: 1, column: 1, endLine: 1, endColumn: 13 }],
    ],
    [
      // Heading slugs are lower case; a fragment that differs only in case gets its own message.
      "a heading fragment in the wrong case",
      md("## Trust Boundaries", "", "[tb](#Trust-Boundaries)"),
      [{ messageId: "caseMismatch", message: caseMismatch("Trust-Boundaries", "trust-boundaries"), line: 3, column: 1, endLine: 3, endColumn: 24 }],
    ],
    [
      // Entity IDs and explicit anchors match exactly too.
      "an entity link in the wrong case",
      threats + mitigations + md("", "See [m](#m-0001)."),
      [{ messageId: "caseMismatch", message: caseMismatch("m-0001", "M-0001"), line: 13, column: 5, endLine: 13, endColumn: 17 }],
    ],
    [
      // A link after the last duplicate slug does not exist.
      "a duplicate slug one past the last",
      md("## Details", "", "## Details", "", "## Details-1", "", "[bad](#details-2)"),
      [{ messageId: "missingAnchor", message: missingAnchor("details-2"), line: 7, column: 1, endLine: 7, endColumn: 18 }],
    ],
    [
      // A malformed percent escape is compared as written.
      "a malformed escape",
      md("[x](#100%)"),
      [{ messageId: "missingAnchor", message: missingAnchor("100%"), line: 1, column: 1, endLine: 1, endColumn: 11 }],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });
});
