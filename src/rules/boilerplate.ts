/**
 * Boilerplate rules (filled in by the boilerplate stage work).
 */
export interface BoilerplateRule {
  id: string;
  description: string;
  kind: 'line' | 'span' | 'block';
  pattern: RegExp;
}

export const boilerplateRules: readonly BoilerplateRule[] = [];
