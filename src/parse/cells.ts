/**
 * Reading table cells and other phrasing content: plain text with line breaks, links, inline
 * HTML, and the cross-references that cells carry.
 */

import type { Break, Heading, Html, Image, InlineCode, Link, PhrasingContent, TableCell, Text } from "mdast";
import type { Position as UnistPosition } from "unist";
import type { HtmlFragment, MarkdownLink, Range } from "../types.js";
import { isBreakTag, isParagraphTag } from "./html.js";

/** One piece of a cell's content in reading order, with nested emphasis flattened. */
export type Piece =
  | { type: "text"; value: string; range: Range | undefined }
  | { type: "break"; range: Range | undefined }
  | { type: "link"; link: MarkdownLink; node: Link }
  | { type: "html"; html: HtmlFragment };

type Positioned = { position?: UnistPosition | undefined };

/** Copies an mdast position into a Range; undefined when the node has none. */
export function rangeOfNode(node: Positioned): Range | undefined {
  const position = node.position;
  if (!position) return undefined;
  return {
    start: { line: position.start.line, column: position.start.column, offset: position.start.offset ?? 0 },
    end: { line: position.end.line, column: position.end.column, offset: position.end.offset ?? 0 },
  };
}

const EMPTY_RANGE: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Copies an mdast position into a Range, falling back to the file start. */
export function requireRange(node: Positioned, fallback: Range = EMPTY_RANGE): Range {
  return rangeOfNode(node) ?? fallback;
}

/** Decodes a link fragment (`#%C3%BCbersicht` to `übersicht`); a malformed escape is kept as written. */
export function decodeFragment(url: string): string | undefined {
  const hash = url.indexOf("#");
  if (hash !== 0) return undefined;
  const raw = url.slice(1);
  try {
    return decodeURIComponent(raw).normalize("NFC");
  } catch {
    // A stray `%` is not an escape; GitHub then compares the fragment as written.
    return raw.normalize("NFC");
  }
}

/** A phrasing node that `walkPhrasing` hands to its visitor. */
export type PhrasingLeaf = Text | InlineCode | Break | Html | Link | Image;

/**
 * Visits the text, inline code, line breaks, inline HTML, links and images of phrasing
 * content in reading order. Emphasis, strong, delete and link references are entered, and a
 * link is entered only when `visit` returns true for it. Footnote and image references
 * carry no text and are skipped. The walk keeps its own stack, so deeply nested emphasis
 * cannot overflow the call stack.
 */
export function walkPhrasing(children: readonly PhrasingContent[], visit: (node: PhrasingLeaf) => boolean | void): void {
  const stack: PhrasingContent[] = [...children].reverse();
  const enter = (nodes: readonly PhrasingContent[]): void => {
    for (let index = nodes.length - 1; index >= 0; index--) stack.push(nodes[index] as PhrasingContent);
  };

  while (stack.length > 0) {
    const node = stack.pop() as PhrasingContent;
    switch (node.type) {
      case "text":
      case "inlineCode":
      case "break":
      case "html":
      case "image":
        visit(node);
        break;
      case "link":
        if (visit(node) === true) enter(node.children);
        break;
      case "emphasis":
      case "strong":
      case "delete":
      case "linkReference":
        enter(node.children);
        break;
      default:
        break;
    }
  }
}

/** Tells whether inline HTML ends a line of a cell: a `<br>` or `<p>` tag. */
export function isLineBreakHtml(node: Html): boolean {
  return isBreakTag(node.value) || isParagraphTag(node.value);
}

/** Flattens phrasing content into pieces in reading order; a link is one piece. */
export function flattenPhrasing(children: readonly PhrasingContent[]): Piece[] {
  const pieces: Piece[] = [];
  walkPhrasing(children, (node) => {
    switch (node.type) {
      case "text":
      case "inlineCode":
        pieces.push({ type: "text", value: node.value, range: rangeOfNode(node) });
        break;
      case "break":
        pieces.push({ type: "break", range: rangeOfNode(node) });
        break;
      case "html": {
        const range = requireRange(node);
        pieces.push({ type: "html", html: { value: node.value, range } });
        if (isLineBreakHtml(node)) pieces.push({ type: "break", range });
        break;
      }
      case "link":
        pieces.push({ type: "link", link: toMarkdownLink(node), node });
        break;
      case "image":
        pieces.push({ type: "text", value: node.alt ?? "", range: rangeOfNode(node) });
        break;
    }
    return false;
  });
  return pieces;
}

