/**
 * Requires a Markdown threat model and its ThreatComposer file to agree. For `NAME.md` the
 * JSON is `NAME.tc.json` beside it, or the path in the `path` option. The file is read
 * through the engine's file reader, so the rule runs only where the caller gives one.
 */

import { basename, dirname, extname, join, relative } from "node:path";
import { documentRange } from "../src/model-util.js";
import { defineRule } from "../src/rule.js";
import { compareWithCompanion, type CompanionMessageId } from "../src/tcjson/companion.js";
import { parseTcJson } from "../src/tcjson/document.js";
import { isObject } from "../src/tcjson/format.js";

interface Options {
  /** The JSON file's path, relative to the Markdown file's folder; `{name}` is the Markdown file name without `.md`. */
  path: string;
  /** Whether a missing JSON file is itself a finding. */
  require: boolean;
}

export default defineRule<Options, CompanionMessageId | "missing" | "invalid">({
  meta: {
    id: "tc-json-companion",
    description: "Require a threat model and its ThreatComposer `.tc.json` file to agree.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: {
        path: { type: "string", minLength: 1, description: "The JSON file, relative to the Markdown file's folder; `{name}` is its name without `.md`." },
        require: { type: "boolean", description: "Report a Markdown file that has no JSON file." },
      },
      additionalProperties: false,
    },
    defaultOptions: { path: "{name}.tc.json", require: false },
    messages: {
      missing: "No ThreatComposer file `{{file}}` was found for this document; write it with `tmlint export {{markdown}} -o {{file}}`, or set this rule's `path` option.",
      invalid: "ThreatComposer file `{{file}}` cannot be compared: {{reason}}; fix it, then lint this document again.",
      notInJson: "{{kind}} `{{id}}` is not in `{{file}}`; add it there, or remove this row.",
      notInMarkdown: "`{{file}}` has {{kind}} `{{id}}` (`{{text}}`), which this document lacks; add its row to the {{table}} table, or remove it from the JSON.",
      textDiffers: "{{kind}} `{{id}}` reads `{{markdown}}` here but `{{json}}` in `{{file}}`; make the two agree.",
      fieldDiffers: "{{kind}} `{{id}}` has {{field}} `{{markdown}}` here but `{{json}}` in `{{file}}`; make the two agree.",
      linkMissing: "{{kind}} `{{id}}` links `{{target}}` in `{{file}}`, but its {{column}} cell does not; add the reference, or remove the link from the JSON.",
      linkExtra: "{{kind}} `{{id}}` links `{{target}}` here but not in `{{file}}`; add the link to the JSON, or remove this reference.",
    },
  },

  check({ model, options, report, readFile }) {
    // Without file access, or for text with a placeholder name such as `<stdin>`, there is no folder to look in.
    if (readFile === undefined || /^<.*>$/.test(model.filePath)) return;

    const folder = dirname(model.filePath);
    const name = basename(model.filePath, extname(model.filePath));
    const jsonPath = join(folder, options.path.replace(/\{name\}/g, name));
    const file = relative(folder, jsonPath) || basename(jsonPath);

    const text = readFile(jsonPath);
    if (text === undefined) {
      if (options.require) {
        report({ messageId: "missing", data: { file, markdown: basename(model.filePath) }, range: documentRange(model) });
      }
      return;
    }

    const json = parseTcJson(text, jsonPath);
    const [syntax] = json.syntaxErrors;
    if (syntax !== undefined || !isObject(json.value)) {
      const reason = syntax
        ? `line ${syntax.range.start.line}: ${syntax.message.replace(/^File is not valid JSON: /, "invalid JSON, ")}`
        : "its top level is not an object";
      report({ messageId: "invalid", data: { file, reason: reason.replace(/\.$/, "") }, range: documentRange(model) });
      return;
    }

    for (const disagreement of compareWithCompanion(model, json.value, file)) report(disagreement);
  },
});
