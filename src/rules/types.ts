/** Shapes shared by the rule tables in this folder. */

/** A pattern rule that rewrites text inside a paragraph. */
export interface ReplaceRule {
  id: string;
  description: string;
  /** Must be global (`g`) and linear on long lines (no nested quantifiers). */
  pattern: RegExp;
  /** Replacement string (with `$1`…) or function of the match and its groups. */
  replace: string | ((match: string, ...groups: string[]) => string);
  /** Log one change per paragraph instead of one per match (rules that fire thousands of times a page). */
  aggregate?: boolean;
}
