/**
 * Validation of configuration files and rule options with ajv. Each ajv error becomes one
 * sentence that names the key path, the bad value and what is allowed, such as
 * `rules.id-format[1].digits: must be at most 9; got \`12\``.
 *
 * ajv and the schema are loaded on first use, so a run that reads no configuration and
 * sets no rule options (and `tmlint --version`) never loads them.
 */

import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Ajv, ErrorObject, ValidateFunction } from "ajv";
import type { AnyRule } from "../types.js";

/** One validation problem: where it is and what is wrong. */
export interface ValidationProblem {
  /** The key path, e.g. `rules.id-format[1].digits`; empty for the whole value. */
  path: string;
  /** The same key path as unescaped segments, e.g. `["rules", "id-format", "1", "digits"]`. */
  keys: string[];
  message: string;
}

interface AjvInstances {
  /** Strict, for our own configuration schema. */
  config: Ajv;
  /** Not strict, so that a plugin rule whose schema leaves out a `type` still has its options checked. */
  options: Ajv;
}

let instances: AjvInstances | undefined;
let configValidator: ValidateFunction | undefined;
const optionValidators = new WeakMap<AnyRule, ValidateFunction>();

async function loadAjv(): Promise<AjvInstances> {
  if (instances) return instances;
  const { Ajv } = await import("ajv");
  instances = {
    // `strictTuples` is off because a rule setting is `[severity]` or `[severity, options]`:
    // a tuple whose second item is optional.
    config: new Ajv({ allErrors: true, strict: true, strictTuples: false, verbose: true }),
    options: new Ajv({ allErrors: true, strict: false, verbose: true }),
  };
  return instances;
}

/** Reads `schemas/config.schema.json` from the package root, from `src/` or from `dist/src/`. */
export function readConfigSchema(): object {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [resolve(here, "../../schemas"), resolve(here, "../../../schemas")]) {
    try {
      return JSON.parse(readFileSync(resolve(candidate, "config.schema.json"), "utf8")) as object;
    } catch {
      // Not this candidate: src/ and dist/src/ sit at different depths below the package root.
    }
  }
  throw new Error("cannot find schemas/config.schema.json in the tmlint package");
}

/** Validates a configuration file's contents against `schemas/config.schema.json`. */
export async function validateConfigData(data: unknown): Promise<ValidationProblem[]> {
  const { config } = await loadAjv();
  const validate = (configValidator ??= config.compile(readConfigSchema()));
  if (validate(data)) return [];
  return describeErrors(validate.errors ?? [], data);
}

/**
 * Validates a rule's options, with its defaults applied, against the rule's `meta.schema`.
 * A schema that ajv cannot compile is itself reported, since it is a fault of the rule.
 */
export async function validateRuleOptions(rule: AnyRule, options: unknown): Promise<ValidationProblem[]> {
  const ajv = await loadAjv();
  let validate = optionValidators.get(rule);
  if (validate === undefined) {
    try {
      validate = ajv.options.compile(rule.meta.schema);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return [{ path: "", keys: [], message: `rule \`${rule.meta.id}\` has an options schema that cannot be compiled: ${reason}` }];
    }
    optionValidators.set(rule, validate);
  }
  if (validate(options)) return [];
  return describeErrors(validate.errors ?? [], options);
}

/** Turns ajv errors into problems, dropping the `if` wrapper errors and duplicates. */
export function describeErrors(errors: readonly ErrorObject[], data: unknown): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // `if`/`then`/`else` errors repeat the branch's own error; `propertyNames` repeats its inner error.
    if (error.keyword === "if" || error.keyword === "propertyNames") continue;
    const problem = describeError(error, data);
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ ...problem, keys: keysOf(error) });
  }
  return problems;
}

/** Returns the key path of the value an ajv error is about, as `describeError` words it. */
function keysOf(error: ErrorObject): string[] {
  const segments = pointerSegments(error.instancePath);
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) return [...segments, propertyName];
  if (error.keyword === "additionalProperties") return [...segments, String((error.params as Record<string, unknown>).additionalProperty)];
  return segments;
}

