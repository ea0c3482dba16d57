/**
 * Queries over sections, sub-sections and block text that the structure and content rules
 * share: which blocks belong to a heading, which sub-section a heading names, and short
 * excerpts of text for messages.
 */

import type { Nodes } from "mdast";
import type { Diagram, HeadingInfo, Range, Section, ThreatModel } from "./types.js";
import { rangeOfNode } from "./parse/cells.js";
import { walkTree } from "./parse/node-index.js";
import { SUBSECTION_NAMES, Vocabulary } from "./parse/vocabulary.js";

/** A key of `SUBSECTION_NAMES`: `summary`, `workflow`, `dataflow-diagram`, … */
export type SubsectionKey = string;

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

/** Returns the template's title for a sub-section key, for messages: `Key Benefits`. */
export function subsectionTitle(key: SubsectionKey): string {
  return SUBSECTION_NAMES[key]?.[0] ?? key;
}

/** Finds the first heading inside a section that names the sub-section `key`. */
export function findSubsection(section: Section, key: SubsectionKey): HeadingInfo | undefined {
  return section.subheadings.find((heading) => vocabulary.subsectionKey(heading.text) === key);
}

/**
 * Lists the top-level blocks that follow `heading` inside its section, up to the next
 * heading of the same or a higher level. Headings themselves are not blocks of a section.
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
 * Lists the section's own blocks. The model keeps a heading it does not recognise, and what
 * follows it, in the section above. A heading at the section's own level or higher starts
 * other content, so the blocks after it are left out.
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

/** Inline node types whose text continues the text around them without a separator. */
const PHRASING_TYPES: ReadonlySet<string> = new Set([
  "text",
  "inlineCode",
  "emphasis",
  "strong",
  "delete",
  "link",
  "linkReference",
  "image",
  "imageReference",
  "footnoteReference",
  "html",
]);

/**
 * Returns the readable text of a block without Markdown syntax. Inline text and code run on
 * as they read, so `` `T-0001`. `` becomes `T-0001.`, and blocks, list items and line breaks
 * are separated by a space.
 */
export function blockText(node: Nodes): string {
  const parts: string[] = [];
  walkTree(node, (child) => {
    if (child.type === "text" || child.type === "inlineCode") parts.push(child.value);
    else if (!PHRASING_TYPES.has(child.type)) parts.push(" ");
    if (child.type === "code") parts.push(child.value);
  });
  return parts.join("").trim();
}

/** Shortens text for a message: its first line, whitespace collapsed, cut to `max` characters with `…`. */
export function excerpt(text: string, max = 40): string {
  const line = (text.split(/\r\n|\r|\n/, 1)[0] ?? "").replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** Returns the source text a range covers. */
export function sourceText(model: ThreatModel, range: Range): string {
  return model.text.slice(range.start.offset, range.end.offset);
}

/** Returns the heading marker one level below the section heading: `###` under a `##` section. */
export function childHeadingMarker(section: Section): string {
  return "#".repeat(Math.min(section.heading.depth + 1, 6));
}

/** The form of a diagram: ASCII art in a plain fence, an image, or a Mermaid fence. */
export type DiagramForm = "ascii" | "image" | "mermaid";

/** Fence info strings that mean plain text, so a drawing in them is ASCII art. */
const TEXT_FENCES = new Set(["", "text", "txt", "plain", "plaintext", "ascii", "asciiart", "diagram", "none"]);

/** Box-drawing, block and arrow characters: `─│┌╔═►▼→`. */
const DRAWING_CHARACTERS = /[\u2190-\u21ff\u2500-\u259f\u25b2-\u25c4]/u;

/**
 * Tells how a diagram is drawn, or returns undefined for a fence that contains no drawing,
 * such as JSON or shell code. ASCII art is recognised by box-drawing or arrow characters,
 * `+--` corners, `->` arrows or lines framed by `|`.
 */
export function diagramForm(diagram: Diagram): DiagramForm | undefined {
  if (diagram.kind === "image") return "image";
  const lang = (diagram.lang ?? "").toLowerCase();
  if (lang === "mermaid") return "mermaid";
  if (!TEXT_FENCES.has(lang)) return undefined;
  return looksDrawn(diagram.value) ? "ascii" : undefined;
}

function looksDrawn(text: string): boolean {
  if (DRAWING_CHARACTERS.test(text)) return true;
  return text.split(/\r\n|\r|\n/).some((line) => {
    const trimmed = line.trim();
    if (trimmed.length > 2 && trimmed.startsWith("|") && trimmed.endsWith("|")) return true;
    return ["+--", "+==", "+\u2014", "+\u2013", "->", "<-"].some((marker) => line.includes(marker));
  });
}
