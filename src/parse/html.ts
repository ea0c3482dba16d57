/**
 * A small, linear scanner for inline and block HTML: tag names, `id`/`name` attributes and
 * line-break tags. Each character is visited a bounded number of times, so hostile input
 * such as thousands of `<a` without `>` stays linear.
 */

export interface HtmlTag {
  /** Lower-case tag name, without the slash of a closing tag. */
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attributes: Map<string, string>;
  /** Offsets of `<` and one past `>` inside the scanned string. */
  start: number;
  end: number;
}

function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 45 || code === 58 || code === 95
  );
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12;
}

/** Lists the tags in an HTML string. Comments are skipped; unterminated tags are dropped. */
export function scanTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  let i = html.indexOf("<");
  while (i !== -1 && i < html.length) {
    if (html.startsWith("<!--", i)) {
      const close = html.indexOf("-->", i + 4);
      if (close === -1) break;
      i = html.indexOf("<", close + 3);
      continue;
    }
    const tag = readTag(html, i);
    if (tag === undefined) {
      i = html.indexOf("<", i + 1);
      continue;
    }
    tags.push(tag);
    i = html.indexOf("<", tag.end);
  }
  return tags;
}

function readTag(html: string, start: number): HtmlTag | undefined {
  let i = start + 1;
  let closing = false;
  if (html.charCodeAt(i) === 47 /* / */) {
    closing = true;
    i++;
  }
  const nameStart = i;
  while (i < html.length && isNameChar(html.charCodeAt(i))) i++;
  if (i === nameStart) return undefined;
  const name = html.slice(nameStart, i).toLowerCase();
  const attributes = new Map<string, string>();
  let selfClosing = false;

  while (i < html.length) {
    const code = html.charCodeAt(i);
    if (code === 62 /* > */) {
      return { name, closing, selfClosing, attributes, start, end: i + 1 };
    }
    if (code === 60 /* < */) return undefined;
    if (code === 47 /* / */) {
      selfClosing = true;
      i++;
      continue;
    }
    if (isSpace(code)) {
      i++;
      continue;
    }

    // An attribute name, then an optional `= value`.
    const attributeStart = i;
    while (i < html.length) {
      const c = html.charCodeAt(i);
      if (isSpace(c) || c === 61 || c === 62 || c === 47 || c === 60) break;
      i++;
    }
    if (i === attributeStart) {
      i++;
      continue;
    }
    const attributeName = html.slice(attributeStart, i).toLowerCase();
    selfClosing = false;
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    if (html.charCodeAt(i) !== 61 /* = */) {
      if (!attributes.has(attributeName)) attributes.set(attributeName, "");
      continue;
    }
    i++;
    while (i < html.length && isSpace(html.charCodeAt(i))) i++;
    const quote = html.charCodeAt(i);
    let value: string;
    if (quote === 34 || quote === 39) {
      const close = html.indexOf(String.fromCharCode(quote), i + 1);
      if (close === -1) return undefined;
      value = html.slice(i + 1, close);
      i = close + 1;
    } else {
      const valueStart = i;
      while (i < html.length) {
        const c = html.charCodeAt(i);
        if (isSpace(c) || c === 62 || c === 60) break;
        i++;
      }
      value = html.slice(valueStart, i);
    }
    if (!attributes.has(attributeName)) attributes.set(attributeName, value);
  }
  return undefined;
}

/** Tells whether an HTML fragment is a single line-break tag: `<br>`, `<br/>`, `<BR />`. */
export function isBreakTag(html: string): boolean {
  return /^<br\s*\/?>$/i.test(html.trim());
}

/** Tells whether an HTML fragment is a paragraph tag that separates lines: `<p>` or `</p>`. */
export function isParagraphTag(html: string): boolean {
  return /^<\/?p\s*>$/i.test(html.trim());
}
