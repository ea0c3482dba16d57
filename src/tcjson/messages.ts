/**
 * Turns ajv errors for the ThreatComposer schema into sentences a person can act on:
 * ``threats[3].metadata[1]: Priority `Urgent` is not allowed; use High, Medium or Low.``
 *
 * ajv reports an `anyOf` as one error per branch plus a summary, and an `if`/`then` as the
 * inner error plus an `if` error. Both are collapsed here into one message for the value.
 */

import type { ErrorObject } from "ajv";
import { listOf } from "../rule.js";
import type { JsonPathSegment } from "../types.js";
import { sourceDetailsOf, type DuplicateKey } from "./document.js";
import { formatPath, isObject, MITIGATION_STATUS_LABELS, THREAT_STATUS_LABELS } from "./format.js";

/** One schema violation: where it is and what to do about it. */
export interface SchemaProblem {
  path: JsonPathSegment[];
  /** The part of the JSON at `path` to point at: the property name, the value, or its first character. */
  part: "key" | "value" | "start";
  message: string;
}

/** Metadata keys each entity kind may carry, besides keys that start with `custom:`. */
const METADATA_KEYS: Record<string, readonly string[]> = {
  assumptions: ["Comments"],
  mitigations: ["Comments", "source", "mitigationPackId", "mitigationPackMitigationId"],
  threats: ["Comments", "Priority", "STRIDE", "source", "threatPackId", "threatPackThreatId", "threatPackMitigationCandidateId"],
};

const ENTITY_WORDS: Record<string, string> = { assumptions: "an assumption", mitigations: "a mitigation", threats: "a threat" };

const LINK_ID_KEYS = new Set(["assumptionId", "linkedId", "mitigationId"]);

/** Describes ajv errors as problems, one for each offending value, in document order of ajv's walk. */
export function describeSchemaErrors(errors: readonly ErrorObject[], root: unknown): SchemaProblem[] {
  const kept = collapse(errors);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    const problem = describe(error, root);
    const key = `${JSON.stringify(problem.path)}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/**
 * Drops the errors that another error already explains: `if` summaries, the branch errors
 * under an `anyOf`, and any other error on a value whose type is wrong (a type error on
 * the value an `anyOf` checks wins over the anyOf).
 */
function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors.filter((error) => error.keyword === "anyOf").map((error) => error.instancePath);
  // A type error inside an anyOf branch only shows which branch failed, so it explains nothing.
  const typePaths = new Set(
    errors.filter((error) => error.keyword === "type" && !error.schemaPath.includes("/anyOf/")).map((error) => error.instancePath),
  );
  return errors.filter((error) => {
    if (error.keyword === "if") return false;
    // Every error at or below an `anyOf` comes from one of its branches (through a `$ref`
    // its schemaPath does not show that), and the anyOf message covers them all.
    const underAnyOf = anyOfPaths.some((path) => error.instancePath === path || error.instancePath.startsWith(`${path}/`));
    const typeOfAnyOfValue = error.keyword === "type" && anyOfPaths.includes(error.instancePath) && !error.schemaPath.includes("/anyOf/");
    if (error.keyword !== "anyOf" && underAnyOf && !typeOfAnyOfValue) return false;
    if (error.keyword !== "type" && typePaths.has(error.instancePath)) return false;
    return true;
  });
}

/** Reads the value at a path of the parsed document. */
function valueAt(root: unknown, path: readonly JsonPathSegment[]): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isObject(current) && typeof segment === "string") current = current[segment];
    else return undefined;
  }
  return current;
}

/** Formats a value for a message, quoting strings only when asked (to show the type) and cutting long text. */
export function preview(value: unknown, quoteStrings = false): string {
  let text: string;
  if (typeof value === "string") text = quoteStrings ? JSON.stringify(value) : value;
  else if (value === undefined) text = "undefined";
  // JSON.stringify writes Infinity as null, which would name a value the file does not have.
  else if (typeof value === "number" && !Number.isFinite(value)) text = String(value);
  else text = JSON.stringify(value) ?? String(value);
  text = text.replace(/[\r\n\t]+/g, " ").replace(/`/g, "'");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Returns the part of two texts around their first difference, each cut to about 60 characters,
 * so that a message about a long statement shows where it differs.
 */
