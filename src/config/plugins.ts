/**
 * Loading plugins: ES modules that export custom rules. Importing a module runs its code,
 * so only modules that a configuration file names under `plugins` are ever loaded.
 *
 * A plugin's default export (or the module itself) is a rule, an array of rules, or an
 * object whose `rules` is an array of rules or an object of rules by id.
 */

import { readFile, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AnyRule } from "../types.js";
import type { ConfigProblem } from "./read.js";

/** A loaded plugin: where its module is and the rules it exports. */
export interface LoadedPlugin {
  /** The absolute path of the module file. */
  path: string;
  rules: AnyRule[];
}

/** A plugin rule id: lower-case words joined by hyphens, optionally prefixed with `plugin-name/`. */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/;

/** Tells whether a plugin specifier is a path (relative or absolute) rather than a package name. */
export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || isAbsolute(specifier) || /^[A-Za-z]:[\\/]/.test(specifier);
}

/**
 * Loads one plugin named in a configuration file. A path is resolved against the
 * configuration file's folder; a package name is looked up in `node_modules` folders from
 * there upwards. Every failure becomes a problem naming the key `plugins[index]`.
 */
export async function loadPlugin(
  specifier: string,
  configDirectory: string,
  where: { source: string; path: string },
): Promise<LoadedPlugin | ConfigProblem[]> {
  const fail = (message: string): ConfigProblem[] => [{ source: where.source, path: where.path, message }];

  let modulePath: string | undefined;
  if (isPathSpecifier(specifier)) {
    modulePath = resolve(configDirectory, specifier);
    const info = await stat(modulePath).catch(() => undefined);
    if (!info?.isFile()) return fail(`plugin \`${specifier}\` not found at ${modulePath}; check the path, which is relative to the configuration file`);
  } else {
    modulePath = await resolvePackageEntry(specifier, configDirectory);
    if (modulePath === undefined) {
      return fail(`plugin package \`${specifier}\` not found in any node_modules folder above ${configDirectory}; install it or give a path starting with ./`);
    }
  }

  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(modulePath).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`plugin \`${specifier}\` failed to load: ${reason}`);
  }

  const exported = "default" in module ? module.default : module;
  const candidates = ruleCandidates(exported);
  if (candidates === undefined) {
    return fail(`plugin \`${specifier}\` exports no rules; export a rule, an array of rules, or \`{ rules: [...] }\` as the default export`);
  }

  const problems: ConfigProblem[] = [];
  const rules: AnyRule[] = [];
  candidates.forEach((candidate, index) => {
    const problem = checkRuleShape(candidate);
    if (problem === undefined) rules.push(candidate as AnyRule);
    else problems.push(...fail(`plugin \`${specifier}\` rule ${index + 1}: ${problem}`));
  });
  return problems.length > 0 ? problems : { path: modulePath, rules };
}

function ruleCandidates(exported: unknown): unknown[] | undefined {
  if (Array.isArray(exported)) return exported;
  if (exported === null || typeof exported !== "object") return undefined;
  const record = exported as Record<string, unknown>;
  if ("meta" in record && "check" in record) return [exported];
  const rules = record.rules;
  if (Array.isArray(rules)) return rules;
  if (rules !== null && typeof rules === "object") return Object.values(rules);
  return undefined;
}

/** Returns what is wrong with an exported rule, or undefined when it has the shape `defineRule` gives. */
function checkRuleShape(candidate: unknown): string | undefined {
  if (candidate === null || typeof candidate !== "object") return "is not an object; define it with `defineRule`";
  const rule = candidate as { meta?: Record<string, unknown>; check?: unknown; checkJson?: unknown };
  const meta = rule.meta;
  if (meta === undefined || meta === null || typeof meta !== "object") return "has no `meta` object; define it with `defineRule`";
  const id = meta.id;
  if (typeof id !== "string" || !RULE_ID.test(id)) {
    return `has the id \`${String(id)}\`; a rule id is lower-case words joined by hyphens, such as \`require-owner\``;
  }
  if (typeof rule.check !== "function" && typeof rule.checkJson !== "function") return `\`${id}\` has no \`check\` function`;
  if (typeof meta.description !== "string") return `\`${id}\` has no \`meta.description\` string`;
  if (meta.messages === null || typeof meta.messages !== "object") return `\`${id}\` has no \`meta.messages\` object`;
  if (meta.schema === null || typeof meta.schema !== "object") return `\`${id}\` has no \`meta.schema\` object`;
  if (meta.defaultOptions === null || typeof meta.defaultOptions !== "object") return `\`${id}\` has no \`meta.defaultOptions\` object`;
  if (meta.defaultSeverity !== "error" && meta.defaultSeverity !== "warning") {
    return `\`${id}\` has \`meta.defaultSeverity\` ${JSON.stringify(meta.defaultSeverity)}; use "error" or "warning"`;
  }
  return undefined;
}

/**
 * Finds a package's ES module entry: `exports` (its `"."` entry, preferring the `import`,
 * then `node`, then `default` condition), else `module`, else `main`, else `index.js`.
 */
async function resolvePackageEntry(name: string, fromDirectory: string): Promise<string | undefined> {
  let directory = fromDirectory;
  for (;;) {
    const packageDirectory = join(directory, "node_modules", name);
    const manifestText = await readFile(join(packageDirectory, "package.json"), "utf8").catch(() => undefined);
    if (manifestText !== undefined) {
      let manifest: Record<string, unknown>;
      try {
        manifest = JSON.parse(manifestText) as Record<string, unknown>;
      } catch {
        return undefined;
      }
      const entry = exportEntry(manifest.exports) ?? stringOrUndefined(manifest.module) ?? stringOrUndefined(manifest.main) ?? "index.js";
      return resolve(packageDirectory, entry);
    }
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

function exportEntry(exports: unknown): string | undefined {
  if (typeof exports === "string") return exports;
  if (exports === null || typeof exports !== "object" || Array.isArray(exports)) return undefined;
  const record = exports as Record<string, unknown>;
  const root = "." in record ? record["."] : record;
  if (typeof root === "string") return root;
  if (root === null || typeof root !== "object") return undefined;
  for (const condition of ["import", "node", "default"]) {
    const found = exportEntry((root as Record<string, unknown>)[condition]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
