/** Damaged-byte repair stage (placeholder until the repairer lands). */
import type { Root } from '../tree/types.js';

export const STAGE = 'bytes';

export interface BytesOptions {
  /** Rule ids to turn off. */
  disable: string[];
}

export default function repairBytes(_options: BytesOptions) {
  return function transform(_tree: Root): void {};
}