export function differingExcerpts(left: string, right: string): [string, string] {
  let index = 0;
  while (index < left.length && index < right.length && left[index] === right[index]) index++;
  const start = Math.max(0, index - 20);
  const cut = (text: string): string => {
    const piece = text.slice(start, start + 60).replace(/[\r\n\t]+/g, " ").replace(/`/g, "'");
    return `${start > 0 ? "..." : ""}${piece}${start + 60 < text.length ? "..." : ""}`;
  };
  return [cut(left), cut(right)];
}

/** "a string", "a number", "an array": the JSON type of a value, with its article. */
function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "boolean") return "a boolean";
  return `a ${typeof value}`;
}

const EXPECTED_TYPES: Record<string, string> = {
  string: "a string",
  number: "a number",
  array: "an array",
  object: "an object",
};

function expectedType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return listOf(types.map((name) => EXPECTED_TYPES[String(name)] ?? String(name)), "or");
}

/** Finds the metadata item a path lies in, if any: `threats[3].metadata[1]` and its key. */
function metadataContext(path: readonly JsonPathSegment[], root: unknown) {
  const at = path.indexOf("metadata");
  if (at !== 2 || typeof path[3] !== "number") return undefined;
  const itemPath = path.slice(0, 4);
  const item = valueAt(root, itemPath);
  const key = isObject(item) && typeof item.key === "string" ? item.key : undefined;
  return { itemPath, key, entities: String(path[0]) };
}

function describe(error: ErrorObject, root: unknown): SchemaProblem {
  const path = pointerToPath(error.instancePath, root);
  const value = valueAt(root, path);
  const label = formatPath(path);
  const last = path[path.length - 1];
  const metadata = metadataContext(path, root);
  const params = error.params as Record<string, unknown>;

  // JSON.parse turns a literal beyond the range of a double into Infinity, which fails every
  // check of its place. Its range is the problem to report, whatever the schema requires
  // there. A top-level number has no recorded literal, so it gets the type message instead.
  const literal = typeof value === "number" && !Number.isFinite(value) ? sourceDetailsOf(root)?.outOfRangeNumbers.get(JSON.stringify(path)) : undefined;
  if (literal !== undefined) {
    return {
      path,
      part: "value",
      message: `${label}: number \`${preview(literal)}\` is out of range, so JavaScript reads it as ${String(value)}; use a number between -${Number.MAX_VALUE} and ${Number.MAX_VALUE}.`,
    };
  }

  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      if (path.length === 0) {
        const message =
          missing === "schema"
            ? "File has no `schema` key; add `\"schema\": 1` at the top level, since ThreatComposer imports only version 1."
            : `File has no \`${missing}\` key; add it at the top level.`;
        return { path, part: "start", message };
      }
      return { path, part: "start", message: `${label}: required key \`${missing}\` is missing; add it.` };
    }

    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const keyPath = [...path, extra];
      if (path.length === 0) {
        return {
          path: keyPath,
          part: "key",
          message: `Key \`${extra}\` is not allowed at the top level; remove it, since ThreatComposer rejects unknown keys on import.`,
        };
      }
      if (path[0] === "mitigationLinks" && extra === "type" && path.length === 2) {
        return { path: keyPath, part: "key", message: `${label}: key \`type\` is not allowed, since mitigation links have no type; remove it.` };
      }
      if (path.length === 2 && typeof path[0] === "string" && path[0] in ENTITY_WORDS) {
        return {
          path: keyPath,
          part: "key",
          message: `${label}: key \`${extra}\` is not allowed on ${ENTITY_WORDS[path[0]]}; remove it, or keep the data as a metadata item whose key starts with \`custom:\`.`,
        };
      }
      return { path: keyPath, part: "key", message: `${label}: key \`${extra}\` is not allowed here; remove it, since ThreatComposer rejects unknown keys on import.` };
    }

    case "type": {
      if (metadata && metadata.key !== undefined && path.length > 4) {
        const itemLabel = formatPath(metadata.itemPath);
        if (metadata.key === "STRIDE" && path.length === 5) {
          return {
            path,
            part: "value",
            message: `${itemLabel}: STRIDE \`${preview(value, true)}\` is ${typeName(value)}; write a list of letters such as ["S", "T"].`,
          };
        }
        return {
          path,
          part: "value",
          message: `${itemLabel}: the value of \`${metadata.key}\`${path.length > 5 ? ` at ${formatPath(path.slice(4))}` : ""} is ${typeName(value)} \`${preview(value, true)}\`; use ${expectedType(params.type)}.`,
        };
      }
      const hint = path.length === 1 && path[0] === "schema" ? "; write `\"schema\": 1`" : `; use ${expectedType(params.type)}`;
      return { path, part: "value", message: `${label}: \`${preview(value, true)}\` is ${typeName(value)}${hint}.` };
    }

    case "maxLength":
    case "minLength":
      return describeLength(error.keyword, path, value, Number(params.limit), metadata);

    case "enum":
      return describeEnum(path, value, (params.allowedValues as unknown[]).map(String), metadata);

    case "const": {
      if (path.length === 1 && path[0] === "schema") {
        return {
          path,
          part: "value",
          message: `schema: version \`${preview(value, true)}\` is not supported; ThreatComposer imports only version 1, so write \`"schema": 1\`.`,
        };
      }
      const allowed = String(params.allowedValue);
      if (metadata) {
        return {
          path,
          part: "value",
          message: `${formatPath(metadata.itemPath)}: ${metadata.key ?? "value"} \`${preview(value)}\` is not allowed on ${ENTITY_WORDS[metadata.entities] ?? "this entity"}; use ${allowed}.`,
        };
      }
      return { path, part: "value", message: `${label}: \`${preview(value)}\` is not allowed; use ${allowed}.` };
    }

    case "pattern": {
      if (last === "createdAt") {
        return {
          path,
          part: "value",
          message: `${label}: \`${preview(value)}\` is not a UTC date-time; write it as YYYY-MM-DDTHH:MM:SSZ, ending in Z with no offset.`,
        };
      }
      if (path[0] === "workspace" && last === "name") {
        return {
          path,
          part: "value",
          message: `${label}: \`${preview(value)}\` has characters other than letters, digits, \`-\`, \`_\`, \`#\` and space; remove them.`,
        };
      }
      return { path, part: "value", message: `${label}: \`${preview(value)}\` does not match the pattern \`${String(params.pattern)}\`.` };
    }

    case "anyOf":
      return describeAnyOf(path, value, metadata);

    default:
      return { path, part: "value", message: `${label}: \`${preview(value)}\` is invalid: ${error.message ?? error.keyword}.` };
  }
}

