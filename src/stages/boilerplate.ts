/** Boilerplate stage (placeholder until the rules land). */
import type { BoilerplateOptions } from '../config.js';
import type { Root } from '../tree/types.js';

export const STAGE = 'boilerplate';

export default function removeBoilerplate(_options: BoilerplateOptions) {
  return function transform(_tree: Root): void {};
}
