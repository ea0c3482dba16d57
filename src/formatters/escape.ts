/**
 * Escaping document text for terminal output: control characters are shown as `\xNN` or
 * `\uNNNN`, so a quoted value cannot move the cursor, clear the screen or start a new line.
 */

/** Replaces C0 and C1 control characters (and DEL) with visible escapes. */
export function escapeControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    if (char === "\n") return "\\n";
    if (char === "\r") return "\\r";
    if (char === "\t") return "\\t";
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
