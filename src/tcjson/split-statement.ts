/**
 * Splits a threat statement written in ThreatComposer's grammar back into its parts, so
 * that an exported threat opens in ThreatComposer's editor with its fields filled:
 * "A[n] <source> <prerequisites> can <action>[, which leads to <impact>][, resulting in
 * reduced <goals>[ of <assets>] | , negatively impacting <assets>]".
 *
 * The split is accepted only when the parts render back to exactly the same sentence, so a
 * statement outside the grammar is exported as a statement alone, never altered.
 */

import { renderThreatStatement, type StatementParts } from "./statement.js";

/** Words that usually open the prerequisites, which ThreatComposer writes in lower case after the source. */
const PREREQUISITE_START =
  /\s(?=(?:who|whose|with|without|that|which|in|on|at|from|through|via|using|having|after|when|while|if|by|within|inside|outside)\s)/;

/** The maximum length of a part that ThreatComposer accepts. */
const MAX_PART_LENGTH = 200;

function splitList(text: string, lastSeparator: string): string[] {
  const last = text.lastIndexOf(lastSeparator);
  if (last < 0) return [text];
  return [...text.slice(0, last).split(", "), text.slice(last + lastSeparator.length)];
}

/** Returns the parts of a statement, or undefined when no split renders back to it exactly. */
export function splitThreatStatement(statement: string): StatementParts | undefined {
  const opening = /^An? (.+?) can (.+)$/s.exec(statement);
  if (!opening) return undefined;
  const [, subject = "", predicate = ""] = opening;

  const parts: StatementParts = {};
  const prerequisiteAt = subject.search(PREREQUISITE_START);
  if (prerequisiteAt > 0) {
    parts.threatSource = subject.slice(0, prerequisiteAt);
    parts.prerequisites = subject.slice(prerequisiteAt + 1);
  } else {
    parts.threatSource = subject;
  }

  // The clauses after the action, in the order the templates put them.
  let rest = predicate;
  const take = (marker: string): string | undefined => {
    const at = rest.indexOf(marker);
    if (at < 0) return undefined;
    const after = rest.slice(at + marker.length);
    rest = rest.slice(0, at);
    return after;
  };
  const assetsOnly = take(", negatively impacting ");
  const goalsClause = assetsOnly === undefined ? take(", resulting in reduced ") : undefined;
  const impact = take(", which leads to ");
  parts.threatAction = rest;
  if (impact !== undefined) parts.threatImpact = impact;

  if (assetsOnly !== undefined) parts.impactedAssets = splitList(assetsOnly, " and ");
  if (goalsClause !== undefined) {
    const of = goalsClause.indexOf(" of ");
    const goals = of < 0 ? goalsClause : goalsClause.slice(0, of);
    parts.impactedGoal = splitList(goals, " and/or ");
    if (of >= 0) parts.impactedAssets = splitList(goalsClause.slice(of + 4), " and ");
  }

  const values = [parts.threatSource, parts.prerequisites, parts.threatAction, parts.threatImpact, ...(parts.impactedGoal ?? []), ...(parts.impactedAssets ?? [])];
  if (values.some((value) => value !== undefined && (value.length === 0 || value.length > MAX_PART_LENGTH || value !== value.trim()))) return undefined;
  return renderThreatStatement(parts) === statement ? parts : undefined;
}
