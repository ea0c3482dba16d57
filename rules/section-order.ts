/**
 * Requires the sections that are present to follow the template's order, each once.
 */

import { defineRule } from "../src/rule.js";
import { SECTION_ORDER, SECTION_TITLES } from "../src/parse/vocabulary.js";
import type { RelatedLocation, Section } from "../src/types.js";

export default defineRule<Record<string, never>, "outOfOrder" | "duplicate">({
  meta: {
    id: "section-order",
    description: "Require sections in template order, each at most once.",
    defaultSeverity: "error",
    schema: { type: "object", properties: {}, additionalProperties: false },
    defaultOptions: {},
    messages: {
      outOfOrder: "Section `{{title}}` is out of template order; move it {{place}} (template order: {{order}}).",
      duplicate: "Section `{{title}}` appears again; merge it into the one at line {{line}}.",
    },
  },

  check({ model, report }) {
    // 1. Report repeats. Only the first occurrence of each section is ordered.
    const seen = new Map<string, Section>();
    const firsts: Section[] = [];
    // A section found as a sub-heading (level 3 or deeper) sits inside another section, where
    // the template's order does not apply.
    for (const section of model.sections.filter((candidate) => candidate.heading.depth <= 2)) {
      const first = seen.get(section.kind);
      if (first) {
        report({
          messageId: "duplicate",
          data: { title: SECTION_TITLES[section.kind], line: first.heading.range.start.line },
          range: section.heading.range,
          related: [{ message: "First defined here.", range: first.heading.range }],
        });
        continue;
      }
      seen.set(section.kind, section);
      firsts.push(section);
    }

    // 2. The sections of a longest run already in template order stay in place. Every other
    //    section was moved, so it is reported once, with its place among those that stay.
    const ranks = firsts.map((section) => SECTION_ORDER.indexOf(section.kind));
    const inPlace = longestIncreasing(ranks);
    const sectionsInPlace = firsts.filter((_section, index) => inPlace.has(index));
    const order = SECTION_ORDER.filter((kind) => seen.has(kind))
      .map((kind) => SECTION_TITLES[kind])
      .join(", ");

    firsts.forEach((section, index) => {
      if (inPlace.has(index)) return;
      const rank = ranks[index] ?? 0;
      const after = sectionsInPlace.filter((other) => SECTION_ORDER.indexOf(other.kind) < rank).at(-1);
      const before = sectionsInPlace.find((other) => SECTION_ORDER.indexOf(other.kind) > rank);
      report({
        messageId: "outOfOrder",
        data: { title: SECTION_TITLES[section.kind], place: placeBetween(after, before), order },
        range: section.heading.range,
        related: [neighbour(after, before)],
      });
    });
  },
});

/**
 * Describes where a moved section goes, between the sections that stay in place around it.
 * At least one section always stays, so `after` and `before` are never both undefined.
 */
function placeBetween(after: Section | undefined, before: Section | undefined): string {
  const title = (section: Section): string => `\`${SECTION_TITLES[section.kind]}\``;
  if (after && before) return `between ${title(after)} and ${title(before)}`;
  if (before) return `before ${title(before)}`;
  return after ? `after ${title(after)}` : "into template order";
}

/** Points at the section that stays in place next to where a moved section goes. */
function neighbour(after: Section | undefined, before: Section | undefined): RelatedLocation {
  if (before) return { message: "Move it before this section.", range: before.heading.range };
  const anchor = after as Section;
  return { message: "Move it after this section.", range: anchor.heading.range };
}

/**
 * Returns the indices of a longest strictly increasing subsequence of `values`. Among several
 * of the same length it picks the one with the earliest indices, so when two sections are
 * swapped, the second is the one reported as moved. Quadratic, which suits the ten or so
 * sections a document has.
 */
export function longestIncreasing(values: readonly number[]): Set<number> {
  // lengthFrom[i]: the length of the longest increasing subsequence that starts at i.
  const lengthFrom = values.map(() => 1);
  for (let i = values.length - 1; i >= 0; i--) {
    for (let j = i + 1; j < values.length; j++) {
      if ((values[j] ?? 0) > (values[i] ?? 0)) lengthFrom[i] = Math.max(lengthFrom[i] ?? 1, (lengthFrom[j] ?? 0) + 1);
    }
  }

  const chosen = new Set<number>();
  let needed = Math.max(0, ...lengthFrom);
  let last = -Infinity;
  for (let i = 0; i < values.length && needed > 0; i++) {
    const value = values[i] ?? 0;
    if (value > last && lengthFrom[i] === needed) {
      chosen.add(i);
      last = value;
      needed--;
    }
  }
  return chosen;
}
