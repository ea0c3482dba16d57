import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import rule from "../../rules/tc-json-companion.js";
import { runRules } from "../../src/engine.js";
import { parseThreatModel } from "../../src/parse/model.js";
import { readFileIfPresent } from "../../src/tcjson/read-file.js";
import type { Diagnostic, FileReader } from "../../src/types.js";
import { CORPUS_SKIP_REASON, corpusDir, md } from "../helpers.js";
import { tcJson, uuid } from "../tcjson/helpers.js";

const MARKDOWN = md(
  "# Shop",
  "## Assumptions",
  "",
  "| Assumption Number | Assumption | Linked Threats | Linked Mitigations | Comments |",
  "| --- | --- | --- | --- | --- |",
  '| <a name="A-0001"></a>A-0001 | Users sign in \\(SSO\\) | [**T-0001**](#T-0001): An insider can read logs |  |  |',
  "",
  "## Threats",
  "",
  "| Threat Number | Threat | Mitigations | Assumptions | Status | Priority | STRIDE | Comments |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  '| <a name="T-0001"></a>T-0001 | An insider can read logs | [**M-0001**](#M-0001): Encrypt logs | [**A-0001**](#A-0001): Users sign in \\(SSO\\) |  Identified | High | T, I | <p>See <a href="https://example.com">docs</a></p> |',
  "",
  "## Mitigations",
  "",
  "| Mitigation Number | Mitigation | Threats Mitigating | Assumptions | Status | Comments |",
  "| --- | --- | --- | --- | --- | --- |",
  '| <a name="M-0001"></a>M-0001 | Encrypt logs | [**T-0001**](#T-0001): An insider can read logs |  | Resolved |  |',
);

const A = uuid(1);
const M = uuid(2);
const T = uuid(3);

/** Builds the JSON that agrees with MARKDOWN in every compared field. */
function agreeing() {
  return {
    schema: 1,
    assumptions: [{ id: A, numericId: 1, content: "Users sign in (SSO)" }],
    mitigations: [{ id: M, numericId: 1, content: "Encrypt logs", status: "mitigationResolved" }],
    assumptionLinks: [{ type: "Threat", assumptionId: A, linkedId: T }],
    mitigationLinks: [{ mitigationId: M, linkedId: T }],
    threats: [
      {
        id: T,
        numericId: 1,
        threatSource: "insider",
        threatAction: "read logs",
        statement: "An insider can read logs",
        status: "threatIdentified",
        metadata: [
          { key: "Priority", value: "High" },
          { key: "STRIDE", value: ["T", "I"] },
          { key: "Comments", value: "See [docs](https://example.com)" },
        ],
      },
    ],
  };
}

type Data = ReturnType<typeof agreeing>;

interface CompanionFinding {
  messageId: string | undefined;
  message: string;
  line: number;
  column: number;
  /** The Markdown the range covers, cut to 40 characters. */
  source: string;
}

/** Runs the rule on a Markdown file at /docs/shop.md with the given files readable. */
function check(markdown: string, files: Record<string, string>, options: Record<string, unknown> = {}, reader?: FileReader): CompanionFinding[] {
  const model = parseThreatModel(markdown, { filePath: "/docs/shop.md" });
  const readFile: FileReader = reader ?? ((path) => files[path]);
  const diagnostics: Diagnostic[] = runRules(model, [{ rule, severity: "error", options: { ...rule.meta.defaultOptions, ...options } }], { readFile });
  return diagnostics.map((diagnostic) => ({
    messageId: diagnostic.messageId,
    message: diagnostic.message,
    line: diagnostic.range.start.line,
    column: diagnostic.range.start.column,
    source: model.text.slice(diagnostic.range.start.offset, diagnostic.range.end.offset).slice(0, 40),
  }));
}

function withJson(change: (data: Data) => void): CompanionFinding[] {
  const data = agreeing();
  change(data);
  return check(MARKDOWN, { "/docs/shop.tc.json": tcJson(data) });
}

const threatOf = (data: Data) => data.threats[0] as Data["threats"][number] & Record<string, unknown>;

