import { describe, expect, test } from "vitest";
import sarif from "../../src/formatters/sarif.js";
import type { LintResult } from "../../src/types.js";
import { ruleRegistry } from "../../rules/index.js";
import { fixtureContext, fixtureResults, range } from "./fixture.js";
import { expectGolden } from "./golden.js";
import { describeErrors, sarifValidator } from "./schemas.js";

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; helpUri?: string; defaultConfiguration?: { enabled?: boolean; level: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
      relatedLocations?: { id: number; message: { text: string }; physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
  }[];
}

const validate = sarifValidator();

function parse(output: string): SarifLog {
  return JSON.parse(output) as SarifLog;
}

function expectValid(log: unknown): void {
  expect(validate(log), describeErrors(validate)).toBe(true);
}

describe("sarif formatter", () => {
  test("golden output", () => {
    expectGolden("sarif.json", sarif(fixtureResults, fixtureContext()));
  });

  test("fixture output is valid SARIF 2.1.0", () => {
    expectValid(parse(sarif(fixtureResults, fixtureContext())));
  });

  test("schema rejects column 0", () => {
    // Proves the validator is strict about the fault that makes upload-sarif reject a file.
    const log = parse(sarif(fixtureResults, fixtureContext()));
    log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startColumn = 0;
    expect(validate(log)).toBe(false);
  });

  test("every built-in rule listed with helpUri", () => {
    const log = parse(sarif(fixtureResults, fixtureContext({ rules: ruleRegistry })));
    expectValid(log);
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual([...ruleRegistry.keys()]);
    for (const rule of rules) expect(rule.helpUri, rule.id).toBe(ruleRegistry.get(rule.id)!.meta.docsUrl);
  });

  test("default level follows the run's severities", () => {
    const ruleSeverities = new Map([
      ["id-unique", "warn"],
      ["section-order", "error"],
      ["xref-target-exists", "off"],
    ] as const);
    const log = parse(sarif(fixtureResults, fixtureContext({ ruleSeverities })));
    expectValid(log);
    const levels = Object.fromEntries(log.runs[0]!.tool.driver.rules.map((rule) => [rule.id, rule.defaultConfiguration]));
    expect(levels["id-unique"]).toEqual({ level: "warning" });
    expect(levels["section-order"]).toEqual({ level: "error" });
    expect(levels["xref-target-exists"]).toEqual({ enabled: false, level: "error" });
    // Not in the map: the rule's own default severity.
    expect(levels["section-required"]).toEqual({ level: "error" });
  });

  test("ruleIndex points at the rule", () => {
    const run = parse(sarif(fixtureResults, fixtureContext())).runs[0]!;
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  test("finding without position points at 1:1", () => {
    const region = parse(sarif(fixtureResults, fixtureContext())).runs[0]!.results[0]!.locations[0]!.physicalLocation.region;
    expect(region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  test("columns count UTF-16 code units", () => {
    expect(parse(sarif(fixtureResults, fixtureContext())).runs[0]!.columnKind).toBe("utf16CodeUnits");
  });

  test("URIs are relative and percent-encoded", () => {
    const run = parse(sarif(fixtureResults, fixtureContext())).runs[0]!;
    const locations = run.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation);
    expect(locations[0]).toEqual({ uri: "docs/threat%20models/pay%231.md", uriBaseId: "%SRCROOT%" });
    expect(locations).toContainEqual({ uri: "docs/tm.md", uriBaseId: "%SRCROOT%" });
    expect(locations).toContainEqual({ uri: "notes/a%2Cb%3A%20c.md", uriBaseId: "%SRCROOT%" });
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///work/repo/" } });
  });

  test("files outside the root get file URIs", () => {
    const run = parse(sarif(fixtureResults, fixtureContext())).runs[0]!;
    const uris = run.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: "file:///elsewhere/outside.md" });
    expect(uris).toContainEqual({ uri: "file:///C:/work/repo/docs/win.md" });
  });

  test("Windows path relative to a Windows root", () => {
    const result: LintResult = {
      filePath: "C:\\work\\repo\\docs\\threat models\\pay#1.md",
      diagnostics: [fixtureResults[0]!.diagnostics[1]!],
      errorCount: 1,
      warningCount: 0,
    };
    const log = parse(sarif([result], fixtureContext({ cwd: "C:\\work\\repo" })));
    expectValid(log);
    const run = log.runs[0]!;
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: "docs/threat%20models/pay%231.md",
      uriBaseId: "%SRCROOT%",
    });
    expect(run.originalUriBaseIds["%SRCROOT%"]!.uri).toBe("file:///C:/work/repo/");
  });

  test("GITHUB_WORKSPACE is the source root", () => {
    const context = fixtureContext({ cwd: "/ws/docs", env: { GITHUB_WORKSPACE: "/ws" } });
    const result: LintResult = { filePath: "tm.md", diagnostics: [fixtureResults[0]!.diagnostics[1]!], errorCount: 1, warningCount: 0 };
    const run = parse(sarif([result], context)).runs[0]!;
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe("docs/tm.md");
    expect(run.originalUriBaseIds["%SRCROOT%"]!.uri).toBe("file:///ws/");
  });

  test("related locations carry their message", () => {
    const run = parse(sarif(fixtureResults, fixtureContext())).runs[0]!;
    expect(run.results[1]!.relatedLocations).toEqual([
      {
        id: 1,
        message: { text: "First defined here." },
        physicalLocation: {
          artifactLocation: { uri: "docs/threat%20models/pay%231.md", uriBaseId: "%SRCROOT%" },
          region: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 9 },
        },
      },
    ]);
  });

  test("unreadable file becomes a notification", () => {
    const invocation = parse(sarif(fixtureResults, fixtureContext())).runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications?.map((notification) => notification.message.text)).toEqual([
      "cannot be read: EACCES: permission denied",
    ]);
  });

  test("unknown rule id is listed without helpUri", () => {
    const result: LintResult = {
      filePath: "docs/tm.md",
      diagnostics: [{ ruleId: "acme/custom", severity: "warning", message: "Custom finding `x`; fix it.", range: range(2, 2) }],
      errorCount: 0,
      warningCount: 1,
    };
    const log = parse(sarif([result], fixtureContext()));
    expectValid(log);
    expect(log.runs[0]!.tool.driver.rules.at(-1)).toEqual({ id: "acme/custom" });
  });

  test("empty run is valid", () => {
    const log = parse(sarif([], fixtureContext()));
    expectValid(log);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
  });
});