/** Plain text of phrasing content: line-break tags as `\n`, other HTML left out. */
export function textOfPieces(pieces: readonly Piece[]): string {
  let text = "";
  for (const piece of pieces) {
    if (piece.type === "text") text += piece.value;
    else if (piece.type === "break") text += "\n";
    else if (piece.type === "link") text += piece.link.text;
  }
  return text;
}

/** Plain text of phrasing content, for link texts and headings (HTML left out). */
export function plainText(children: readonly PhrasingContent[]): string {
  return textOfPieces(flattenPhrasing(children)).replace(/\n/g, " ");
}

export function toMarkdownLink(node: Link): MarkdownLink {
  return {
    url: node.url,
    fragment: decodeFragment(node.url),
    text: plainText(node.children),
    range: requireRange(node),
  };
}

/** The text a GitHub heading slug is made from: the rendered text, without HTML tags. */
export function headingText(node: Heading): string {
  return plainText(node.children);
}

/**
 * The heading's text content as GitHub slugs it: a `<br>` tag adds nothing and a line
 * ending inside a setext heading stays, so `Foo<br>Bar` and `Foo⏎Bar` both slug to `foobar`.
 */
export function headingSlugSource(node: Heading): string {
  const pieces = flattenPhrasing(node.children).filter((piece) => piece.type !== "break");
  return textOfPieces(pieces).trim();
}

export interface CellContent {
  pieces: Piece[];
  text: string;
  links: MarkdownLink[];
  html: HtmlFragment[];
}

export function readCell(node: TableCell): CellContent {
  const pieces = flattenPhrasing(node.children);
  const links: MarkdownLink[] = [];
  const html: HtmlFragment[] = [];
  for (const piece of pieces) {
    if (piece.type === "link") links.push(piece.link);
    else if (piece.type === "html") html.push(piece.html);
  }
  return { pieces, text: textOfPieces(pieces).trim(), links, html };
}

/** A link to an entity inside a cell, with the text that follows it. */
export interface LinkWithQuote {
  link: MarkdownLink;
  quote: string;
  quoteRange: Range | undefined;
}

/**
 * Pairs each link whose fragment satisfies `isReference` with the text after it, up to the
 * next line break or the next such link. A leading `:` or dash is dropped from the quote.
 */
export function linksWithQuotes(pieces: readonly Piece[], isReference: (link: MarkdownLink) => boolean): LinkWithQuote[] {
  const result: LinkWithQuote[] = [];
  let current: { link: MarkdownLink; text: string; start: Range | undefined; end: Range | undefined } | undefined;

  const finish = (): void => {
    if (!current) return;
    const quote = current.text.replace(/^\s*[:：\-–—]?\s*/u, "").trim();
    const quoteRange =
      quote.length > 0 && current.start && current.end ? { start: current.start.start, end: current.end.end } : undefined;
    result.push({ link: current.link, quote, quoteRange });
    current = undefined;
  };

  for (const piece of pieces) {
    if (piece.type === "link" && isReference(piece.link)) {
      finish();
      current = { link: piece.link, text: "", start: undefined, end: undefined };
      continue;
    }
    if (!current) continue;
    if (piece.type === "break") {
      finish();
      continue;
    }
    if (piece.type === "html") continue;
    const value = piece.type === "link" ? piece.link.text : piece.value;
    const range = piece.type === "link" ? piece.link.range : piece.range;
    current.text += value;
    if (value.trim().length > 0 && range) {
      current.start ??= range;
      current.end = range;
    }
  }
  finish();
  return result;
}