function describeLength(
  keyword: "maxLength" | "minLength",
  path: JsonPathSegment[],
  value: unknown,
  limit: number,
  metadata: ReturnType<typeof metadataContext>,
): SchemaProblem {
  const label = metadata ? formatPath(metadata.itemPath) : formatPath(path);
  const what = metadata?.key ? `${metadata.key} ` : "";
  const length = typeof value === "string" ? value.length : 0;
  const last = path[path.length - 1];

  const exact = (typeof last === "string" && LINK_ID_KEYS.has(last)) || (path[0] === "workspace" && last === "id");
  if (exact) {
    return {
      path,
      part: "value",
      message: `${label}: \`${preview(value)}\` is ${length} characters long; IDs here must be exactly 36 characters, the UUID of the entity.`,
    };
  }
  if (keyword === "minLength") {
    const thing = path[path.length - 2] === "tags" ? "tag" : (metadata?.key ?? "value");
    return { path, part: "value", message: `${label}: ${thing} \`""\` is empty; give it text or remove it.` };
  }
  return {
    path,
    part: "value",
    message: `${label}: ${what}\`${preview(value)}\` is ${length} characters long; ThreatComposer allows at most ${limit}, so shorten it.`,
  };
}

function describeEnum(
  path: JsonPathSegment[],
  value: unknown,
  allowed: string[],
  metadata: ReturnType<typeof metadataContext>,
): SchemaProblem {
  const shown = preview(value);
  const suggestion = closestValue(value, allowed);
  const fix = suggestion === undefined ? `use ${listOf(allowed, "or")}` : `write \`${suggestion}\``;

  if (metadata?.key === "Priority") {
    return { path, part: "value", message: `${formatPath(metadata.itemPath)}: Priority \`${shown}\` is not allowed; ${fix}.` };
  }
  if (metadata?.key === "STRIDE") {
    return { path, part: "value", message: `${formatPath(metadata.itemPath)}: STRIDE letter \`${shown}\` is not allowed; ${fix}.` };
  }

  const label = formatPath(path);
  const last = path[path.length - 1];
  if (last === "status" && (path[0] === "threats" || path[0] === "mitigations")) {
    const kind = path[0] === "threats" ? "threat" : "mitigation";
    return { path, part: "value", message: `${label}: \`${shown}\` is not a ${kind} status; ${fix}.` };
  }
  if (path[0] === "assumptionLinks" && last === "type") {
    return { path, part: "value", message: `${label}: \`${shown}\` is not an assumption link type; ${fix}.` };
  }
  return { path, part: "value", message: `${label}: \`${shown}\` is not allowed; ${fix}.` };
}

/**
 * Returns the allowed value the writer most likely meant: the same word in another case, or the
 * stored value behind a status label such as `Identified`.
 */
function closestValue(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value !== "string") return undefined;
  const folded = value.trim().toLowerCase();
  const sameWord = allowed.find((candidate) => candidate.toLowerCase() === folded);
  if (sameWord !== undefined) return sameWord;
  for (const labels of [THREAT_STATUS_LABELS, MITIGATION_STATUS_LABELS]) {
    const match = Object.entries(labels).find(([stored, label]) => allowed.includes(stored) && label.toLowerCase() === folded);
    if (match) return match[0];
  }
  return undefined;
}

