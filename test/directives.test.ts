import { describe, expect, it } from "vitest";
import type { ResolvedConfig } from "../src/config/types.js";
import { lintText } from "../src/lint.js";
import { ruleRegistry } from "../rules/index.js";
import type { RuleSetting, SeveritySetting } from "../src/types.js";

/** A configuration with only the rules given, so each test sees one rule's findings. */
function config(rules: Record<string, RuleSetting>, reportUnused: SeveritySetting = "off"): ResolvedConfig {
  return {
    configFile: undefined,
    rules,
    sections: {},
    columns: {},
    plugins: [],
    reportUnusedDisableDirectives: reportUnused,
    registry: ruleRegistry,
  };
}

const XREF = { "xref-target-exists": "error" } as const;

/** Lints with xref-target-exists alone and lists findings as `line:column rule-id`. */
function findings(text: string, rules: Record<string, RuleSetting> = XREF, reportUnused: SeveritySetting = "off"): string[] {
  return lintText(text, { config: config(rules, reportUnused) }).diagnostics.map(
    (diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.ruleId}`,
  );
}

function messages(text: string, rules: Record<string, RuleSetting> = XREF, reportUnused: SeveritySetting = "off"): string[] {
  return lintText(text, { config: config(rules, reportUnused) }).diagnostics.map((diagnostic) => diagnostic.message);
}

const LINKS = ["# Threat Model", "", "[**T-0001**](#T-0001)", "", "[**T-0002**](#T-0002)", "", "[**T-0003**](#T-0003)", ""];

function doc(lines: string[]): string {
  return lines.join("\n");
}

describe("directives", () => {
  it("reports every dangling link without directives", () => {
    expect(findings(doc(LINKS))).toEqual(["3:1 xref-target-exists", "5:1 xref-target-exists", "7:1 xref-target-exists"]);
  });

  it("disable turns a rule off until enable", () => {
    const text = doc(["# Threat Model", "", "<!-- tmlint-disable xref-target-exists -->", "", "[**T-0001**](#T-0001)", "", "<!-- tmlint-enable xref-target-exists -->", "", "[**T-0002**](#T-0002)", ""]);
    expect(findings(text)).toEqual(["9:1 xref-target-exists"]);
  });

  it("disable without ids turns every rule off", () => {
    const text = doc(["# Threat Model", "", "<!-- tmlint-disable -->", "", "[**T-0001**](#T-0001)", ""]);
    expect(findings(text, { ...XREF, "section-required": ["error", { sections: ["threats"] }] })).toEqual(["1:1 section-required"]);
  });

  it("enable of one rule keeps the others off", () => {
    const text = doc(["# Threat Model", "", "<!-- tmlint-disable -->", "<!-- tmlint-enable xref-target-exists -->", "", "[**T-0001**](#T-0001)", ""]);
    expect(findings(text)).toEqual(["6:1 xref-target-exists"]);
  });

  it("enable without ids ends a named disable", () => {
    const text = doc(["<!-- tmlint-disable xref-target-exists -->", "", "[**T-0001**](#T-0001)", "", "<!-- tmlint-enable -->", "", "[**T-0002**](#T-0002)", ""]);
    expect(findings(text)).toEqual(["7:1 xref-target-exists"]);
  });

  it("disable-next-line covers only the next line", () => {
    const text = doc(["# Threat Model", "", "<!-- tmlint-disable-next-line xref-target-exists -->", "[**T-0001**](#T-0001)", "", "[**T-0002**](#T-0002)", ""]);
    expect(findings(text)).toEqual(["6:1 xref-target-exists"]);
  });

  it("disable-next-line counts from the comment's last line", () => {
    const text = doc(["<!-- tmlint-disable-next-line", "     xref-target-exists -->", "[**T-0001**](#T-0001)", ""]);
    expect(findings(text)).toEqual([]);
  });

  it("disable-line covers its own line", () => {
    const text = doc(["# Threat Model", "", "[**T-0001**](#T-0001) <!-- tmlint-disable-line xref-target-exists -->", "", "[**T-0002**](#T-0002)", ""]);
    expect(findings(text)).toEqual(["5:1 xref-target-exists"]);
  });

  it("disable-line works inside a table cell", () => {
    const text = doc([
      "| ID | Note |",
      "| --- | --- |",
      "| A | [**T-0001**](#T-0001) <!-- tmlint-disable-line xref-target-exists --> |",
      "| B | [**T-0002**](#T-0002) |",
      "",
    ]);
    expect(findings(text)).toEqual(["4:7 xref-target-exists"]);
  });

  it("disable-file covers the whole file, before the comment too", () => {
    const text = doc([...LINKS, "<!-- tmlint-disable-file xref-target-exists -->", ""]);
    expect(findings(text)).toEqual([]);
  });

  it("accepts commas between ids and a reason after --", () => {
    const text = doc(["<!-- tmlint-disable-file section-required, xref-target-exists -- links point at another file -->", ...LINKS]);
    expect(findings(text, { ...XREF, "section-required": ["error", { sections: ["threats"] }] })).toEqual([]);
  });

  it("reads several comments in one HTML block", () => {
    const text = doc(["<!-- SPDX-License-Identifier: MIT -->", "<!-- tmlint-disable-next-line xref-target-exists -->", "[**T-0001**](#T-0001)", ""]);
    // The second comment ends on line 2, so line 3 is covered.
    expect(findings(text)).toEqual([]);
  });

  it("ignores a directive in a code span", () => {
    const text = doc(["Write `<!-- tmlint-disable-file -->` to turn tmlint off.", "", "[**T-0001**](#T-0001)", ""]);
    expect(findings(text)).toEqual(["3:1 xref-target-exists"]);
  });

  it("ignores a directive in a fenced code block", () => {
    const text = doc(["```markdown", "<!-- tmlint-disable-file -->", "```", "", "[**T-0001**](#T-0001)", ""]);
    expect(findings(text)).toEqual(["5:1 xref-target-exists"]);
  });

  it("ignores a directive in an indented code block", () => {
    const text = doc(["Example:", "", "    <!-- tmlint-disable-file -->", "", "[**T-0001**](#T-0001)", ""]);
    expect(findings(text)).toEqual(["5:1 xref-target-exists"]);
  });

  it("reads a directive inside a block quote", () => {
    const text = doc(["> <!-- tmlint-disable-next-line xref-target-exists -->", "", "[**T-0001**](#T-0001)", ""]);
    // The quoted comment ends on line 1, so line 2 (blank) is covered, not line 3.
    expect(findings(text)).toEqual(["3:1 xref-target-exists"]);
  });

  it("reports an unknown rule id with a suggestion", () => {
    const text = doc(["<!-- tmlint-disable xref-target-exist -->", "", "[**T-0001**](#T-0001)", ""]);
    expect(findings(text)).toEqual(["1:1 invalid-directive", "3:1 xref-target-exists"]);
    expect(messages(text)[0]).toBe(
      "Directive `tmlint-disable xref-target-exist` names the unknown rule `xref-target-exist`; did you mean `xref-target-exists`?",
    );
  });

  it("reports an unknown rule id without a close match", () => {
    const text = doc(["<!-- tmlint-disable-file no-such-thing-here -->", ""]);
    expect(messages(text)).toEqual([
      "Directive `tmlint-disable-file no-such-thing-here` names the unknown rule `no-such-thing-here`; use a rule id that `tmlint rules` lists.",
    ]);
  });

  it("still applies the known ids of a directive with an unknown one", () => {
    const text = doc(["<!-- tmlint-disable-file xref-target-exists nonsense-rule-id -->", ...LINKS]);
    expect(findings(text)).toEqual(["1:1 invalid-directive"]);
  });

  it("reports a misspelt directive kind", () => {
    const text = doc(["<!-- tmlint-disabel xref-target-exists -->", "", "[**T-0001**](#T-0001)", ""]);
    expect(messages(text)).toEqual([
      "Directive `tmlint-disabel` is not a tmlint directive; use one of `tmlint-disable`, `tmlint-enable`, `tmlint-disable-line`, `tmlint-disable-next-line`, `tmlint-disable-file`.",
      "Threat `T-0001` is linked but not defined; add it to the Threats table or fix the link.",
    ]);
  });

  it("leaves other HTML comments alone", () => {
    const text = doc(["<!-- markdownlint-disable MD013 -->", "<!-- tmlint is great -->", "", "[**T-0001**](#T-0001)", ""]);
    expect(findings(text)).toEqual(["4:1 xref-target-exists"]);
  });

  it("reports an unused directive when asked", () => {
    const text = doc(["<!-- tmlint-disable-next-line xref-target-exists -->", "Nothing to suppress here.", "", "<!-- tmlint-disable -->", ""]);
    expect(findings(text, XREF, "warn")).toEqual(["1:1 unused-directive", "4:1 unused-directive"]);
    expect(messages(text, XREF, "warn")).toEqual([
      "Directive `tmlint-disable-next-line xref-target-exists` suppressed no finding of `xref-target-exists`; remove `xref-target-exists` from it.",
      "Directive `tmlint-disable` suppressed no finding; remove it.",
    ]);
    const severities = lintText(text, { config: config(XREF, "error") }).diagnostics.map((diagnostic) => diagnostic.severity);
    expect(severities).toEqual(["error", "error"]);
  });

  it("reports only the unused id of a directive", () => {
    const text = doc(["<!-- tmlint-disable-next-line xref-target-exists section-order -->", "[**T-0001**](#T-0001)", ""]);
    expect(messages(text, { ...XREF, "section-order": "error" }, "error")).toEqual([
      "Directive `tmlint-disable-next-line xref-target-exists section-order` suppressed no finding of `section-order`; remove `section-order` from it.",
    ]);
  });

  it("counts a used directive as used", () => {
    const text = doc(["<!-- tmlint-disable-next-line xref-target-exists -->", "[**T-0001**](#T-0001)", ""]);
    expect(findings(text, XREF, "error")).toEqual([]);
  });

  it("does not report unused directives by default", () => {
    expect(findings(doc(["<!-- tmlint-disable -->", ""]))).toEqual([]);
  });

  it("applies directives without a configuration", () => {
    const text = doc(["# Threat Model", "", "<!-- tmlint-disable-file -->", "[**T-0001**](#T-0001)", ""]);
    expect(lintText(text).diagnostics).toEqual([]);
  });
});
