/**
 * Parses ThreatComposer `.tc.json` text into a document that keeps positions, so that every
 * finding can point at the offending key or value.
 *
 * The file is strict JSON, as ThreatComposer reads it with `JSON.parse`: comments and trailing
 * commas are syntax errors here even though jsonc-parser could read them.
 */

import { parseTree, printParseErrorCode, visit, type Node, type ParseError, type ParseOptions } from "jsonc-parser";
import { LineIndex, stripBom } from "../parse/text.js";
import { listOf } from "../rule.js";
import type { JsonPathSegment, Range, TcJsonDocument } from "../types.js";
import { formatPath } from "./format.js";

const PARSE_OPTIONS: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** A key written more than once in one object, at the path of its last occurrence. */
export interface DuplicateKey {
  path: JsonPathSegment[];
  /** The lines of the earlier occurrences, in document order. */
  earlierLines: number[];
}

/** Facts about the source text that the value from `JSON.parse` no longer shows. */
export interface SourceDetails {
  /** Number literals too large for a double (JSON.parse makes them Infinity), by `JSON.stringify(path)`. */
  outOfRangeNumbers: Map<string, string>;
  duplicateKeys: DuplicateKey[];
}

/**
 * Source details by the parsed value they belong to. Schema validation receives only the
 * value, so it looks the details up here to name a literal as written and to report keys
 * that JSON.parse silently merged.
 */
const sourceDetails = new WeakMap<object, SourceDetails>();

/** Returns the source details of a value that parseTcJson made, if it is an object or array. */
export function sourceDetailsOf(value: unknown): SourceDetails | undefined {
  return typeof value === "object" && value !== null ? sourceDetails.get(value) : undefined;
}

/** Explanations of jsonc-parser's error codes, worded for a person fixing the file. */
const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: "unexpected character; JSON allows only objects, arrays, strings, numbers, true, false and null here",
  InvalidNumberFormat: "invalid number; write digits with an optional `-`, fraction and exponent",
  PropertyNameExpected: "expected a property name in double quotes",
  ValueExpected: "expected a value",
  ColonExpected: "expected `:` after the property name",
  CommaExpected: "expected `,` between items",
  CloseBraceExpected: "expected `}` to close the object",
  CloseBracketExpected: "expected `]` to close the array",
  EndOfFileExpected: "expected the end of the file after the top-level value",
  InvalidCommentToken: "comments are not allowed in JSON; remove the comment",
  UnexpectedEndOfComment: "unterminated comment; JSON allows no comments, so remove it",
  UnexpectedEndOfString: "unterminated string; close it with `\"`",
  UnexpectedEndOfNumber: "unterminated number",
  InvalidUnicode: "invalid `\\u` escape; write four hexadecimal digits",
  InvalidEscapeCharacter: "invalid escape; JSON allows `\\\"`, `\\\\`, `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` and `\\uXXXX`",
  InvalidCharacter: "control character in a string; escape it, for example as `\\n`",
};

/** Parses `.tc.json` text (a leading BOM is allowed) into a document with positions. */
export function parseTcJson(input: string, filePath = "<text>"): TcJsonDocument {
  const { text, hasBom } = stripBom(input);
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, PARSE_OPTIONS);

  const syntaxErrors: TcJsonDocument["syntaxErrors"] = [];
  const reported = new Set<string>();
  // Every container left open at the end of the file gives its own error there, so one
  // message that lists them all replaces those errors.
  const endOfFile = describeEndOfFile(text, errors);
  for (const error of errors) {
    if (endOfFile && error.offset >= text.length) {
      if (!reported.has("end")) syntaxErrors.push({ message: endOfFile, range: lines.rangeOf(text.length, text.length) });
      reported.add("end");
      continue;
    }
    const comma = trailingCommaBefore(text, error);
    let message: string;
    let range: Range;
    if (comma !== undefined) {
      message = `File is not valid JSON: trailing comma before \`${text.charAt(error.offset)}\`; JSON allows none, so remove it.`;
      range = lines.rangeOf(comma, comma + 1);
    } else {
      const name = printParseErrorCode(error.error);
      const atEnd = error.offset >= text.length;
      const found = atEnd ? "the end of the file" : `\`${visible(text.slice(error.offset, error.offset + Math.max(error.length, 1)))}\``;
      message = `File is not valid JSON: ${SYNTAX_MESSAGES[name] ?? name} (found ${found}).`;
      range = lines.rangeOf(error.offset, atEnd ? error.offset : error.offset + Math.max(error.length, 1));
    }
    // jsonc-parser can report one problem twice while it recovers.
    const key = `${range.start.offset}:${message}`;
    if (reported.has(key)) continue;
    reported.add(key);
    syntaxErrors.push({ message, range });
  }

  let value: unknown;
  if (syntaxErrors.length === 0) {
    // jsonc-parser accepted the text, so JSON.parse cannot fail; it gives the value ThreatComposer would see.
    value = JSON.parse(text) as unknown;
    if (root && typeof value === "object" && value !== null) sourceDetails.set(value, collectSourceDetails(root, text, lines));
  }

  return {
    filePath,
    text,
    hasBom,
    root,
    value,
    syntaxErrors,
    pointAt: (offset) => lines.pointAt(offset),
    rangeOf: (start, end) => lines.rangeOf(start, end),
    rangeAt: (path, part = "value") => rangeAtPath(root, lines, path, part),
  };
}

/**
 * Returns the offset of the trailing comma that caused an error, if one did. jsonc-parser
 * reports such a comma as a missing value or property name just before `}` or `]`.
 */
