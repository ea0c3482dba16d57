/**
 * Inline directives: HTML comments that turn rules off for part of a document.
 *
 *   <!-- tmlint-disable rule-a rule-b -->   off from here (all rules when none are named)
 *   <!-- tmlint-enable rule-a -->           on again from here (all rules when none are named)
 *   <!-- tmlint-disable-line rule-a -->     off on the line where the comment starts
 *   <!-- tmlint-disable-next-line rule-a --> off on the line after the one where the comment ends
 *   <!-- tmlint-disable-file rule-a -->     off in the whole file
 *
 * Rule ids are separated by spaces or commas; text after ` -- ` is a reason and is ignored.
 * Directives are read only from `html` nodes of the syntax tree, so a directive quoted in a
 * code span or a code block does nothing.
 */

import type { Html } from "mdast";
import { nodesOfType } from "./parse/node-index.js";
import { closestId } from "./suggest.js";
import type { Diagnostic, Range, SeveritySetting, ThreatModel } from "./types.js";

export type DirectiveKind = "disable" | "enable" | "disable-line" | "disable-next-line" | "disable-file";

const KINDS: readonly DirectiveKind[] = ["disable", "enable", "disable-line", "disable-next-line", "disable-file"];

/** The pseudo rule id of findings about a directive that names an unknown rule or kind. */
export const INVALID_DIRECTIVE = "invalid-directive";
/** The pseudo rule id of findings about a directive that suppressed nothing. */
export const UNUSED_DIRECTIVE = "unused-directive";

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids named; empty for all rules. */
  ruleIds: string[];
  /** The directive as a reader would type it, `tmlint-disable rule-a`, for messages. */
  text: string;
  range: Range;
}

