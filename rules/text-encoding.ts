/**
 * Requires a file to be valid UTF-8. tmlint reads each invalid byte sequence as U+FFFD, so
 * every other rule checks text that differs from what the author wrote. The same check runs
 * on Markdown and on ThreatComposer `.tc.json` files.
 */

import { defineRule } from "../src/rule.js";
import type { ReportDescriptor, Rule, TcJsonDocument, ThreatModel } from "../src/types.js";

type Options = Record<string, never>;
type MessageIds = "invalidUtf8";

/**
 * Reports the first invalid sequence of a Markdown model or a ThreatComposer document at the
 * U+FFFD that replaced it.
 */
function reportInvalidUtf8(document: ThreatModel | TcJsonDocument, report: (descriptor: ReportDescriptor<MessageIds>) => void): void {
  // Only the reader saw the bytes. Text that comes without `invalidUtf8` is not reported,
  // even when it contains U+FFFD, because that may be a character the author wrote.
  const invalid = document.invalidUtf8;
  if (!invalid) return;

  report({
    messageId: "invalidUtf8",
    data: { byteOffset: invalid.byteOffset },
    range: document.rangeOf(invalid.offset, invalid.offset + 1),
  });
}

const markdownRule = defineRule<Options, MessageIds>({
  meta: {
    id: "text-encoding",
    description: "Require files to be valid UTF-8.",
    defaultSeverity: "warning",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      invalidUtf8:
        "File is not valid UTF-8: byte offset {{byteOffset}} starts an invalid sequence; it was read with replacement characters (U+FFFD). Save the file as UTF-8.",
    },
  },

  check({ model, report }) {
    reportInvalidUtf8(model, report);
  },
});

const textEncoding: Rule<Options, MessageIds> = {
  ...markdownRule,
  // The engine runs the `checkJson` of every rule that has one on `.tc.json` files, so this
  // one rule, with one id and one setting, covers both kinds of file.
  checkJson({ json, report }) {
    reportInvalidUtf8(json, report);
  },
};

export default textEncoding;
