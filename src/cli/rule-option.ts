/**
 * Parsing `--rule` values: `id: severity` or `id: JSON`, such as
 * `--rule 'id-format: off'` or `--rule 'id-format: ["warn", {"digits": 3}]'`.
 */

import type { RuleSetting } from "../types.js";
import { validateConfigData } from "../config/validate.js";

export interface ParsedRuleOptions {
  rules: Record<string, RuleSetting>;
  /** One sentence per value that could not be used. */
  problems: string[];
}

/** Parses every `--rule` value; later values for the same rule win. */
export async function parseRuleOptions(values: readonly string[]): Promise<ParsedRuleOptions> {
  const rules: Record<string, unknown> = {};
  const problems: string[] = [];
  const origin = new Map<string, string>();

  for (const value of values) {
    const colon = value.indexOf(":");
    const id = colon === -1 ? "" : value.slice(0, colon).trim();
    if (id === "") {
      problems.push(`--rule ${JSON.stringify(value)}: expected \`id: severity\`, such as \`id-format: warn\`, or \`id: [severity, {options}]\` in JSON.`);
      continue;
    }
    const written = value.slice(colon + 1).trim();
    let setting: unknown = written;
    if (/^["[{]/.test(written)) {
      try {
        setting = JSON.parse(written);
      } catch {
        // V8's own wording of the syntax error changes between Node versions, so it is left out.
        problems.push(`--rule ${JSON.stringify(value)}: the setting is not valid JSON; write it as \`["warn", {"option": "value"}]\`.`);
        continue;
      }
    }
    rules[id] = setting;
    origin.set(id, value);
  }

  if (Object.keys(rules).length > 0) {
    // The configuration schema checks severities and the setting's shape; rule ids and
    // options are checked later, against the rules the configuration makes known.
    for (const problem of await validateConfigData({ rules })) {
      const id = /^rules\.([^.[]+)/.exec(problem.path)?.[1] ?? "";
      const path = problem.path.replace(/^rules\./, "");
      problems.push(`--rule ${JSON.stringify(origin.get(id) ?? id)}: ${path}: ${problem.message}.`);
    }
  }
  return { rules: rules as Record<string, RuleSetting>, problems };
}
