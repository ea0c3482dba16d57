/**
 * The `sarif` format: a SARIF 2.1.0 log that GitHub code scanning accepts.
 *
 * - Every known rule is listed in `tool.driver.rules` with its docs page as `helpUri`, and
 *   with the severity the run's configuration gave it as its default level.
 * - Lines and columns are at least 1, because upload-sarif rejects the whole file for one
 *   column 0; a finding without a natural position points at line 1, column 1.
 * - Columns count UTF-16 code units, which `columnKind` declares.
 * - File URIs are relative to `%SRCROOT%` (the repository root: `GITHUB_WORKSPACE`,
 *   `CI_PROJECT_DIR` or the working directory), use forward slashes and are
 *   percent-encoded. A file outside that root gets an absolute `file:` URI.
 * - A file that could not be read becomes a tool execution notification, not a result.
 */

import type { AnyRule, LintResult, Range, SeveritySetting } from "../types.js";
import { toSafeJson } from "./escape.js";
import { absolutePath, encodePathSegments, fileUri, isPseudoPath, relativePath, sourceRoot } from "./paths.js";
import { regionOf } from "./problems.js";
import type { Formatter, FormatterContext } from "./types.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://github.com/tmlint/tmlint";
const SOURCE_ROOT_ID = "%SRCROOT%";

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface PhysicalLocation {
  artifactLocation: ArtifactLocation;
  region?: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

interface ReportingConfiguration {
  enabled?: false;
  level: "error" | "warning";
}

interface ReportingDescriptor {
  id: string;
  shortDescription?: { text: string };
  helpUri?: string;
  defaultConfiguration?: ReportingConfiguration;
}

/** Makes the artifact location of a file: relative to %SRCROOT% when it is below the root. */
function artifactLocation(filePath: string, root: string, cwd: string): ArtifactLocation {
  if (isPseudoPath(filePath)) return { uri: encodePathSegments(filePath) };
  const relative = relativePath(absolutePath(filePath, cwd), root);
  if (relative !== undefined) return { uri: encodePathSegments(relative), uriBaseId: SOURCE_ROOT_ID };
  return { uri: fileUri(absolutePath(filePath, cwd)) };
}

function physicalLocation(artifact: ArtifactLocation, range: Range): PhysicalLocation {
  return { artifactLocation: artifact, region: regionOf(range) };
}

/**
 * Makes a rule's default configuration from the severity the run gave it. A rule the run
 * turned off is listed as not enabled, with its `meta.defaultSeverity` as the level.
 */
function defaultConfiguration(rule: AnyRule, severity: SeveritySetting | undefined): ReportingConfiguration {
  if (severity === undefined) return { level: rule.meta.defaultSeverity };
  if (severity === "off") return { enabled: false, level: rule.meta.defaultSeverity };
  return { level: severity === "warn" ? "warning" : "error" };
}

function describeRule(rule: AnyRule, severity: SeveritySetting | undefined): ReportingDescriptor {
  return {
    id: rule.meta.id,
    shortDescription: { text: rule.meta.description },
    helpUri: rule.meta.docsUrl,
    defaultConfiguration: defaultConfiguration(rule, severity),
  };
}

/** Lists every known rule, then any reported rule id that no known rule has (a plugin's, say). */
function ruleDescriptors(results: readonly LintResult[], context: FormatterContext): ReportingDescriptor[] {
  const descriptors = [...context.rules.values()].map((rule) => describeRule(rule, context.ruleSeverities?.get(rule.meta.id)));
  const listed = new Set(descriptors.map((descriptor) => descriptor.id));
  for (const result of results) {
    for (const diagnostic of result.diagnostics) {
      if (listed.has(diagnostic.ruleId)) continue;
      listed.add(diagnostic.ruleId);
      descriptors.push({ id: diagnostic.ruleId });
    }
  }
  return descriptors;
}

/** Returns the base URI of %SRCROOT%, which SARIF requires to end with a slash. */
function rootUri(root: string): string {
  const uri = fileUri(root);
  return uri.endsWith("/") ? uri : `${uri}/`;
}

/** Builds the SARIF log object; exported for the schema test. */
export function toSarif(results: readonly LintResult[], context: FormatterContext): object {
  const root = sourceRoot(context);
  const rules = ruleDescriptors(results, context);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const sarifResults: object[] = [];
  const notifications: object[] = [];

  for (const result of results) {
    const artifact = artifactLocation(result.filePath, root, context.cwd);

    if (result.fatal !== undefined) {
      notifications.push({ level: "error", message: { text: result.fatal }, locations: [{ physicalLocation: { artifactLocation: artifact } }] });
    }

    for (const diagnostic of result.diagnostics) {
      const entry: Record<string, unknown> = {
        ruleId: diagnostic.ruleId,
        ruleIndex: ruleIndex.get(diagnostic.ruleId),
        level: diagnostic.severity,
        message: { text: diagnostic.message },
        locations: [{ physicalLocation: physicalLocation(artifact, diagnostic.range) }],
      };
      if (diagnostic.related && diagnostic.related.length > 0) {
        entry.relatedLocations = diagnostic.related.map((related, index) => ({
          id: index + 1,
          message: { text: related.message },
          physicalLocation: physicalLocation(
            related.filePath === undefined ? artifact : artifactLocation(related.filePath, root, context.cwd),
            related.range,
          ),
        }));
      }
      sarifResults.push(entry);
    }
  }

  const invocation: Record<string, unknown> = { executionSuccessful: notifications.length === 0 };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "tmlint", version: context.version, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { [SOURCE_ROOT_ID]: { uri: rootUri(root) } },
        columnKind: "utf16CodeUnits",
        invocations: [invocation],
        results: sarifResults,
      },
    ],
  };
}

const sarif: Formatter = (results, context) => `${toSafeJson(toSarif(results, context))}\n`;

export default sarif;
