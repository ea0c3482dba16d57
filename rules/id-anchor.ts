/**
 * Requires each assumption, threat, mitigation, asset, existing control and residual threat
 * row to define a target that GitHub renders: `<a id="T-0001"></a>` or `<a name="T-0001"></a>`
 * in its ID cell. GitHub gives a table cell no id, so a bare self-link `[**T-0001**](#T-0001)`
 * in the ID cell points nowhere, and every link to that row is dead for readers.
 */

import { defineRule } from "../src/rule.js";
import { LINKED_KINDS } from "../src/content-util.js";
import { entityTitle } from "../src/model-util.js";

interface Options {
  /** Also report rows without an anchor that nothing links to. */
  requireUnlinked: boolean;
}

export default defineRule<Options, "selfLink" | "noAnchor" | "noAnchorUnlinked">({
  meta: {
    id: "id-anchor",
    description: "Require every entity row to define an HTML anchor for its ID.",
    defaultSeverity: "error",
    fixable: true,
    schema: {
      type: "object",
      properties: { requireUnlinked: { type: "boolean" } },
      additionalProperties: false,
    },
    defaultOptions: { requireUnlinked: true },
    messages: {
      selfLink:
        "{{kind}} `{{id}}` links to itself but defines no anchor, so `#{{id}}` has no target on GitHub and {{links}}; add `<a id=\"{{id}}\"></a>` before the link.",
      noAnchor:
        "{{kind}} `{{id}}` defines no anchor, so `#{{id}}` has no target on GitHub and {{links}}; write `<a id=\"{{id}}\"></a>{{id}}` in its ID cell.",
      noAnchorUnlinked: "{{kind}} `{{id}}` has no anchor for links to point at; write `<a id=\"{{id}}\"></a>{{id}}` in its ID cell.",
    },
  },

  check({ model, options, report }) {
    // An anchor anywhere in the file serves the links, even when it is not in the row.
    const anchors = new Set(model.anchors.map((anchor) => anchor.name));
    const linkCount = new Map<string, number>();
    for (const link of model.fragmentLinks) {
      if (link.fragment !== undefined) linkCount.set(link.fragment, (linkCount.get(link.fragment) ?? 0) + 1);
    }

    for (const entity of model.entities) {
      if (!LINKED_KINDS.has(entity.kind) || entity.idForm === "anchor" || anchors.has(entity.id)) continue;
      // The row's own self-link is not a link from elsewhere.
      const selfLink = entity.idForm === "self-link" ? entity.idCell.links.find((link) => link.fragment === entity.id) : undefined;
      const count = (linkCount.get(entity.id) ?? 0) - (selfLink ? 1 : 0);
      const data = { kind: entityTitle(entity.kind), id: entity.id, links: deadLinks(count, selfLink !== undefined) };

      if (selfLink) {
        report({
          messageId: "selfLink",
          data,
          range: selfLink.range,
          fix: {
            range: { start: selfLink.range.start.offset, end: selfLink.range.start.offset },
            text: `<a id="${entity.id}"></a>`,
          },
        });
      } else if (count > 0) {
        report({ messageId: "noAnchor", data, range: entity.idCell.range });
      } else if (options.requireUnlinked) {
        report({ messageId: "noAnchorUnlinked", data, range: entity.idCell.range });
      }
    }
  },
});

/** Words for the links a missing anchor breaks: the row's own self-link and `count` others. */
function deadLinks(count: number, selfLink: boolean): string {
  const others = count === 1 ? "1 link from elsewhere" : `${count} links from elsewhere`;
  if (selfLink) return count === 0 ? "this link is dead" : `this link and ${others} are dead`;
  return count === 1 ? `${others} is dead` : `${others} are dead`;
}
