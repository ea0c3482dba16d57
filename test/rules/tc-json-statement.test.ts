import { describe, expect, it } from "vitest";
import rule from "../../rules/tc-json-statement.js";
import { renderThreatStatement } from "../../src/tcjson/statement.js";
import { splitThreatStatement } from "../../src/tcjson/split-statement.js";
import { jsonFindings, tcJson, uuid } from "../tcjson/helpers.js";

const FULL = {
  threatSource: "internal actor",
  prerequisites: "with access to the S3 bucket",
  threatAction: "tamper with stored objects",
  threatImpact: "serving of malicious content",
  impactedGoal: ["integrity", "availability", "confidentiality"],
  impactedAssets: ["S3 bucket", "user data"],
};
const FULL_STATEMENT =
  "An internal actor with access to the S3 bucket can tamper with stored objects, which leads to serving of malicious content, resulting in reduced integrity, availability and/or confidentiality of S3 bucket and user data";

describe("renderThreatStatement", () => {
  const cases: [string, Parameters<typeof renderThreatStatement>[0], string | undefined][] = [
    ["no part", {}, ""],
    ["source alone", { threatSource: "insider" }, "insider..."],
    ["action alone", { threatAction: "read logs" }, "...read logs..."],
    ["assets alone", { impactedAssets: ["a", "b", "c"] }, "...a, b and c"],
    ["goals alone", { impactedGoal: ["integrity", "availability"] }, "...integrity and/or availability..."],
    ["source and action", { threatSource: "insider", threatAction: "read logs" }, "An insider can read logs"],
    ["missing source", { prerequisites: "with a login", threatAction: "read logs" }, "A threat source with a login can read logs"],
    ["missing action", { threatSource: "user", threatImpact: "data loss" }, "A user can perform a threat action, which leads to data loss"],
    ["goals without assets", { threatSource: "hacker", threatAction: "flood the API", impactedGoal: ["availability"] }, "A hacker can flood the API, resulting in reduced availability"],
    ["assets without goals", { threatSource: "hacker", threatAction: "flood the API", impactedAssets: ["API"] }, "A hacker can flood the API, negatively impacting API"],
    ["all parts", FULL, FULL_STATEMENT],
    ["article inside a part", { threatSource: "hacker", threatAction: "upload a executable file" }, "A hacker can upload an executable file"],
    // ThreatComposer joins the empty text before the first token with a space, so the sentence starts with one.
    ["custom template", { threatSource: "hacker", threatAction: "scan", customTemplate: "[threat_source] may [threat_action]" }, " hacker may scan"],
    ["custom template with an empty part", { threatSource: "hacker", threatAction: "scan", customTemplate: "[threat_source] [threat_impact]" }, undefined],
  ];
  it.each(cases)("renders %s", (_name, parts, expected) => {
    expect(renderThreatStatement(parts)).toBe(expected);
  });
});

describe("splitThreatStatement", () => {
  it("splits a full statement into parts that render back", () => {
    expect(splitThreatStatement(FULL_STATEMENT)).toEqual(FULL);
  });

  it("keeps a clause outside the grammar inside the impact", () => {
    const statement = "A thief who has a keypad can guess codes, which leads to theft, resulting in refunds";
    expect(splitThreatStatement(statement)).toEqual({
      threatSource: "thief",
      prerequisites: "who has a keypad",
      threatAction: "guess codes",
      threatImpact: "theft, resulting in refunds",
    });
  });

  it("returns undefined for a sentence outside the grammar", () => {
    expect(splitThreatStatement("Attackers may guess codes")).toBeUndefined();
    // The article is wrong, so no split renders back to the same text.
    expect(splitThreatStatement("A insider can read logs")).toBeUndefined();
  });
});

describe("tc-json-statement", () => {
  const threat = (extra: object) => tcJson({ schema: 1, threats: [{ id: uuid(3), numericId: 1, ...extra }] });

  it("accepts a statement that matches its parts", () => {
    expect(jsonFindings(rule, threat({ ...FULL, statement: FULL_STATEMENT }))).toEqual([]);
  });

  it("accepts a statement without parts", () => {
    expect(jsonFindings(rule, threat({ statement: "Written by hand" }))).toEqual([]);
  });

  it("reports a statement that differs from its parts", () => {
    const text = threat({ threatSource: "insider", threatAction: "read logs", statement: "An insider can delete logs" });
    expect(jsonFindings(rule, text)).toEqual([
      {
        messageId: "mismatch",
        message:
          "threats[0].statement: `An insider can delete logs` does not match its parts, which render as `An insider can read logs`; update the statement or the parts.",
        line: 9,
        column: 20,
        endLine: 9,
        endColumn: 48,
        source: '"An insider can delete logs"',
      },
    ]);
  });

  it("shows where a long statement differs", () => {
    const changed = FULL_STATEMENT.replace("user data", "user files");
    const [finding] = jsonFindings(rule, threat({ ...FULL, statement: changed }));
    expect(finding?.message).toBe(
      "threats[0].statement: `... S3 bucket and user files` does not match its parts, which render as `... S3 bucket and user data`; update the statement or the parts.",
    );
  });

  it("reports parts without a statement", () => {
    const text = threat({ threatSource: "insider", threatAction: "read logs" });
    expect(jsonFindings(rule, text)).toEqual([
      {
        messageId: "missing",
        message: 'threats[0]: threat has statement parts but no `statement`; add `"statement": "An insider can read logs"`.',
        line: 4,
        column: 5,
        endLine: 4,
        endColumn: 6,
        source: "{",
      },
    ]);
  });

  it("skips a custom template it cannot render", () => {
    const text = threat({ threatSource: "x", threatAction: "y", customTemplate: "[threat_impact]", statement: "anything" });
    expect(jsonFindings(rule, text)).toEqual([]);
  });
});
