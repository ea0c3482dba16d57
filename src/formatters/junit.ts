/**
 * The `junit` format: JUnit XML for CI systems that show test reports. Each linted file is a
 * test case, and each error is a `<failure>` in it. Warnings are listed in the test case's
 * `<system-out>`, and a file that could not be read is an `<error>`. Paths are relative to the
 * repository root (`GITHUB_WORKSPACE`, `CI_PROJECT_DIR` or the working directory).
 */

import type { Diagnostic, LintResult } from "../types.js";
import { escapeControlCharactersExceptLineBreaks, toWellFormed } from "./escape.js";
import { absolutePath, relativePath, sourceRoot } from "./paths.js";
import { docsUrlOf, regionOf } from "./problems.js";
import type { Formatter, FormatterContext } from "./types.js";

/**
 * Makes text safe for XML 1.0. Markup characters become entities; control characters, which
 * XML 1.0 does not allow even as character references, become visible escapes. CR and LF are
 * written as character references: attribute values keep them that way instead of turning
 * them into spaces, and no line that the report prints can start with text from a document.
 */
export function escapeXml(text: string): string {
  return escapeControlCharactersExceptLineBreaks(toWellFormed(text))
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    .replaceAll("\r", "&#13;")
    .replaceAll("\n", "&#10;")
    // U+FFFE and U+FFFF are not XML characters either.
    .replace(/[\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
}

/** Describes a finding in one line: `path:line:column: message [rule-id] docs-url`. */
function describe(path: string, diagnostic: Diagnostic, context: FormatterContext): string {
  const { startLine, startColumn } = regionOf(diagnostic.range);
  const docsUrl = docsUrlOf(context.rules, diagnostic.ruleId);
  return `${path}:${startLine}:${startColumn}: ${diagnostic.message} [${diagnostic.ruleId}]${docsUrl ? ` ${docsUrl}` : ""}`;
}

function testCase(result: LintResult, path: string, context: FormatterContext): string {
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  const warnings = result.diagnostics.filter((diagnostic) => diagnostic.severity === "warning");
  const name = escapeXml(path);
  const open = `    <testcase classname="tmlint" name="${name}" file="${name}"`;
  if (errors.length === 0 && warnings.length === 0 && result.fatal === undefined) return `${open}/>`;

  const children: string[] = [];
  if (result.fatal !== undefined) {
    children.push(`      <error message="${escapeXml(result.fatal)}" type="fatal">${escapeXml(`${path}: ${result.fatal}`)}</error>`);
  }
  for (const error of errors) {
    children.push(
      `      <failure message="${escapeXml(error.message)}" type="${escapeXml(error.ruleId)}">` +
        `${escapeXml(describe(path, error, context))}</failure>`,
    );
  }
  if (warnings.length > 0) {
    const text = warnings.map((warning) => escapeXml(`warning: ${describe(path, warning, context)}`)).join("\n");
    children.push(`      <system-out>${text}</system-out>`);
  }
  return `${open}>\n${children.join("\n")}\n    </testcase>`;
}

const junit: Formatter = (results, context) => {
  const root = sourceRoot(context);
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;

  for (const result of results) {
    const absolute = absolutePath(result.filePath, context.cwd);
    const path = relativePath(absolute, root) ?? absolute;
    if (result.fatal !== undefined) errors++;
    else if (result.diagnostics.some((diagnostic) => diagnostic.severity === "error")) failures++;
    cases.push(testCase(result, path, context));
  }

  const counts = `tests="${results.length}" failures="${failures}" errors="${errors}"`;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="tmlint" ${counts}>`,
    `  <testsuite name="tmlint" ${counts} skipped="0">`,
    `    <properties>`,
    `      <property name="tmlint.version" value="${escapeXml(context.version)}"/>`,
    `    </properties>`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
  ];
  return `${lines.join("\n")}\n`;
};

export default junit;
