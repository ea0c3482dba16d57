/**
 * Escaping document text for output. Messages quote values from the linted document, so any
 * character that a terminal, a CI log or a parser would act on is written as a visible escape
 * such as `\n`, `\x1b` or `\u202e`. A quoted value therefore cannot move the cursor, recolour
 * the log, start a new line or reorder the text around it.
 */

/**
 * C0 and C1 control characters, DEL, the Unicode line and paragraph separators, and the
 * bidirectional embedding, override and isolate controls.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same set without CR and LF, for formats that encode line breaks their own way. */
const UNSAFE_EXCEPT_LINE_BREAKS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visibleEscape(char: string): string {
  if (char === "\n") return "\\n";
  if (char === "\r") return "\\r";
  if (char === "\t") return "\\t";
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

/** Replaces control characters (line breaks included) with visible escapes. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, visibleEscape);
}

/** Replaces control characters other than CR and LF with visible escapes. */
export function escapeControlCharactersExceptLineBreaks(text: string): string {
  return text.replace(UNSAFE_EXCEPT_LINE_BREAKS, visibleEscape);
}

/** Replaces lone UTF-16 surrogates with U+FFFD, so that the text can be UTF-8 or URI encoded. */
export function toWellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/**
 * Serialises a value as JSON with two-space indentation. `JSON.stringify` already escapes C0
 * controls. This also writes C1 controls, the line separators and the bidirectional controls
 * as `\uXXXX`: the parsed data is the same, but a terminal that shows the report cannot act on
 * them.
 */
export function toSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
