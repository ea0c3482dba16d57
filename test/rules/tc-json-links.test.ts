import { describe, expect, it } from "vitest";
import rule from "../../rules/tc-json-links.js";
import { jsonFindings, tcJson, uuid } from "../tcjson/helpers.js";

const A = uuid(1);
const M = uuid(2);
const T = uuid(3);
const MISSING = uuid(99);

const file = (links: { assumptionLinks?: unknown[]; mitigationLinks?: unknown[] }) =>
  tcJson({
    schema: 1,
    assumptions: [{ id: A, numericId: 1, content: "a" }],
    mitigations: [{ id: M, numericId: 1, content: "m" }],
    threats: [{ id: T, numericId: 1, statement: "t" }],
    ...links,
  });

describe("tc-json-links", () => {
  it("accepts links between existing entities of the right kind", () => {
    const text = file({
      assumptionLinks: [
        { type: "Threat", assumptionId: A, linkedId: T },
        { type: "Mitigation", assumptionId: A, linkedId: M },
      ],
      mitigationLinks: [{ mitigationId: M, linkedId: T }],
    });
    expect(jsonFindings(rule, text)).toEqual([]);
  });

  it("reports a link to a missing threat", () => {
    const text = file({ mitigationLinks: [{ mitigationId: M, linkedId: MISSING }] });
    expect(jsonFindings(rule, text)).toEqual([
      {
        messageId: "dangling",
        message:
          "mitigationLinks[0].linkedId: `00000000-0000-4000-8000-000000000099` matches no threat in this file, so ThreatComposer ignores the link; fix the ID or remove the link.",
        line: 27,
        column: 19,
        endLine: 27,
        endColumn: 57,
        source: `"${MISSING}"`,
      },
    ]);
  });

  it("reports a link from a missing assumption", () => {
    const text = file({ assumptionLinks: [{ type: "Threat", assumptionId: MISSING, linkedId: T }] });
    expect(jsonFindings(rule, text).map((finding) => [finding.message, finding.line, finding.column])).toEqual([
      [
        "assumptionLinks[0].assumptionId: `00000000-0000-4000-8000-000000000099` matches no assumption in this file, so ThreatComposer ignores the link; fix the ID or remove the link.",
        27,
        23,
      ],
    ]);
  });

  it("reports an assumption link whose type disagrees with its target", () => {
    const text = file({ assumptionLinks: [{ type: "Threat", assumptionId: A, linkedId: M }] });
    expect(jsonFindings(rule, text).map((finding) => [finding.messageId, finding.message])).toEqual([
      ["wrongKind", "assumptionLinks[0].linkedId: `00000000-0000-4000-8000-000000000002` is a mitigation, not a threat; set `type` to `Mitigation`."],
    ]);
  });

  it("reports a mitigation link to an assumption", () => {
    const text = file({ mitigationLinks: [{ mitigationId: M, linkedId: A }] });
    expect(jsonFindings(rule, text).map((finding) => finding.message)).toEqual([
      "mitigationLinks[0].linkedId: `00000000-0000-4000-8000-000000000001` is an assumption, not a threat; link a threat instead, since ThreatComposer shows mitigation links only on threats.",
    ]);
  });

  it("reports a link given twice", () => {
    const text = file({ mitigationLinks: [{ mitigationId: M, linkedId: T }, { mitigationId: M, linkedId: T }] });
    expect(jsonFindings(rule, text)).toEqual([
      {
        messageId: "duplicate",
        message: "mitigationLinks[1]: the same link is already at mitigationLinks[0]; remove this one.",
        line: 29,
        column: 5,
        endLine: 29,
        endColumn: 6,
        source: "{",
      },
    ]);
  });

  it("runs at warning severity by default", () => {
    expect(rule.meta.defaultSeverity).toBe("warning");
  });

  it("skips links that are not objects and files without links", () => {
    expect(jsonFindings(rule, file({ mitigationLinks: ["x", null] }))).toEqual([]);
    expect(jsonFindings(rule, tcJson({ schema: 1 }))).toEqual([]);
  });
});