function describeAnyOf(path: JsonPathSegment[], value: unknown, metadata: ReturnType<typeof metadataContext>): SchemaProblem {
  const label = formatPath(path);
  const last = path[path.length - 1];

  if (last === "image") {
    const text = typeof value === "string" ? value : "";
    let reason = "is neither an http(s) URL nor a base64 image data URL; use `https://...` or `data:image/png;base64,...`";
    if (/^https?:\/\//i.test(text) && text.length > 2048) reason = `is a URL of ${text.length} characters; ThreatComposer allows at most 2048`;
    else if (text.startsWith("data:") && text.length > 1_000_000) {
      reason = `is a data URL of ${text.length} characters; ThreatComposer allows at most 1000000, so use a smaller image or an https URL`;
    } else if (text.startsWith("data:")) {
      reason = "is not a valid base64 image data URL; write `data:image/<type>;base64,<padded base64>` with a type of letters and `+` such as png or svg+xml";
    }
    return { path, part: "value", message: `${label}: \`${preview(value)}\` ${reason}.` };
  }

  if (metadata && last === "key" && path.length === 5) {
    const itemLabel = formatPath(metadata.itemPath);
    const key = typeof value === "string" ? value : preview(value);
    if (key.startsWith("custom:")) {
      return {
        path,
        part: "value",
        message: `${itemLabel}: key \`${preview(key)}\` is ${key.length} characters long; custom keys may have at most 50, so shorten it.`,
      };
    }
    const allowed = METADATA_KEYS[metadata.entities] ?? [];
    const suggestion = closestValue(key, allowed);
    const fix =
      suggestion === undefined ? `use ${allowed.join(", ")} or a key starting with \`custom:\`` : `write \`${suggestion}\``;
    return {
      path,
      part: "value",
      message: `${itemLabel}: key \`${preview(key)}\` is not allowed on ${ENTITY_WORDS[metadata.entities] ?? "this entity"}; ${fix}.`,
    };
  }

  if (metadata && last === "value") {
    return {
      path,
      part: "value",
      message: `${formatPath(metadata.itemPath)}: the value of \`${metadata.key ?? "custom:"}\` is ${typeName(value)} \`${preview(value, true)}\`; use a string or a list of strings.`,
    };
  }

  if (path.includes("displayedStatement")) {
    // A token of the right shape fails only on a length; name the field that is too long.
    for (const [field, limit] of [["tooltip", 30], ["content", 200]] as const) {
      const text = isObject(value) ? value[field] : undefined;
      if (typeof text === "string" && text.length > limit) {
        return {
          path: [...path, field],
          part: "value",
          message: `${label}.${field}: \`${preview(text)}\` is ${text.length} characters long; ThreatComposer allows at most ${limit}, so shorten it.`,
        };
      }
    }
    return {
      path,
      part: "value",
      message: `${label}: \`${preview(value, true)}\` is not a statement token; use a string or an object with \`content\`, an optional \`tooltip\` and an optional \`type\` of b or span, or remove \`displayedStatement\`.`,
    };
  }

  return { path, part: "value", message: `${label}: \`${preview(value, true)}\` does not have any of the allowed forms.` };
}

/**
 * Describes a key written more than once in one object, at its last occurrence: JSON.parse,
 * which ThreatComposer imports with, keeps only the last value and drops the others silently.
 */
export function describeDuplicateKey({ path, earlierLines }: DuplicateKey): SchemaProblem {
  const key = String(path[path.length - 1]);
  const where = earlierLines.length === 1 ? `first at line ${earlierLines[0]}` : `also at lines ${listOf(earlierLines.map(String))}`;
  const fix = `JSON.parse keeps only this last value, so remove or rename ${earlierLines.length === 1 ? "the other" : "the others"}`;
  const subject = path.length === 1 ? `Key \`${preview(key)}\`` : `${formatPath(path.slice(0, -1))}: key \`${preview(key)}\``;
  return { path, part: "key", message: `${subject} is duplicated (${where}); ${fix}.` };
}

/** Splits an ajv instance path (`/threats/3/metadata/1`) into segments, array indexes as numbers. */
export function pointerToPath(pointer: string, root: unknown): JsonPathSegment[] {
  if (pointer === "") return [];
  const path: JsonPathSegment[] = [];
  let current: unknown = root;
  for (const raw of pointer.slice(1).split("/")) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = isObject(current) ? current[segment] : undefined;
    }
  }
  return path;
}
