/**
 * `tmlint rules` (and `--list-rules`): every rule with its description, the severity each
 * preset gives it, and whether it can fix what it finds.
 */

import { presets } from "../presets.js";
import { ruleRegistry } from "../../rules/index.js";
import type { AnyRule, RuleSetting } from "../types.js";

/** One rule as listed. */
export interface RuleListing {
  id: string;
  description: string;
  fixable: boolean;
  /** The severity per preset name; a preset that does not list the rule leaves it off. */
  presets: Record<string, "off" | "warn" | "error">;
  docsUrl: string;
  /** Set for rules a plugin added. */
  plugin: boolean;
}

function severityOf(setting: RuleSetting | undefined): "off" | "warn" | "error" {
  if (setting === undefined) return "off";
  return Array.isArray(setting) ? setting[0] : setting;
}

/** Lists the rules of a registry, built-in rules first, each group by id. */
export function listRules(registry: ReadonlyMap<string, AnyRule>): RuleListing[] {
  const listings = [...registry.values()].map((rule) => ({
    id: rule.meta.id,
    description: rule.meta.description,
    fixable: rule.meta.fixable === true,
    presets: Object.fromEntries(Object.entries(presets).map(([name, preset]) => [name, severityOf(preset.rules[rule.meta.id])])),
    docsUrl: rule.meta.docsUrl,
    plugin: !ruleRegistry.has(rule.meta.id),
  }));
  return listings.sort((a, b) => Number(a.plugin) - Number(b.plugin) || a.id.localeCompare(b.id));
}

/** Formats the listing as an aligned text table, one rule per line. */
export function formatRuleTable(listings: readonly RuleListing[]): string {
  const presetNames = Object.keys(presets);
  const header = ["RULE", ...presetNames.map((name) => name.toUpperCase()), "FIXABLE", "DESCRIPTION"];
  const rows = listings.map((listing) => [
    listing.plugin ? `${listing.id} (plugin)` : listing.id,
    ...presetNames.map((name) => {
      const severity = listing.presets[name] ?? "off";
      return severity === "off" ? "-" : severity;
    }),
    listing.fixable ? "yes" : "-",
    listing.description,
  ]);
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  const legend = `\n${listings.length} rules. A preset column shows the severity that preset gives the rule; "-" means off.\n`;
  return [line(header), ...rows.map(line)].join("\n") + "\n" + legend;
}