function describeError(error: ErrorObject, data: unknown): Omit<ValidationProblem, "keys"> {
  const segments = pointerSegments(error.instancePath);
  const value = valueAt(data, segments);
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  const params = error.params as Record<string, unknown>;

  // An error about a key name, from `propertyNames`.
  if (propertyName !== undefined) {
    const path = joinPath(data, [...segments, propertyName]);
    if (error.keyword === "enum") {
      return { path, message: `is not an allowed key; use one of ${quoteList(params.allowedValues as unknown[])}` };
    }
    if (error.keyword === "pattern") {
      return { path, message: `is not an allowed key; keys must match \`${String(params.pattern)}\`` };
    }
    return { path, message: `is not an allowed key: ${error.message ?? "invalid"}` };
  }

  if (error.keyword === "additionalProperties") {
    const key = String(params.additionalProperty);
    const path = joinPath(data, [...segments, key]);
    const allowed = allowedKeys(error);
    const hint = allowed.length > 0 ? `; use one of ${allowed.map((name) => `\`${name}\``).join(", ")}` : "";
    return { path, message: `is not an allowed key${hint}` };
  }

  const path = joinPath(data, segments);
  const got = `; got ${showValue(value)}`;
  switch (error.keyword) {
    case "enum":
      return { path, message: `must be one of ${quoteList(params.allowedValues as unknown[])}${got}` };
    case "const":
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}${got}` };
    case "type":
      return { path, message: `must be ${article(String(params.type))}${got}` };
    case "required":
      return { path, message: `is missing the required key \`${String(params.missingProperty)}\`` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return { path, message: `must be ${comparison(error.keyword)} ${String(params.limit)}${got}` };
    case "minItems":
      return { path, message: `must have at least ${String(params.limit)} ${plural(Number(params.limit), "item")}${got}` };
    case "maxItems":
    case "additionalItems":
      return { path, message: `must have at most ${String(params.limit)} ${plural(Number(params.limit), "item")}${got}` };
    case "minLength":
      return Number(params.limit) === 1
        ? { path, message: "must not be empty" }
        : { path, message: `must be at least ${String(params.limit)} characters long${got}` };
    case "maxLength":
      return { path, message: `must be at most ${String(params.limit)} characters long${got}` };
    case "pattern":
      return { path, message: `must match \`${String(params.pattern)}\`${got}` };
    case "uniqueItems": {
      const items = Array.isArray(value) ? value : [];
      return { path, message: `must not list ${showValue(items[Number(params.j)])} twice` };
    }
    default:
      return { path, message: `${error.message ?? "is invalid"}${got}` };
  }
}

/** Lists the keys a failed `additionalProperties: false` object allows, from the schema's `properties`. */
function allowedKeys(error: ErrorObject): string[] {
  const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return schema?.properties ? Object.keys(schema.properties).filter((key) => key !== "$schema") : [];
}

/** Splits a JSON pointer such as `/rules/id-format/1` into its unescaped segments. */
function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let current = data;
  for (const segment of segments) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Writes a key path as a reader types it: `rules.id-format[1].digits`. Array indexes go in
 * brackets; keys that are not plain names go in quoted brackets.
 */
export function joinPath(data: unknown, segments: readonly string[]): string {
  let path = "";
  let current = data;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      path += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) {
      path += path === "" ? segment : `.${segment}`;
    } else {
      path += `[${JSON.stringify(segment)}]`;
    }
    current = current !== null && typeof current === "object" ? (current as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

/** Shows a value in backticks, cut to a readable length. */
export function showValue(value: unknown): string {
  let text = value === undefined ? "undefined" : JSON.stringify(value);
  if (text.length > 60) text = `${text.slice(0, 57)}...`;
  return `\`${text}\``;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join(", ");
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: "a string",
    number: "a number",
    integer: "an integer",
    boolean: "a boolean (true or false)",
    array: "an array",
    object: "an object",
    null: "null",
  };
  return type
    .split(",")
    .map((name) => names[name] ?? name)
    .join(" or ");
}

function comparison(keyword: string): string {
  switch (keyword) {
    case "minimum":
      return "at least";
    case "maximum":
      return "at most";
    case "exclusiveMinimum":
      return "greater than";
    default:
      return "less than";
  }
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
