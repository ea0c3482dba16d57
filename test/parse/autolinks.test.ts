import fc from "fast-check";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { gateAutolinkTransform, parseGated } from "../../src/parse/autolinks.js";

const plain = unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm);
const gated = gateAutolinkTransform(unified().use(remarkParse).use(remarkFrontmatter, ["yaml", "toml"]).use(remarkGfm));

describe("autolink transform gate", () => {
  it("wraps the autolink-literal transform", () => {
    const extensions = (gated.data("fromMarkdownExtensions") as unknown[]).flat(Infinity) as { transforms?: { name: string }[] }[];
    const names = extensions.flatMap((extension) => extension.transforms ?? []).map((transform) => transform.name);
    expect(names).toContain("gatedAutolinkTransform");
  });

  it("still links URLs and email addresses", () => {
    const root = parseGated(gated, "| a |\n| - |\n| [x](#x): http://example.com and a@b.co |\n");
    expect(JSON.stringify(root)).toContain('"url":"http://example.com"');
    expect(JSON.stringify(root)).toContain('"url":"mailto:a@b.co"');
  });

  it("gives the tree of the plain pipeline", () => {
    const unit = fc.constantFrom("a", "w", "W", ".", "@", ":", "/", "h", "t", "p", "s", "&", "#", "6", "4", ";", "x", "m", "i", "l", "o", " ", "\n", "|", "-", "[", "]", "(", ")", "*");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 80 }), (text) => {
        expect(isDeepStrictEqual(parseGated(gated, text), plain.parse(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
