import { describe, expect, it } from "vitest";
import rule, { missingParts } from "../../rules/threat-statement-grammar.js";
import { findings, md, type Finding } from "../helpers.js";

const METHODOLOGY =
  "A|An [threat actor] who [capability] can [action], which leads to [impact], resulting in [business impact]";
const THREAT_COMPOSER =
  "A|An [threat source] [prerequisites] can [threat action][, which leads to [threat impact]][, resulting in reduced [impacted goal] | negatively impacting [impacted assets]]";

/** Builds a Threats table with one row (line 5) whose Threat cell is `statement`. */
function threat(statement: string): string {
  return md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |", `| T-0001 | ${statement} |`);
}

/** Returns the range of the Threat value of `threat(statement)`, without the pipes and padding around it. */
function cellOf(statement: string): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: 5, column: 12, endLine: 5, endColumn: 12 + statement.length };
}

describe("threat-statement-grammar", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["the template's grammar", threat("A malicious user who has stolen credentials can bypass MFA, which leads to account takeover, resulting in 2,000 USD of fraud"), {}],
    ["an evidence prefix and a locator first", threat("**Found in repo**: `src/auth.ts` Line 4 - An attacker who has a token can replay it, which leads to access, resulting in fraud"), {}],
    ["a sentence before the statement", threat("Sessions never expire. An attacker who steals a token can replay it, which leads to access, resulting in fraud"), {}],
    ["a `who can` capability", threat("An insider who can read logs can copy codes, which leads to theft, resulting in refunds"), {}],
    ["ThreatComposer's `with` and `negatively impacting`", threat("A threat actor with network access can flood the API, which leads to an outage, negatively impacting orders"), { grammar: "threat-composer" }],
    ["ThreatComposer's `resulting in reduced`", threat("An external threat actor can inject prompts, which leads to data leaks, resulting in reduced confidentiality"), { grammar: "threat-composer" }],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  // Each form ThreatComposer renders from the parts a threat has filled.
  const threatComposerForms: [string, string][] = [
    ["source, prerequisites and action", "An internal actor with access to the bucket can tamper with objects"],
    ["an impact", "A threat source can perform a threat action, which leads to data loss"],
    ["goals", "An insider can read logs, resulting in reduced confidentiality and/or integrity"],
    ["assets", "An insider can read logs, negatively impacting audit logs and user data"],
    ["goals of assets", "An insider can read logs, resulting in reduced confidentiality of audit logs"],
    ["every part", "An insider with access can read logs, which leads to a leak, resulting in reduced confidentiality of audit logs"],
    ["a source alone", "internal actor..."],
    ["an action alone", "...tamper with stored objects..."],
    ["assets alone", "...S3 bucket and user data"],
  ];
  it.each(threatComposerForms)("accepts ThreatComposer's statement with %s", (_name, statement) => {
    expect(findings(rule, threat(statement), { grammar: "threat-composer" })).toEqual([]);
  });

  it.each([
    ["an impact", "A threat source can perform a threat action, which leads to data loss", ["`who` clause", "`resulting in` clause"]],
    ["a source alone", "internal actor...", ["`A`/`An` opening", "`who` clause", "`can` clause", "`which leads to` clause", "`resulting in` clause"]],
  ])("holds ThreatComposer's statement with %s to the methodology grammar", (_name, statement, parts) => {
    expect(missingParts(statement, "methodology")).toEqual(parts);
  });

  const noCan = "A developer who runs the packager generates a weak build, which leads to open gates, resulting in data loss";
  const theOpener = "The marker file can be deleted, which leads to a second init, resulting in confusion";
  const noImpact = "An attacker who has a token can replay it";
  const bare = "Tokens never expire";
  const noWho = "A threat actor with network access can flood the API, which leads to an outage, resulting in lost orders";
  const impacting = "A threat actor who has access can flood the API, which leads to an outage, negatively impacting orders";

  const invalid: [string, string, Record<string, unknown>, Finding[]][] = [
    [
      "a statement without `can`",
      threat(noCan),
      {},
      [{ messageId: "missingParts", message: `Threat \`T-0001\` statement has no \`can\` clause; write it as \`${METHODOLOGY}\`.`, ...cellOf(noCan) }],
    ],
    [
      "a statement that opens with `The`",
      threat(theOpener),
      {},
      [
        {
          messageId: "missingParts",
          message: `Threat \`T-0001\` statement has no \`A\`/\`An\` opening and no \`who\` clause; write it as \`${METHODOLOGY}\`.`,
          ...cellOf(theOpener),
        },
      ],
    ],
    [
      "a statement that stops after the action",
      threat(noImpact),
      {},
      [
        {
          messageId: "missingParts",
          message: `Threat \`T-0001\` statement has no \`which leads to\` clause and no \`resulting in\` clause; write it as \`${METHODOLOGY}\`.`,
          ...cellOf(noImpact),
        },
      ],
    ],
    [
      "a statement without any part",
      threat(bare),
      {},
      [
        {
          messageId: "missingParts",
          message: `Threat \`T-0001\` statement has no \`A\`/\`An\` opening, no \`who\` clause, no \`can\` clause, no \`which leads to\` clause and no \`resulting in\` clause; write it as \`${METHODOLOGY}\`.`,
          ...cellOf(bare),
        },
      ],
    ],
    [
      "ThreatComposer's `with` under the methodology grammar",
      threat(noWho),
      {},
      [{ messageId: "missingParts", message: `Threat \`T-0001\` statement has no \`who\` clause; write it as \`${METHODOLOGY}\`.`, ...cellOf(noWho) }],
    ],
    [
      "`negatively impacting` under the methodology grammar",
      threat(impacting),
      {},
      [{ messageId: "missingParts", message: `Threat \`T-0001\` statement has no \`resulting in\` clause; write it as \`${METHODOLOGY}\`.`, ...cellOf(impacting) }],
    ],
    [
      "a ThreatComposer statement without `can`",
      threat(noCan),
      { grammar: "threat-composer" },
      [{ messageId: "missingParts", message: `Threat \`T-0001\` statement has no \`can\` clause; write it as \`${THREAT_COMPOSER}\`.`, ...cellOf(noCan) }],
    ],
    [
      "a ThreatComposer statement that opens with `The`",
      threat(theOpener),
      { grammar: "threat-composer" },
      [
        {
          messageId: "missingParts",
          message: `Threat \`T-0001\` statement has no \`A\`/\`An\` opening; write it as \`${THREAT_COMPOSER}\`.`,
          ...cellOf(theOpener),
        },
      ],
    ],
    [
      "an empty Threat cell",
      threat(""),
      {},
      [{ messageId: "empty", message: `Threat \`T-0001\` has no statement; write it as \`${METHODOLOGY}\`.`, line: 5, column: 11, endLine: 5, endColumn: 13 }],
    ],
    [
      "a residual threat without `who` and `can`",
      md(
        "## Residual Threats",
        "",
        "| Residual Threat Number | Residual Threat |",
        "| --- | --- |",
        "| RT-0001 | An adapter bug (EC-0001 gap: no tests) causes an open gate, which leads to bypass, resulting in data loss |",
      ),
      {},
      [
        {
          messageId: "missingParts",
          message: `Residual threat \`RT-0001\` statement has no \`who\` clause and no \`can\` clause; write it as \`${METHODOLOGY}\`.`,
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 118,
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, options, expected) => {
    expect(findings(rule, text, options)).toEqual(expected);
  });

  describe("on hostile input", () => {
    it("scans a line repeating `who can ` 2,000 times in well under 100 ms", () => {
      const statement = "who can ".repeat(2000);
      const started = performance.now();
      const parts = missingParts(statement, "methodology");
      const elapsed = performance.now() - started;
      expect(parts).toEqual(["`A`/`An` opening", "`which leads to` clause", "`resulting in` clause"]);
      expect(elapsed).toBeLessThan(100);
    });

    it("scans 100 KB of one character in well under 100 ms", () => {
      const statement = "a".repeat(100_000);
      const started = performance.now();
      const parts = missingParts(statement, "threat-composer");
      const elapsed = performance.now() - started;
      expect(parts).toEqual(["`A`/`An` opening", "`can` clause"]);
      expect(elapsed).toBeLessThan(100);
    });

    it("scans 100 KB of near-miss keywords in well under 100 ms", () => {
      const statement = `A ${"cancan whom whichleads ".repeat(4000)}`;
      const started = performance.now();
      missingParts(statement, "methodology");
      expect(performance.now() - started).toBeLessThan(100);
    });

    it("lints a document whose threat repeats `who can ` 2,000 times", () => {
      const text = threat(`A ${"who can ".repeat(2000)}`);
      const started = performance.now();
      expect(findings(rule, text).map((finding) => finding.messageId)).toEqual(["missingParts"]);
      expect(performance.now() - started).toBeLessThan(1000);
    });
  });

  it.each([
    ["an empty file", ""],
    ["a header-only table", md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |")],
    ["a Threats table without a Threat column", md("## Threats", "", "| Threat Number | Priority |", "| --- | --- |", "| T-0001 | High |")],
  ])("finds nothing in %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });
});