/** Reads the directives of a document, in document order. */
export function readDirectives(model: ThreatModel): { directives: Directive[]; invalid: Diagnostic[] } {
  const directives: Directive[] = [];
  const invalid: Diagnostic[] = [];
  // Most documents hold no directive: skip the tree walk for them.
  if (!model.text.includes("tmlint-")) return { directives, invalid };

  for (const { node } of nodesOfType(model.root, "html")) {
    for (const comment of commentsIn(node, model)) {
      const parsed = parseComment(comment.body);
      if (parsed === undefined) continue;
      if (typeof parsed === "string") {
        invalid.push({
          ruleId: INVALID_DIRECTIVE,
          severity: "error",
          message: `Directive \`${parsed}\` is not a tmlint directive; use one of ${KINDS.map((kind) => `\`tmlint-${kind}\``).join(", ")}.`,
          range: comment.range,
        });
        continue;
      }
      const text = [`tmlint-${parsed.kind}`, ...parsed.ruleIds].join(" ");
      directives.push({ ...parsed, text, range: comment.range });
    }
  }
  return { directives, invalid };
}

interface Comment {
  /** The text between `<!--` and `-->`. */
  body: string;
  range: Range;
}

/**
 * Finds the HTML comments in an html node. An html node's value is its source text unless
 * the node sits in a block quote or list, where the container's markers are left out;
 * there each comment gets the whole node's range, because offsets into the value would
 * not be offsets into the file.
 */
function commentsIn(node: Html, model: ThreatModel): Comment[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [];
  const value = node.value;
  const exact = model.text.slice(start, end) === value;
  const comments: Comment[] = [];
  let open = value.indexOf("<!--");
  while (open !== -1) {
    const close = value.indexOf("-->", open + 4);
    if (close === -1) break;
    comments.push({
      body: value.slice(open + 4, close),
      range: exact ? model.rangeOf(start + open, start + close + 3) : model.rangeOf(start, end),
    });
    open = value.indexOf("<!--", close + 3);
  }
  return comments;
}

/**
 * Parses a comment body. Returns undefined when it is no directive, the directive word when
 * it starts with `tmlint-` but names no kind, or the kind and rule ids.
 */
function parseComment(body: string): { kind: DirectiveKind; ruleIds: string[] } | string | undefined {
  const trimmed = body.trim();
  if (!trimmed.startsWith("tmlint-")) return undefined;
  const reasonAt = trimmed.search(/\s--(\s|$)/);
  const content = reasonAt === -1 ? trimmed : trimmed.slice(0, reasonAt);
  const [word = "", ...ids] = content.split(/[\s,]+/).filter((part) => part !== "");
  const kind = word.slice("tmlint-".length) as DirectiveKind;
  if (!KINDS.includes(kind)) return word;
  return { kind, ruleIds: ids };
}

export interface ApplyOptions {
  /** Every rule id a directive may name: built-in and plugin rules. */
  knownRuleIds: ReadonlySet<string>;
  /** The severity for directives that suppressed nothing; `off` reports none. */
  reportUnused: SeveritySetting;
}

/**
 * Removes the diagnostics that directives suppress, and adds findings for directives that
 * name unknown rules and, when asked, for those that suppressed nothing. A diagnostic is
 * suppressed when a disable-file, disable-line or disable-next-line directive covers its
 * start line, or when the last disable or enable directive before its start that applies to
 * its rule is a disable.
 */
export function applyDirectives(
  diagnostics: readonly Diagnostic[],
  directives: readonly Directive[],
  invalid: readonly Diagnostic[],
  options: ApplyOptions,
): Diagnostic[] {
  const problems: Diagnostic[] = [...invalid];
  for (const directive of directives) {
    for (const id of directive.ruleIds) {
      if (options.knownRuleIds.has(id)) continue;
      const suggestion = closestId(id, options.knownRuleIds);
      const hint = suggestion === undefined ? "use a rule id that `tmlint rules` lists." : `did you mean \`${suggestion}\`?`;
      problems.push({
        ruleId: INVALID_DIRECTIVE,
        severity: "error",
        message: `Directive \`${directive.text}\` names the unknown rule \`${id}\`; ${hint}`,
        range: directive.range,
      });
    }
  }
  if (directives.length === 0) return [...diagnostics, ...problems];

  // used[d] holds the rule ids directive d suppressed; "*" stands for a directive without ids.
  const used = directives.map(() => new Set<string>());
  const kept: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const index = suppressingDirective(diagnostic, directives);
    if (index === undefined) {
      kept.push(diagnostic);
      continue;
    }
    const directive = directives[index] as Directive;
    used[index]?.add(directive.ruleIds.length === 0 ? "*" : diagnostic.ruleId);
  }

  if (options.reportUnused !== "off") {
    const severity = options.reportUnused === "warn" ? "warning" : "error";
    directives.forEach((directive, index) => {
      if (directive.kind === "enable") return;
      const suppressed = used[index] as Set<string>;
      if (directive.ruleIds.length === 0) {
        if (suppressed.size === 0) {
          problems.push({
            ruleId: UNUSED_DIRECTIVE,
            severity,
            message: `Directive \`${directive.text}\` suppressed no finding; remove it.`,
            range: directive.range,
          });
        }
        return;
      }
      for (const id of directive.ruleIds) {
        if (suppressed.has(id) || !options.knownRuleIds.has(id)) continue;
        problems.push({
          ruleId: UNUSED_DIRECTIVE,
          severity,
          message: `Directive \`${directive.text}\` suppressed no finding of \`${id}\`; remove \`${id}\` from it.`,
          range: directive.range,
        });
      }
    });
  }
  return [...kept, ...problems];
}

/** The index of the directive that suppresses a diagnostic, or undefined. */
function suppressingDirective(diagnostic: Diagnostic, directives: readonly Directive[]): number | undefined {
  const applies = (directive: Directive): boolean =>
    directive.ruleIds.length === 0 || directive.ruleIds.includes(diagnostic.ruleId);
  const line = diagnostic.range.start.line;

  for (const [index, directive] of directives.entries()) {
    if (!applies(directive)) continue;
    if (directive.kind === "disable-file") return index;
    if (directive.kind === "disable-line" && directive.range.start.line === line) return index;
    if (directive.kind === "disable-next-line" && directive.range.end.line + 1 === line) return index;
  }

  let last: number | undefined;
  for (const [index, directive] of directives.entries()) {
    if (directive.range.start.offset > diagnostic.range.start.offset) break;
    if ((directive.kind === "disable" || directive.kind === "enable") && applies(directive)) last = index;
  }
  return last !== undefined && directives[last]?.kind === "disable" ? last : undefined;
}
