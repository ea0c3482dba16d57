/**
 * A gate on remark-gfm's autolink-literal transform. The transform
 * (mdast-util-gfm-autolink-literal 2) searches every text node for `http://`, `https://`,
 * `www.` and `@`, which took about 6% of the time to lint the 2 MB benchmark document, on
 * text that had none of them. Text whose source holds none of them and no `&` (a character
 * reference could spell one) cannot gain an autolink from it, so the transform is skipped.
 */

import type { Root } from "mdast";
import type { Processor } from "unified";

/** A tree transform of mdast-util-from-markdown: it may change the tree or return a new one. */
type Transform = (tree: Root) => Root | undefined | void;

/** Source text in which the transform may find something. */
const HINT = /[@&]|www|http/i;

/** The name of the transform function in mdast-util-gfm-autolink-literal 2. */
const TRANSFORM_NAME = "transformGfmAutolinkLiterals";

let sourceHasHint = true;

interface Extension {
  transforms?: Transform[];
}

/**
 * Wraps the autolink-literal transform of a frozen processor so that it runs only when
 * `parseGated` found a hint in the source. Any other transform is left as it is.
 */
export function gateAutolinkTransform<P extends Processor<Root>>(processor: P): P {
  processor.freeze();
  const extensions = (processor.data("fromMarkdownExtensions") ?? []) as unknown[];
  for (const extension of extensions.flat(Infinity) as Extension[]) {
    if (!extension.transforms) continue;
    extension.transforms = extension.transforms.map((transform) => (transform.name === TRANSFORM_NAME ? gated(transform) : transform));
  }
  return processor;
}

function gated(transform: Transform): Transform {
  return function gatedAutolinkTransform(tree) {
    return sourceHasHint ? transform(tree) : undefined;
  };
}

/** Parses `text` with a gated processor. */
export function parseGated(processor: Processor<Root>, text: string): Root {
  sourceHasHint = HINT.test(text);
  try {
    return processor.parse(text);
  } finally {
    sourceHasHint = true;
  }
}
