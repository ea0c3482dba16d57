// Types for the `indefinite` package (2.x), which ships none. Only the call tmlint makes is typed.
declare module "indefinite" {
  interface IndefiniteOptions {
    /** Capitalise the article: `An` instead of `an`. */
    capitalize?: boolean;
    /** Return the article alone instead of the article and the word. */
    articleOnly?: boolean;
  }
  /** Chooses `a` or `an` for a word by English pronunciation rules. */
  function indefinite(word: string, options?: IndefiniteOptions): string;
  export default indefinite;
}
