/**
 * Disallows generic component names such as "Lambda function" or "S3 bucket" in table cells
 * unless the component's actual name comes with them. The name may be an identifier before
 * the term (`chat-orchestrator Lambda function`, `OrdersTable DynamoDB table`), or inline
 * code, a quoted name, a bracketed identifier or "named …" after it.
 *
 * Link columns are skipped, since the quotes there repeat statements that are checked in
 * their own rows, and so is AWS Services Required, which lists services by their names.
 */

import { defineRule } from "../src/rule.js";
import { linkColumnKind, rangeInRun, textRuns, type TextRun } from "../src/content-util.js";
import type { Range } from "../src/types.js";

interface Options {
  /** The generic terms, matched case-insensitively as whole words, with an optional plural `s`. */
  terms: string[];
}

/** Words that introduce a term without naming the component. */
const FUNCTION_WORDS = new Set(
  (
    "a an the this that these those each every any all some one our its their your his her my multiple several many " +
    "no other another same single new existing main primary backend frontend shared central to via from into in on " +
    "behind through by with for of and or at as is are was were be"
  ).split(" "),
);

/** An identifier-like name: a letter, and a hyphen, underscore, digit, dot or inner capital. */
const IDENTIFIER = /^(?=[^A-Za-z]*[A-Za-z])(?=.*[-_0-9.]|.+[A-Z])[A-Za-z0-9][\w.-]*$/;

export default defineRule<Options, "generic">({
  meta: {
    id: "no-generic-component-names",
    description: "Disallow generic component names such as `Lambda function` without the component's actual name.",
    defaultSeverity: "error",
    schema: {
      type: "object",
      properties: { terms: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true } },
      additionalProperties: false,
    },
    defaultOptions: { terms: ["Lambda function", "DynamoDB table", "S3 bucket", "API Gateway"] },
    messages: {
      generic:
        "Generic name `{{term}}` does not say which component is meant; prefix it with the component's own name, such as `<name> {{term}}`.",
    },
  },

  check({ model, options, report }) {
    const terms = options.terms.map((term) => term.toLowerCase().replace(/\s+/g, " ").trim()).filter((term) => term !== "");
    if (terms.length === 0) return;

    for (const table of model.tables) {
      for (const row of table.rows) {
        for (const cell of row.cells) {
          const column = table.columns[cell.index];
          if (column?.role === "id" || column?.role === "aws-services" || linkColumnKind(table, column) !== undefined) continue;
          const runs = textRuns(model, cell.node.children);
          runs.forEach((run, index) => {
            if (run.kind !== "text") return;
            for (const found of findTerms(run.value, terms)) {
              if (isNamed(runs, index, run.value, found.start, found.end)) continue;
              const written = run.value.slice(found.start, found.end);
              const range: Range | undefined = rangeInRun(model, run, found.start, found.end);
              if (range) report({ messageId: "generic", data: { term: written }, range });
            }
          });
        }
      }
    }
  },
});

/** Finds each term as a whole word, with an optional plural `s`, in one pass per term. */
function findTerms(text: string, terms: readonly string[]): { start: number; end: number }[] {
  const lower = text.replace(/[A-Z]/g, (letter) => letter.toLowerCase()).replace(/\s/g, " ");
  const found: { start: number; end: number }[] = [];
  for (const term of terms) {
    let index = lower.indexOf(term);
    while (index !== -1) {
      let end = index + term.length;
      if (lower.charAt(end) === "s") end++;
      if (!isWordChar(lower.charAt(index - 1)) && !isWordChar(lower.charAt(end))) found.push({ start: index, end });
      index = lower.indexOf(term, index + 1);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function isWordChar(char: string): boolean {
  return char !== "" && /[\p{L}\p{N}_-]/u.test(char);
}

/**
 * Tells whether the component's name comes with the term: an identifier right before it,
 * or inline code, a quote, a bracketed identifier or "named"/"called" right after it.
 */
function isNamed(runs: readonly TextRun[], index: number, text: string, start: number, end: number): boolean {
  const previous = wordBefore(text, start);
  if (previous !== undefined) {
    const word = trimQuotes(previous);
    const isName = IDENTIFIER.test(word) || (word !== previous && QUOTES.has(previous.charAt(0)));
    if (isName && !FUNCTION_WORDS.has(word.toLowerCase())) return true;
  } else if (runs[index - 1]?.kind === "code") {
    return true;
  }

  const next = wordAfter(text, end);
  if (next === undefined) return runs[index + 1]?.kind === "code";
  if (QUOTES.has(next.charAt(0)) || /^(named|called)$/i.test(next)) return true;
  // "(lockers-public-api authorizer)": a bracket that opens with an identifier.
  return next.startsWith("(") && IDENTIFIER.test(trimQuotes(next));
}

const QUOTES = new Set(['"', "'", "“", "‘", "”", "’"]);
const SURROUNDING = new Set([...QUOTES, "(", ")", ",", ":"]);

/** Returns the word that ends right before `index`, skipping spaces, or undefined at the start of the text. */
function wordBefore(text: string, index: number): string | undefined {
  let end = index;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--;
  return start === end ? undefined : text.slice(start, end);
}

/** Returns the word that starts at or after `index`, skipping spaces, or undefined at the end of the text. */
function wordAfter(text: string, index: number): string | undefined {
  let start = index;
  while (start < text.length && /\s/.test(text.charAt(start))) start++;
  let end = start;
  while (end < text.length && !/\s/.test(text.charAt(end))) end++;
  return start === end ? undefined : text.slice(start, end);
}

/** Removes quotes, brackets, commas and colons around a word. */
function trimQuotes(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && SURROUNDING.has(word.charAt(start))) start++;
  while (end > start && SURROUNDING.has(word.charAt(end - 1))) end--;
  return word.slice(start, end);
}
