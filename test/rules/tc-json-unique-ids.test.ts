import { describe, expect, it } from "vitest";
import rule from "../../rules/tc-json-unique-ids.js";
import { jsonFindings, tcJson, uuid } from "../tcjson/helpers.js";

const threat = (id: string, numericId: number) => ({ id, numericId, statement: "x" });

describe("tc-json-unique-ids", () => {
  it("accepts distinct IDs and the same number in different kinds", () => {
    const text = tcJson({
      schema: 1,
      assumptions: [{ id: uuid(1), numericId: 1, content: "a" }],
      threats: [threat(uuid(2), 1), threat(uuid(3), 2)],
    });
    expect(jsonFindings(rule, text)).toEqual([]);
  });

  it("reports a second entity with the same id", () => {
    const text = tcJson({ schema: 1, threats: [threat(uuid(2), 1), threat(uuid(2), 2)] });
    expect(jsonFindings(rule, text)).toEqual([
      {
        messageId: "duplicateId",
        message:
          "threats[1].id: `00000000-0000-4000-8000-000000000002` is already the ID of T-0001 (threats[0]); give this threat its own ID, such as a new UUID.",
        line: 10,
        column: 13,
        endLine: 10,
        endColumn: 51,
        source: '"00000000-0000-4000-8000-000000000002"',
      },
    ]);
  });

  it("reports an id shared across kinds", () => {
    const text = tcJson({ schema: 1, assumptions: [{ id: "same", numericId: 1, content: "a" }], mitigations: [{ id: "same", numericId: 1, content: "m" }] });
    expect(jsonFindings(rule, text).map((finding) => finding.message)).toEqual([
      "mitigations[0].id: `same` is already the ID of A-0001 (assumptions[0]); give this mitigation its own ID, such as a new UUID.",
    ]);
  });

  it("reports a second entity of one kind with the same number", () => {
    const text = tcJson({ schema: 1, threats: [threat(uuid(2), 7), threat(uuid(3), 7)] });
    expect(jsonFindings(rule, text)).toEqual([
      {
        messageId: "duplicateNumber",
        message: "threats[1].numericId: `7` is already used by T-0007 (threats[0]), so both show as T-0007; give this threat an unused number.",
        line: 11,
        column: 20,
        endLine: 11,
        endColumn: 21,
        source: "7",
      },
    ]);
  });

  it("skips entities without a string id or a numeric number", () => {
    const text = tcJson({ schema: 1, threats: [{ id: 1, numericId: "1" }, { id: 1, numericId: "1" }, "not an object"] });
    expect(jsonFindings(rule, text)).toEqual([]);
  });

  it("does nothing on invalid JSON or a bare array", () => {
    expect(jsonFindings(rule, "{")).toEqual([]);
    expect(jsonFindings(rule, "[]")).toEqual([]);
  });
});
