/**
 * Positions for the nodes that remark-gfm's autolink-literal transform creates. The
 * transform (mdast-util-gfm-autolink-literal 2, through mdast-util-find-and-replace) splits
 * a text node around a URL or email address that micromark left as text, such as one right
 * after `: ` in a table cell. The text and link nodes it makes have no position, so rules
 * would report such a link at the start of the file.
 */

import type { Nodes, Parents, Root } from "mdast";
import type { Position } from "unist";
import { LineIndex } from "./text.js";

/** Text that may hold an autolink literal: `www.`, a scheme such as `https://`, or an email address. */
const AUTOLINK_HINT = /www\.|:\/\/|@|mailto:|xmpp:/i;

/**
 * Gives every node without a position one, derived from its positioned siblings. A run of
 * such nodes whose values match the source between its neighbours gets exact positions;
 * otherwise each node of the run gets the whole gap, which is inside the file and inside
 * its parent.
 */
export function restorePositions(root: Root, text: string): void {
  if (!AUTOLINK_HINT.test(text)) return;
  let lines: LineIndex | undefined;
  const stack: Parents[] = [root];
  while (stack.length > 0) {
    const parent = stack.pop() as Parents;
    const children = parent.children as Nodes[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as Nodes;
      if (!child.position && parent.position) {
        let end = index;
        while (end + 1 < children.length && !(children[end + 1] as Nodes).position) end++;
        lines ??= new LineIndex(text);
        placeRun(children.slice(index, end + 1), children[index - 1], children[end + 1], parent, text, lines);
        index = end;
      }
      if ("children" in child) stack.push(child);
    }
  }
}

/** Places a run of positionless siblings between the nodes before and after it. */
function placeRun(run: Nodes[], before: Nodes | undefined, after: Nodes | undefined, parent: Parents, text: string, lines: LineIndex): void {
  const parentStart = parent.position?.start.offset ?? 0;
  const parentEnd = parent.position?.end.offset ?? text.length;
  const gapStart = before?.position?.end.offset ?? parentStart;
  const gapEnd = Math.max(gapStart, after?.position?.start.offset ?? parentEnd);

  const values = run.map(valueOf);
  const joined = values.join("");
  let offset: number | undefined;
  if (before?.position && text.startsWith(joined, gapStart)) offset = gapStart;
  else if (after?.position && gapEnd - joined.length >= gapStart && text.startsWith(joined, gapEnd - joined.length)) offset = gapEnd - joined.length;

  for (const [index, node] of run.entries()) {
    if (offset === undefined) {
      setPosition(node, lines.rangeOf(gapStart, gapEnd));
      continue;
    }
    const length = (values[index] as string).length;
    setPosition(node, lines.rangeOf(offset, offset + length));
    offset += length;
  }
}

/** Returns the source text a node created by the transform stands for: its value, or its children's. */
function valueOf(node: Nodes): string {
  if ("value" in node) return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(valueOf).join("");
  return "";
}

/** Sets a position on a node and, where they have none, on its descendants. */
function setPosition(node: Nodes, position: Position): void {
  node.position = position;
  if (!("children" in node)) return;
  for (const child of node.children as Nodes[]) {
    if (!child.position) setPosition(child, { start: { ...position.start }, end: { ...position.end } });
  }
}
