/** Paragraph repair stage (placeholder). */
import type { RepairOptions } from '../config.js';
import type { Root } from '../tree/types.js';

export const STAGE = 'repair';

export default function repairParagraphs(_options: RepairOptions) {
  return function transform(_tree: Root): void {};
}
