/**
 * Requires threat and residual-threat statements in the grammar "A|An [threat actor] who
 * [capability] can [action], which leads to [impact], resulting in [business impact]". An
 * evidence prefix and sentences before the statement are allowed: the statement is taken to
 * start at the first sentence that opens with "A" or "An". With `grammar: "threat-composer"`
 * the rule accepts every statement ThreatComposer renders from its parts. There the
 * prerequisites may use any words ("with", "that", "who" or none), and the impact and the
 * ending ("resulting in reduced …" or "negatively impacting …") are optional. A single part
 * shown between `...` markers passes as it is.
 *
 * The check is a scanner that looks each keyword up once from a moving position, so its
 * time is linear in the statement's length whatever the input.
 */

import { defineRule, listOf } from "../src/rule.js";
import { entityTitle } from "../src/model-util.js";
import { EVIDENCE_PREFIX } from "../src/parse/model.js";
import type { Entity } from "../src/types.js";

type Grammar = "methodology" | "threat-composer";

interface Options {
  grammar: Grammar;
}

const FORMS: Record<Grammar, string> = {
  methodology: "A|An [threat actor] who [capability] can [action], which leads to [impact], resulting in [business impact]",
  "threat-composer":
    "A|An [threat source] [prerequisites] can [threat action][, which leads to [threat impact]][, resulting in reduced [impacted goal] | negatively impacting [impacted assets]]",
};

export default defineRule<Options, "missingParts" | "empty">({
  meta: {
    id: "threat-statement-grammar",
    description: "Require threat and residual-threat statements in the template's actor, capability, action, impact and business-impact grammar.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: { grammar: { enum: ["methodology", "threat-composer"] } },
      additionalProperties: false,
    },
    defaultOptions: { grammar: "methodology" },
    messages: {
      missingParts: "{{kind}} `{{id}}` statement has {{missing}}; write it as `{{form}}`.",
      empty: "{{kind}} `{{id}}` has no statement; write it as `{{form}}`.",
    },
  },

  check({ model, options, report }) {
    for (const entity of model.entities) {
      if (entity.kind !== "threat" && entity.kind !== "residual-threat") continue;
      const cell = statementCell(entity);
      // A table without a statement column is table-columns's finding.
      if (!cell) continue;

      const data = { kind: entityTitle(entity.kind), id: entity.id, form: FORMS[options.grammar] };
      const statement = entity.kind === "threat" ? entity.statement : entity.statement.replace(EVIDENCE_PREFIX, "");
      if (statement.trim() === "") {
        report({ messageId: "empty", data, range: cell.range });
        continue;
      }
      const parts = missingParts(statement, options.grammar);
      // Each part gets its own "no", because "no `can` clause and `which leads to` clause"
      // can be read as if the `which leads to` clause were present.
      const missing = listOf(parts.map((part) => `no ${part}`));
      if (parts.length > 0) report({ messageId: "missingParts", data: { ...data, missing }, range: cell.range });
    }
  },
});

function statementCell(entity: Entity) {
  const column = entity.row.table.column(entity.kind === "threat" ? "threat" : "residual-threat");
  return column === undefined ? undefined : entity.row.cells[column.index];
}

/**
 * Lists the parts of the grammar a statement lacks, in the order they should appear. Each
 * keyword is searched once, from where the previous part ended.
 */
export function missingParts(statement: string, grammar: Grammar): string[] {
  const text = lowerAscii(statement.replace(/\s+/g, " ").trim());
  if (grammar === "threat-composer") return missingThreatComposerParts(text);
  const missing: string[] = [];

  const start = statementStart(text);
  if (start === -1) missing.push("`A`/`An` opening");
  let position = start === -1 ? 0 : start;

  const can = findWord(text, "can", position);
  const who = findWord(text, "who", position);
  if (who === -1 || (can !== -1 && who > can)) missing.push("`who` clause");
  if (can === -1) missing.push("`can` clause");
  else position = can + "can".length;

  const leadsTo = findWord(text, "which leads to", position);
  if (leadsTo === -1) missing.push("`which leads to` clause");
  else position = leadsTo + "which leads to".length;

  if (findWord(text, "resulting in", position) === -1) missing.push("`resulting in` clause");
  return missing;
}

/**
 * Lists the parts a statement lacks for ThreatComposer. Its renderer (awslabs/threat-composer,
 * 2025) writes `A|An [source] [prerequisites] can [action]` and then, each only when its part
 * is filled, `, which leads to [impact]` and `, resulting in reduced [goal]` or `, negatively
 * impacting [assets]`. A threat with one part filled is that part alone between `...` markers
 * (`insider...`, `...tamper with logs...`, `...user data`), which passes as it is.
 */
function missingThreatComposerParts(text: string): string[] {
  if (text.startsWith("...") || text.endsWith("...")) return [];
  const missing: string[] = [];
  const start = statementStart(text);
  if (start === -1) missing.push("`A`/`An` opening");
  if (findWord(text, "can", start === -1 ? 0 : start) === -1) missing.push("`can` clause");
  return missing;
}

/** Lower-cases A–Z only, so that indexes into the result are indexes into the input. */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code > 127;
}

/**
 * Returns the index of `word` at word boundaries, searching from `from`, or -1. Each call
 * moves forward through the text, so a run of near-misses costs one pass.
 */
export function findWord(text: string, word: string, from: number): number {
  let index = text.indexOf(word, from);
  while (index !== -1) {
    const before = index === 0 ? 32 : text.charCodeAt(index - 1);
    const after = index + word.length >= text.length ? 32 : text.charCodeAt(index + word.length);
    if (!isLetter(before) && !isLetter(after)) return index;
    index = text.indexOf(word, index + 1);
  }
  return -1;
}

/**
 * Returns the index of the first sentence that opens with "a " or "an ": at the start of
 * the text, or after `.`, `!`, `?` or `:` and a space. Returns -1 when there is none.
 */
function statementStart(text: string): number {
  let sentenceStart = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) continue;
    if (sentenceStart && (text.startsWith("a ", i) || text.startsWith("an ", i))) return i;
    // `.`, `!`, `?` and `:` end a sentence or a lead-in such as "Found in repo:".
    sentenceStart = code === 46 || code === 33 || code === 63 || code === 58;
  }
  return -1;
}
