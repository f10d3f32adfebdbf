/** Unwrap stage for collapsed, hard-wrapped documents (placeholder). */
import type { RepairOptions } from '../config.js';
import type { Root } from '../tree/types.js';

export const STAGE = 'unwrap';

export default function unwrapLines(_options: RepairOptions) {
  return function transform(_tree: Root): void {};
}
