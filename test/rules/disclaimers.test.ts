import { describe, expect, it } from "vitest";
import rule from "../../rules/disclaimers.js";
import { findings, md, type Finding } from "../helpers.js";

const motivation = md("_**1. Motivation for externalizing this threat model:**_", "", "_This threat model is informational only._", "");
const criteria = md("_**2. Criteria for prioritizing threats**_", "", "_Threats are ranked by impact._", "");
const agreement = md("_**3. Agreement:**_", "", "_Use of the services is governed by the customer agreement._", "");
const info = (...parts: string[]): string => md("# App", "", "## Application Info", "", "### Disclaimers", "") + parts.join("");

describe("disclaimers", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["all three with their text", info(motivation, criteria, agreement), {}],
    ["British spelling and a title with its text inline", info(motivation, md("**Criteria for prioritising threats:** by impact to the CIA triad of the system.", ""), agreement), {}],
    ["titles as headings", info(md("#### Motivation", "", "Text.", "", "#### Criteria for prioritizing threats", "", "Text.", "", "#### Agreement", "", "Text.")), {}],
    ["only the disclaimers the options name", info(motivation), { disclaimers: ["motivation"] }],
    ["no Application Info section", md("# App", "", "## Threats"), {}],
    ["empty document", "", {}],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      "no disclaimers and no Disclaimers heading",
      md("# App", "", "## Application Info", "", "A chat service."),
      {},
      [
        {
          messageId: "noDisclaimers",
          message:
            "Section `Application Info` has no disclaimers; add a `### Disclaimers` sub-section with the disclaimers `Motivation for externalizing this threat model`, `Criteria for prioritizing threats` and `Agreement`.",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 20,
        },
      ],
    ],
    [
      // Another third disclaimer does not stand in for the agreement.
      "the agreement replaced by another disclaimer",
      info(motivation, criteria, md("_**3. Scope boundary**_", "", "_Local tooling only._")),
      {},
      [
        {
          messageId: "missing",
          message: "Disclaimer `Agreement` is missing; add the title `_**3. Agreement:**_` followed by its text.",
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 16,
        },
      ],
    ],
    [
      "a title with no text before the next title or heading",
      info(md("_**1. Motivation for externalizing this threat model:**_", ""), criteria, md("_**3. Agreement:**_", "", "### Summary", "", "Text.")),
      {},
      [
        {
          messageId: "noText",
          message: "Disclaimer `Motivation for externalizing this threat model` has no text; add the disclaimer's text below its title.",
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 57,
        },
        {
          messageId: "noText",
          message: "Disclaimer `Agreement` has no text; add the disclaimer's text below its title.",
          line: 13,
          column: 1,
          endLine: 13,
          endColumn: 20,
        },
      ],
    ],
    [
      "disclaimers without a heading, reported at the section",
      md("## Application Info", "", "") + motivation,
      {},
      [
        {
          messageId: "missing",
          message: "Disclaimer `Agreement` is missing; add the title `_**3. Agreement:**_` followed by its text.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 20,
        },
        {
          messageId: "missing",
          message:
            "Disclaimer `Criteria for prioritizing threats` is missing; add the title `_**2. Criteria for prioritizing threats:**_` followed by its text.",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 20,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });
});