describe("tc-json-companion", () => {
  it("accepts a document and JSON that agree", () => {
    expect(withJson(() => undefined)).toEqual([]);
  });

  it("does nothing without a JSON file unless one is required", () => {
    expect(check(MARKDOWN, {})).toEqual([]);
    expect(check(MARKDOWN, {}, { require: true })).toEqual([
      {
        messageId: "missing",
        message: "No ThreatComposer file `shop.tc.json` was found for this document; write it with `tmlint export shop.md -o shop.tc.json`, or set this rule's `path` option.",
        line: 1,
        column: 1,
        source: "# Shop",
      },
    ]);
  });

  it("does nothing without file access", () => {
    const model = parseThreatModel(MARKDOWN, { filePath: "/docs/shop.md" });
    expect(runRules(model, [{ rule, severity: "error", options: { ...rule.meta.defaultOptions, require: true } }])).toEqual([]);
  });

  it("does nothing for standard input", () => {
    const model = parseThreatModel(MARKDOWN, { filePath: "<stdin>" });
    const options = { ...rule.meta.defaultOptions, require: true };
    expect(runRules(model, [{ rule, severity: "error", options }], { readFile: () => undefined })).toEqual([]);
  });

  it("reads the JSON from the path option", () => {
    const files = { "/docs/json/shop-model.tc.json": tcJson({ schema: 1 }) };
    const findings = check(MARKDOWN, files, { path: "json/{name}-model.tc.json" });
    expect(findings.map((finding) => finding.messageId)).toEqual(["notInJson", "notInJson", "notInJson"]);
    expect(findings[0]?.message).toBe("Assumption `A-0001` is not in `json/shop-model.tc.json`; add it there, or remove this row.");
  });

  it("reports JSON that cannot be read", () => {
    expect(check(MARKDOWN, { "/docs/shop.tc.json": '{"schema": 1,}' })).toEqual([
      {
        messageId: "invalid",
        message:
          "ThreatComposer file `shop.tc.json` cannot be compared: line 1: invalid JSON, trailing comma before `}`; JSON allows none, so remove it; fix it, then lint this document again.",
        line: 1,
        column: 1,
        source: "# Shop",
      },
    ]);
    expect(check(MARKDOWN, { "/docs/shop.tc.json": "[]" }).map((finding) => finding.message)).toEqual([
      "ThreatComposer file `shop.tc.json` cannot be compared: its top level is not an object; fix it, then lint this document again.",
    ]);
  });

  // One case for each compared field: the JSON is changed, the finding sits on the Markdown cell.
  const FIELD_CASES: [string, (data: Data) => void, CompanionFinding][] = [
    [
      "threat statement",
      (data) => (threatOf(data).statement = "An insider can read all logs"),
      {
        messageId: "textDiffers",
        message: "Threat `T-0001` reads `An insider can read logs` here but `An insider can read all logs` in `shop.tc.json`; make the two agree.",
        line: 12,
        column: 33,
        source: "An insider can read logs",
      },
    ],
    [
      "assumption content",
      (data) => (data.assumptions[0]!.content = "Users sign in (OIDC)"),
      {
        messageId: "textDiffers",
        message: "Assumption `A-0001` reads `Users sign in (SSO)` here but `Users sign in (OIDC)` in `shop.tc.json`; make the two agree.",
        line: 6,
        column: 33,
        source: "Users sign in \\(SSO\\)",
      },
    ],
    [
      "mitigation content",
      (data) => (data.mitigations[0]!.content = "Encrypt and rotate logs"),
      {
        messageId: "textDiffers",
        message: "Mitigation `M-0001` reads `Encrypt logs` here but `Encrypt and rotate logs` in `shop.tc.json`; make the two agree.",
        line: 18,
        column: 33,
        source: "Encrypt logs",
      },
    ],
    [
      "threat status",
      (data) => (threatOf(data).status = "threatResolved"),
      {
        messageId: "fieldDiffers",
        message: "Threat `T-0001` has status `Identified` here but `Resolved` in `shop.tc.json`; make the two agree.",
        line: 12,
        column: 146,
        source: "Identified",
      },
    ],
    [
      "mitigation status",
      (data) => delete (data.mitigations[0] as { status?: string }).status,
      {
        messageId: "fieldDiffers",
        message: "Mitigation `M-0001` has status `Resolved` here but `NoSet` in `shop.tc.json`; make the two agree.",
        line: 18,
        column: 101,
        source: "Resolved",
      },
    ],
    [
      "Priority",
      (data) => (threatOf(data).metadata[0]!.value = "Low"),
      {
        messageId: "fieldDiffers",
        message: "Threat `T-0001` has Priority `High` here but `Low` in `shop.tc.json`; make the two agree.",
        line: 12,
        column: 159,
        source: "High",
      },
    ],
    [
      "STRIDE",
      (data) => (threatOf(data).metadata[1]!.value = ["T"]),
      {
        messageId: "fieldDiffers",
        message: "Threat `T-0001` has STRIDE `T, I` here but `T` in `shop.tc.json`; make the two agree.",
        line: 12,
        column: 166,
        source: "T, I",
      },
    ],
    [
      "comments",
      (data) => (threatOf(data).metadata[2]!.value = "See [the guide](https://example.com)"),
      {
        messageId: "fieldDiffers",
        message: "Threat `T-0001` has Comments `See docs` here but `See [the guide](https://example.com)` in `shop.tc.json`; make the two agree.",
        line: 12,
        column: 173,
        source: '<p>See <a href="https://example.com">doc',
      },
    ],
    [
      "a link the Markdown lacks",
      (data) => data.assumptionLinks.push({ type: "Mitigation", assumptionId: A, linkedId: M }),
      {
        messageId: "linkMissing",
        message: "Assumption `A-0001` links `M-0001` in `shop.tc.json`, but its Linked Mitigations cell does not; add the reference, or remove the link from the JSON.",
        line: 6,
        column: 106,
        source: "  ",
      },
    ],
    [
      "a link the JSON lacks",
      (data) => (data.mitigationLinks = []),
      {
        messageId: "linkExtra",
        message: "Threat `T-0001` links `M-0001` here but not in `shop.tc.json`; add the link to the JSON, or remove this reference.",
        line: 12,
        column: 60,
        source: "[**M-0001**](#M-0001)",
      },
    ],
    [
      "a row the JSON lacks",
      (data) => (data.assumptions = []),
      {
        messageId: "notInJson",
        message: "Assumption `A-0001` is not in `shop.tc.json`; add it there, or remove this row.",
        line: 6,
        column: 3,
        source: '<a name="A-0001"></a>A-0001',
      },
    ],
    [
      "an entity the Markdown lacks",
      (data) => data.threats.push({ ...threatOf(data), id: uuid(4), numericId: 2, statement: "A guest can list users" }),
      {
        messageId: "notInMarkdown",
        message: "`shop.tc.json` has threat `T-0002` (`A guest can list users`), which this document lacks; add its row to the Threats table, or remove it from the JSON.",
        line: 10,
        column: 1,
        source: "| Threat Number | Threat | Mitigations |",
      },
    ],
  ];

  it.each(FIELD_CASES)("reports a different %s at its cell", (_name, change, expected) => {
    const findings = withJson(change);
    // A changed link or row shows on both sides of the link; the first finding is the one under test.
    expect(findings[0]).toEqual(expected);
  });

  it("reports only the field that differs", () => {
    expect(withJson((data) => (threatOf(data).metadata[0]!.value = "Low")).length).toBe(1);
    expect(withJson((data) => (threatOf(data).status = "threatResolved")).length).toBe(1);
  });

  it("matches rows by number and reads custom values first", () => {
    const markdown = MARKDOWN.replace(/T-0001/g, "T-01").replace("| High |", "| Critical |");
    const findings = withJsonFor(markdown, (data) => threatOf(data).metadata.push({ key: "custom:priority", value: "Critical" }));
    expect(findings).toEqual([]);
  });

  it("compares only threats in a threats-only export", () => {
    const markdown = md(
      "## Threats",
      "",
      "| Threat Number | Threat |  Status | Priority | STRIDE | Comments |",
      "| --- | --- |  --- | --- | --- | --- |",
      '| <a name="T-0001"></a>T-0001 | An insider can read logs |  Identified | High | T, I | <p>See <a href="https://example.com">docs</a></p> |',
    );
    expect(withJsonFor(markdown, () => undefined)).toEqual([]);
    expect(withJsonFor(markdown, (data) => (threatOf(data).metadata[0]!.value = "Low")).map((finding) => finding.messageId)).toEqual(["fieldDiffers"]);
  });
});

function withJsonFor(markdown: string, change: (data: Data) => void): CompanionFinding[] {
  const data = agreeing();
  change(data);
  return check(markdown, { "/docs/shop.tc.json": tcJson(data) });
}

describe.skipIf(corpusDir === undefined)(`tc-json-companion on the corpus (${corpusDir === undefined ? CORPUS_SKIP_REASON : "ThreatComposer's own exports"})`, () => {
  const markdownDir = join(corpusDir ?? "", "tc-md");
  const files = corpusDir === undefined ? [] : readdirSync(markdownDir).filter((name) => name.endsWith(".md"));

  it.each(files)("%s agrees with its JSON", (name) => {
    const base = name.replace(/(?:\.threats-only)?\.md$/, "");
    const path = join(markdownDir, name);
    const model = parseThreatModel(readFileSync(path, "utf8"), { filePath: path });
    const options = { path: `../tc-json/${base}.tc.json`, require: true };
    const diagnostics = runRules(model, [{ rule, severity: "error", options }], { readFile: readFileIfPresent });
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
  });

  it("finds a JSON file for every export", () => {
    expect(files.length).toBe(16);
  });
});