function trailingCommaBefore(text: string, error: ParseError): number | undefined {
  const name = printParseErrorCode(error.error);
  if (name !== "ValueExpected" && name !== "PropertyNameExpected") return undefined;
  const next = text.charAt(error.offset);
  if (next !== "}" && next !== "]") return undefined;
  let index = error.offset - 1;
  while (index >= 0 && /\s/.test(text.charAt(index))) index--;
  return text.charAt(index) === "," ? index : undefined;
}

/**
 * Describes the end of a truncated file: the containers still open there, innermost first,
 * the characters that close them, and what was expected first. Returns undefined when no
 * container is open at the end.
 */
function describeEndOfFile(text: string, errors: readonly ParseError[]): string | undefined {
  const errorsAtEnd = errors.filter((error) => error.offset >= text.length).map((error) => printParseErrorCode(error.error));
  if (errorsAtEnd.length === 0) return undefined;

  const open: { kind: "object" | "array"; path: JsonPathSegment[] }[] = [];
  const unclosed: typeof open = [];
  // The parser ends every container it recovers from; a container ended by the end-of-file
  // token (at the text length) was never closed.
  const end = (offset: number): void => {
    const container = open.pop();
    if (container && offset >= text.length) unclosed.push(container);
  };
  visit(
    text,
    {
      onObjectBegin: (_offset, _length, _line, _character, pathSupplier) => void open.push({ kind: "object", path: pathSupplier() }),
      onArrayBegin: (_offset, _length, _line, _character, pathSupplier) => void open.push({ kind: "array", path: pathSupplier() }),
      onObjectEnd: (offset) => end(offset),
      onArrayEnd: (offset) => end(offset),
    },
    PARSE_OPTIONS,
  );
  if (unclosed.length === 0) return undefined;

  const names = unclosed.map(({ kind, path }) => (path.length === 0 ? `the top-level ${kind}` : `the \`${formatPath(path)}\` ${kind}`));
  const closers = unclosed.map(({ kind }) => (kind === "object" ? "}" : "]")).join("");
  const inside = `inside ${listOf(names)}`;
  const close = `close ${unclosed.length === 1 ? "it" : "them"} with \`${closers}\``;

  if (text.trimEnd().endsWith(",")) return `File is not valid JSON: the file ends after a \`,\` ${inside}; add the next item or remove the comma, and ${close}.`;
  if (errorsAtEnd.includes("ColonExpected")) return `File is not valid JSON: the file ends where \`:\` is expected, ${inside}; add \`:\` and the value, and ${close}.`;
  if (errorsAtEnd.includes("ValueExpected")) return `File is not valid JSON: the file ends where a value is expected, ${inside}; add the value and ${close}.`;
  return `File is not valid JSON: the file ends ${inside}; ${close}.`;
}

/**
 * Walks the syntax tree of valid JSON for what JSON.parse drops: number literals beyond the
 * range of a double, and keys written twice in one object. An explicit stack keeps deep
 * nesting from overflowing the call stack.
 */
function collectSourceDetails(root: Node, text: string, lines: LineIndex): SourceDetails {
  const details: SourceDetails = { outOfRangeNumbers: new Map(), duplicateKeys: [] };
  const pending: { node: Node; path: JsonPathSegment[] }[] = [{ node: root, path: [] }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { node, path } = item;
    if (node.type === "number" && !Number.isFinite(node.value)) {
      details.outOfRangeNumbers.set(JSON.stringify(path), text.slice(node.offset, node.offset + node.length));
    } else if (node.type === "array") {
      (node.children ?? []).forEach((child, index) => pending.push({ node: child, path: [...path, index] }));
    } else if (node.type === "object") {
      const keyLines = new Map<string, number[]>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key === undefined || value === undefined) continue;
        const name = String(key.value);
        const line = lines.pointAt(key.offset).line;
        keyLines.set(name, [...(keyLines.get(name) ?? []), line]);
        pending.push({ node: value, path: [...path, name] });
      }
      for (const [name, occurrences] of keyLines) {
        if (occurrences.length > 1) details.duplicateKeys.push({ path: [...path, name], earlierLines: occurrences.slice(0, -1) });
      }
    }
  }
  return details;
}

/** Shows control characters of a snippet as escapes, so that a message stays on one line. */
function visible(snippet: string): string {
  return snippet.replace(/[\u0000-\u001f]/g, (character) => JSON.stringify(character).slice(1, -1));
}

/** Finds the node at a path, falling back to the nearest ancestor that exists. */
export function nodeAtPath(root: Node | undefined, path: readonly JsonPathSegment[]): { node: Node | undefined; exact: boolean } {
  if (!root) return { node: undefined, exact: false };
  let node = root;
  for (const segment of path) {
    const child = childAt(node, segment);
    if (!child) return { node, exact: false };
    node = child;
  }
  return { node, exact: true };
}

/**
 * Returns the value node of an object key or array index. Of a key written twice, the last
 * one wins, because JSON.parse keeps its value and every check validates that one.
 */
function childAt(node: Node, segment: JsonPathSegment): Node | undefined {
  if (typeof segment === "number") return node.type === "array" ? node.children?.[segment] : undefined;
  if (node.type !== "object") return undefined;
  let found: Node | undefined;
  for (const property of node.children ?? []) {
    if (property.children?.[0]?.value === segment) found = property.children[1];
  }
  return found;
}

function rangeAtPath(
  root: Node | undefined,
  lines: LineIndex,
  path: readonly JsonPathSegment[],
  part: "key" | "value" | "start",
): Range {
  const { node, exact } = nodeAtPath(root, path);
  if (!node) return lines.rangeOf(0, 0);
  if (part === "key" && exact && node.parent?.type === "property") {
    const key = node.parent.children?.[0];
    if (key) return lines.rangeOf(key.offset, key.offset + key.length);
  }
  if (part === "start") return lines.rangeOf(node.offset, node.offset + 1);
  return lines.rangeOf(node.offset, node.offset + node.length);
}
