import { describe, expect, it } from "vitest";
import rule from "../../rules/threat-evidence-prefix.js";
import { runRules } from "../../src/engine.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { findings, md, type Finding } from "../helpers.js";

const STATEMENT = "An attacker who has a token can replay it, which leads to access, resulting in fraud";
const PREFIXES = "`**Found in repo**:`, `**Found in image**:`, `**Found in architecture**:` or `**Found in diagram**:`";

/** Builds a Threats table with one row (line 5): the Threat value starts at column 12, then Comments. */
function threat(cell: string, comments = ""): string {
  return md("## Threats", "", "| Threat Number | Threat | Comments |", "| --- | --- | --- |", `| T-0001 | ${cell} | ${comments} |`);
}

/** Builds an Existing Controls table with one row (line 5) whose evidence value starts at column 23. */
function control(evidence: string): string {
  return md(
    "## Existing Controls",
    "",
    "| Control Number | Control Name | Implementation Evidence |",
    "| --- | --- | --- |",
    `| EC-0001 | Lockout | ${evidence} |`,
  );
}

/** Returns the range of the Threat value of `threat(cell)`, without the pipes and padding around it. */
function threatCell(cell: string) {
  return { line: 5, column: 12, endLine: 5, endColumn: 12 + cell.length };
}

/** Returns the range of the evidence value of `control(evidence)`, without the pipes and padding around it. */
function evidenceCell(evidence: string) {
  return { line: 5, column: 23, endLine: 5, endColumn: 23 + evidence.length };
}

describe("threat-evidence-prefix", () => {
  const valid: [string, string, Record<string, unknown>][] = [
    ["repository evidence with file and line", threat(`**Found in repo**: \`src/auth.ts\` Line 45 - ${STATEMENT}`), {}],
    ["the colon inside the bold", threat(`**Found in image:** Dockerfile.prod Line 12 runs as root. ${STATEMENT}`), {}],
    ["architecture evidence", threat(`**Found in architecture**: Section 2.3 shows no WAF. ${STATEMENT}`), {}],
    ["diagram evidence", threat(`**Found in diagram**: top-left gateway has no WAF. ${STATEMENT}`), {}],
    ["evidence in the Comments cell", threat(STATEMENT, "<p>Audit note</p><p>**Found in repo**: src/auth.ts:45 accepts replays</p>"), {}],
    ["a `#L45` line reference", threat(`**Found in repo**: infra/stack.ts#L45 - ${STATEMENT}`), {}],
    ["a file without a line when lines are not required", threat(`**Found in repo**: src/auth.ts accepts replays. ${STATEMENT}`), { requireLine: false }],
    [
      "control evidence on every line",
      control("**Found in repo**: `infra/cognito.ts` Line 23 - pool<br/>**Found in architecture**: Section 4 - MFA optional"),
      {},
    ],
  ];
  it.each(valid)("accepts %s", (_name, text, options) => {
    expect(findings(rule, text, options)).toEqual([]);
  });

  const noPrefix = STATEMENT;
  const noPath = `**Found in repo**: the auth module accepts replays. ${STATEMENT}`;
  const noLine = `**Found in repo**: src/auth.ts accepts replays. ${STATEMENT}`;
  const unknown = `**Found in code**: src/auth.ts Line 4. ${STATEMENT}`;

  const invalid: [string, string, Finding[]][] = [
    [
      "a threat without a prefix",
      threat(noPrefix),
      [{ messageId: "missing", message: `Threat \`T-0001\` has no evidence prefix; start its Threat or Comments cell with ${PREFIXES}.`, ...threatCell(noPrefix) }],
    ],
    [
      "repository evidence without a path",
      threat(noPath),
      [
        {
          messageId: "noPath",
          message: "Threat `T-0001` cites repository evidence without a file path; name the file, e.g. `src/app.ts Line 45`.",
          ...threatCell(noPath),
        },
      ],
    ],
    [
      "repository evidence without a line",
      threat(noLine),
      [
        {
          messageId: "noLine",
          message: "Threat `T-0001` cites repository evidence without a line; add the line, e.g. `Line 45` after the file path.",
          ...threatCell(noLine),
        },
      ],
    ],
    [
      "an unknown evidence source",
      threat(unknown),
      [
        {
          messageId: "unknownSource",
          message: "Threat `T-0001` cites evidence `Found in code`; the source is one of `repo`, `image`, `architecture` or `diagram`.",
          ...threatCell(unknown),
        },
      ],
    ],
    [
      "control evidence without a prefix",
      control("Cognito pool in infra/cognito.ts"),
      [
        {
          messageId: "missing",
          message: `Existing control \`EC-0001\` has no evidence prefix; start its Implementation Evidence with ${PREFIXES}.`,
          ...evidenceCell("Cognito pool in infra/cognito.ts"),
        },
      ],
    ],
    [
      "a second control evidence line without a path",
      control("**Found in architecture**: Section 4<br/>**Found in repo**: the pool config"),
      [
        {
          messageId: "noPath",
          message: "Existing control `EC-0001` cites repository evidence without a file path; name the file, e.g. `src/app.ts Line 45`.",
          ...evidenceCell("**Found in architecture**: Section 4<br/>**Found in repo**: the pool config"),
        },
      ],
    ],
  ];
  it.each(invalid)("reports %s", (_name, text, expected) => {
    expect(findings(rule, text)).toEqual(expected);
  });

  it("checks 100 KB of one character in well under 100 ms", () => {
    const model = parseThreatModel(threat(`**Found in repo**: ${"a".repeat(100_000)}`));
    const started = performance.now();
    const diagnostics = runRules(model, [{ rule, severity: "error", options: rule.meta.defaultOptions }]);
    expect(performance.now() - started).toBeLessThan(100);
    expect(diagnostics.map((diagnostic) => diagnostic.messageId)).toEqual(["noPath"]);
  });

  it.each([
    ["an empty file", ""],
    ["a header-only table", md("## Threats", "", "| Threat Number | Threat |", "| --- | --- |")],
    ["a Threats table without a Threat column", md("## Threats", "", "| Threat Number | Priority |", "| --- | --- |", "| T-0001 | High |")],
  ])("finds nothing in %s", (_name, text) => {
    expect(findings(rule, text)).toEqual([]);
  });
});
