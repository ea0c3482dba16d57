/**
 * The output formats by name. Each formatter lives in its own module and is imported only when
 * it is asked for, so a run that prints `stylish` never loads the SARIF or JUnit code.
 */

import type { Formatter } from "./types.js";

export type { Formatter, FormatterContext } from "./types.js";

/** Every format name `--format` accepts, in the order the help text lists them. */
export const formatterNames = ["stylish", "compact", "unix", "json", "sarif", "github", "junit", "gitlab"] as const;

export type FormatterName = (typeof formatterNames)[number];

const loaders: Record<FormatterName, () => Promise<{ default: Formatter }>> = {
  stylish: () => import("./stylish.js"),
  compact: () => import("./compact.js"),
  unix: () => import("./unix.js"),
  json: () => import("./json.js"),
  sarif: () => import("./sarif.js"),
  github: () => import("./github.js"),
  junit: () => import("./junit.js"),
  gitlab: () => import("./gitlab.js"),
};

/** Tells whether a string names a built-in format. */
export function isFormatterName(name: string): name is FormatterName {
  return Object.hasOwn(loaders, name);
}

/**
 * Loads a formatter by name. An unknown name raises an Error whose message lists the valid
 * names, so the CLI can print it as it is.
 */
export async function loadFormatter(name: string): Promise<Formatter> {
  if (!isFormatterName(name)) {
    throw new Error(`Unknown format \`${name}\`; use one of ${formatterNames.join(", ")}.`);
  }
  const module = await loaders[name]();
  return module.default;
}
