/**
 * Parses ThreatComposer `.tc.json` text into a document that keeps positions, so that every
 * finding can point at the offending key or value.
 *
 * The file is strict JSON, as ThreatComposer reads it with `JSON.parse`: comments and trailing
 * commas are syntax errors here even though jsonc-parser could read them.
 */

import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import { LineIndex, stripBom } from "../parse/text.js";
import type { JsonPathSegment, Range, TcJsonDocument } from "../types.js";

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
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });

  const syntaxErrors: TcJsonDocument["syntaxErrors"] = [];
  const reported = new Set<string>();
  for (const error of errors) {
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

/** Shows control characters of a snippet as escapes, so that a message stays on one line. */
function visible(snippet: string): string {
  return snippet.replace(/[\u0000-\u001f]/g, (character) => JSON.stringify(character).slice(1, -1));
}

/** Finds the node at a path, falling back to the nearest ancestor that exists. */
export function nodeAtPath(root: Node | undefined, path: readonly JsonPathSegment[]): { node: Node | undefined; exact: boolean } {
  if (!root) return { node: undefined, exact: false };
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(root, path.slice(0, length) as JsonPathSegment[]);
    if (node) return { node, exact: length === path.length };
  }
  return { node: root, exact: false };
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
