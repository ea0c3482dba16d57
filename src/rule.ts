/**
 * Rule definition helpers. A rule file exports `defineRule({ meta, check })`; the docs URL
 * is derived from the rule id so that it cannot drift from the file name.
 */

import type { JsonRuleContext, Rule, RuleMeta, RuleContext, MessageData } from "./types.js";

/** Where rule documentation pages live; `<id>.md` is appended. */
export const DOCS_BASE_URL = "https://github.com/tmlint/tmlint/blob/main/docs/rules/";

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

/**
 * A rule's metadata as written. Built-in rules leave `docsUrl` out and get the page under
 * `docs/rules/`; a plugin's rule sets it to its own documentation.
 */
type MetaInput<Options, MessageIds extends string> = Omit<RuleMeta<Options, MessageIds>, "docsUrl"> & { docsUrl?: string };

/** Defines a rule; typed over its options and message ids so a wrong id fails to compile. */
export function defineRule<Options extends object, MessageIds extends string>(definition: {
  meta: MetaInput<Options, MessageIds>;
  check(context: RuleContext<Options, MessageIds>): void;
}): Rule<Options, MessageIds> {
  return {
    meta: { ...definition.meta, docsUrl: definition.meta.docsUrl ?? docsUrl(definition.meta.id) },
    check: definition.check,
  };
}

/** Defines a rule over ThreatComposer `.tc.json` files; its `meta.language` is set to `tc-json`. */
export function defineJsonRule<Options extends object, MessageIds extends string>(definition: {
  meta: Omit<MetaInput<Options, MessageIds>, "language">;
  check(context: JsonRuleContext<Options, MessageIds>): void;
}): Rule<Options, MessageIds> {
  return {
    meta: { ...definition.meta, language: "tc-json", docsUrl: definition.meta.docsUrl ?? docsUrl(definition.meta.id) },
    // The engine runs tc-json rules only through `checkJson`, never on a Markdown model.
    check: () => undefined,
    checkJson: definition.check,
  };
}

/** Fills `{{name}}` placeholders; a placeholder without data is left as written. */
export function formatMessage(template: string, data: MessageData | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, key: string) => {
    const value = data[key];
    return value === undefined ? whole : String(value);
  });
}

/** Joins values for a message: `A`, `A and B`, `A, B and C`. */
export function listOf(values: readonly string[], conjunction = "and"): string {
  if (values.length <= 1) return values[0] ?? "";
  return `${values.slice(0, -1).join(", ")} ${conjunction} ${values[values.length - 1]}`;
}
