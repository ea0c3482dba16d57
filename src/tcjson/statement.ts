/**
 * Renders a threat statement from its parts the way ThreatComposer (awslabs/threat-composer,
 * 2025) does, so that a stored `statement` can be checked against its parts and an exported
 * statement can be split back into parts.
 *
 * The rules, as ThreatComposer applies them:
 * - a part counts as filled when it is a non-empty string or a non-empty array;
 * - one filled part renders alone between `...` markers (no leading marker for the source,
 *   no trailing marker for the assets);
 * - two or more fill one of eight templates, with `threat source` and `perform a threat
 *   action` standing in for a missing source or action;
 * - goals are joined as `x, y and/or z`, assets as `x, y and z`;
 * - `a`/`an` is chosen with the `indefinite` package, the same one ThreatComposer uses;
 * - the pieces are joined with spaces, whitespace runs collapse to one space and ` ,`
 *   becomes `,`.
 */

import indefinite from "indefinite";
import type { Threat } from "./format.js";

export type StatementToken = "threat_source" | "prerequisites" | "threat_action" | "threat_impact" | "impacted_goal" | "impacted_assets";

type PartField = "threatSource" | "prerequisites" | "threatAction" | "threatImpact" | "impactedGoal" | "impactedAssets";

/** The parts in statement order, with the bit each adds to the template number. */
const PARTS: readonly { token: StatementToken; field: PartField; bit: number }[] = [
  { token: "threat_source", field: "threatSource", bit: 1 },
  { token: "prerequisites", field: "prerequisites", bit: 2 },
  { token: "threat_action", field: "threatAction", bit: 4 },
  { token: "threat_impact", field: "threatImpact", bit: 8 },
  { token: "impacted_goal", field: "impactedGoal", bit: 16 },
  { token: "impacted_assets", field: "impactedAssets", bit: 32 },
];

const OPENING = "A [threat_source] [prerequisites] can [threat_action]";

/** The template for each combination of filled parts; source, prerequisites and action are always present. */
export const STATEMENT_TEMPLATES: Readonly<Record<number, string>> = {
  7: OPENING,
  15: `${OPENING}, which leads to [threat_impact]`,
  23: `${OPENING}, resulting in reduced [impacted_goal]`,
  31: `${OPENING}, which leads to [threat_impact], resulting in reduced [impacted_goal]`,
  39: `${OPENING}, negatively impacting [impacted_assets]`,
  47: `${OPENING}, which leads to [threat_impact], negatively impacting [impacted_assets]`,
  55: `${OPENING}, resulting in reduced [impacted_goal] of [impacted_assets]`,
  63: `${OPENING}, which leads to [threat_impact], resulting in reduced [impacted_goal] of [impacted_assets]`,
};

/** The statement parts of a threat, with absent fields left out. */
export type StatementParts = Pick<Threat, PartField | "customTemplate">;

function isFilled(value: unknown): boolean {
  if (typeof value === "string") return value.length > 0;
  return Array.isArray(value) && value.length > 0;
}

/** Tells whether a threat has at least one statement part. */
export function hasStatementParts(parts: StatementParts): boolean {
  return PARTS.some((part) => isFilled(parts[part.field]));
}

/** Joins a list: `x`, `x and y`, `x, y and z`; goals use `and/or` before the last item. */
export function joinList(items: readonly string[], orForLast: boolean): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")}${orForLast ? " and/or " : " and "}${items[items.length - 1]}`;
}

function partText(parts: StatementParts, token: StatementToken): string {
  const part = PARTS.find((candidate) => candidate.token === token);
  const value = part === undefined ? undefined : parts[part.field];
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return joinList(value, token === "impacted_goal");
  return "";
}

/**
 * Corrects every `a`/`an` before a word, keeping a capital `A`. Like ThreatComposer, the
 * word may start after one space, bracket, quote or hyphen, and `\w` is ASCII-only.
 */
export function correctArticles(text: string): string {
  return text.replace(/\b(a|an) ([\s("'“‘-]?\w*)\b/gi, (_match, article: string, following: string) => {
    const word = following.replace(/^[\s("'“‘-]+/, "").replace(/\s+$/, "");
    return `${indefinite(word, { capitalize: article.startsWith("A"), articleOnly: true })} ${following}`;
  });
}

/**
 * Renders the statement ThreatComposer would store for these parts. Returns undefined when
 * a custom template names a part that is not filled, since ThreatComposer then shows
 * placeholder text that tmlint does not reproduce.
 */
export function renderThreatStatement(parts: StatementParts): string | undefined {
  const filled = PARTS.filter((part) => isFilled(parts[part.field]));
  if (filled.length === 0) return "";

  const [only] = filled;
  if (filled.length === 1 && only) {
    const prefix = only.token === "threat_source" ? "" : "...";
    const suffix = only.token === "impacted_assets" ? "" : "...";
    return `${prefix}${partText(parts, only.token)}${suffix}`;
  }

  const completed: StatementParts = {
    ...parts,
    threatSource: parts.threatSource || "threat source",
    threatAction: parts.threatAction || "perform a threat action",
  };
  let combination = 1 | 2 | 4;
  for (const part of PARTS) {
    if (part.bit > 4 && isFilled(parts[part.field])) combination |= part.bit;
  }
  const template = parts.customTemplate || STATEMENT_TEMPLATES[combination];
  if (template === undefined) return undefined;

  const pieces: string[] = [];
  let rest = template;
  for (;;) {
    const open = rest.indexOf("[");
    const close = rest.indexOf("]");
    if (open < 0 || close < 0) break;
    let before = rest.slice(0, open);
    const token = rest.slice(open + 1, close) as StatementToken;
    const known = PARTS.find((part) => part.token === token);
    const tokenFilled = known !== undefined && (token === "prerequisites" || isFilled(completed[known.field]));
    if (!tokenFilled) return undefined;

    const content = correctArticles(partText(completed, token));
    // The template's leading `A` takes its article from the threat source.
    if (before === "A ") before = `${indefinite(content, { capitalize: true, articleOnly: true })} `;
    pieces.push(correctArticles(before), content);
    rest = rest.slice(close + 1);
  }
  return pieces.join(" ").replace(/\s\s+/g, " ").replace(/ ,/g, ",");
}
