/**
 * Queries over sections, sub-sections and block text that the structure and content rules
 * share: which blocks belong to a heading, which sub-section a heading names, and short
 * excerpts of text for messages.
 */

import type { Nodes } from "mdast";
import { visit } from "unist-util-visit";
import type { HeadingInfo, Range, Section, ThreatModel } from "./types.js";
import { rangeOfNode } from "./parse/cells.js";
import { SUBSECTION_NAMES, Vocabulary } from "./parse/vocabulary.js";

/** A sub-section key of the vocabulary: `summary`, `workflow`, `dataflow-diagram`, … */
export type SubsectionKey = keyof typeof SUBSECTION_NAMES & string;

/** The HTML tags the template uses in table cells: `<br/>`, `<p>`, anchors and inline formatting. */
export const TEMPLATE_CELL_TAGS: readonly string[] = [
  "br",
  "p",
  "a",
  "b",
  "strong",
  "i",
  "em",
  "code",
  "u",
  "s",
  "del",
  "sub",
  "sup",
  "kbd",
  "mark",
];

// Sub-section titles are not configurable, so the default vocabulary reads them all.
const vocabulary = new Vocabulary();

/** The template's title for a sub-section key, for messages: `Key Benefits`. */
export function subsectionTitle(key: SubsectionKey): string {
  return SUBSECTION_NAMES[key]?.[0] ?? key;
}

/** The first heading inside a section that names the sub-section `key`, if any. */
export function findSubsection(section: Section, key: SubsectionKey): HeadingInfo | undefined {
  return section.subheadings.find((heading) => vocabulary.subsectionKey(heading.text) === key);
}

/**
 * The top-level blocks that follow `heading` inside its section, up to the next heading of
 * the same or a higher level. Headings themselves are not blocks of a section.
 */
export function blocksUnder(section: Section, heading: HeadingInfo): Nodes[] {
  const start = heading.range.end.offset;
  const end = nextBoundary(section, start, heading.depth);
  return section.nodes.filter((node) => {
    const offset = rangeOfNode(node)?.start.offset;
    return offset !== undefined && offset >= start && offset < end;
  });
}

/**
 * The section's own blocks. The model keeps a heading it does not recognise, and what
 * follows it, in the section above; a heading at the section's own level or higher starts
 * other content, so its blocks are left out here.
 */
export function ownBlocks(section: Section): Nodes[] {
  const start = section.heading.range.end.offset;
  const end = nextBoundary(section, start, section.heading.depth);
  return section.nodes.filter((node) => {
    const offset = rangeOfNode(node)?.start.offset;
    return offset !== undefined && offset < end;
  });
}

/** Tells whether a heading has nothing under it: no block and no deeper heading. */
export function isEmptySubsection(section: Section, heading: HeadingInfo): boolean {
  if (blocksUnder(section, heading).length > 0) return false;
  const next = section.subheadings.find((other) => other.range.start.offset > heading.range.start.offset);
  return next === undefined || next.depth <= heading.depth;
}

/** Offset of the first sub-heading after `offset` whose level is `depth` or higher. */
function nextBoundary(section: Section, offset: number, depth: number): number {
  let end = Number.POSITIVE_INFINITY;
  for (const heading of section.subheadings) {
    const start = heading.range.start.offset;
    if (start >= offset && heading.depth <= depth && start < end) end = start;
  }
  return end;
}

/** The readable text of a block: text and code values joined, without Markdown syntax. */
export function blockText(node: Nodes): string {
  const parts: string[] = [];
  visit(node, (child) => {
    if (child.type === "text" || child.type === "inlineCode" || child.type === "code") parts.push(child.value);
  });
  return parts.join(" ");
}

/** The first line of `text`, whitespace collapsed and cut to `max` characters with `…`. */
export function excerpt(text: string, max = 40): string {
  const line = (text.split(/\r\n|\r|\n/, 1)[0] ?? "").replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** The source text a range covers. */
export function sourceText(model: ThreatModel, range: Range): string {
  return model.text.slice(range.start.offset, range.end.offset);
}

/** The section heading's Markdown prefix one level down, e.g. `###` under a `##` section. */
export function childHeadingMarker(section: Section): string {
  return "#".repeat(Math.min(section.heading.depth + 1, 6));
}
