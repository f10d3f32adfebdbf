/** Speech segmentation stage (placeholder: one speech per page). */
import type { SegmentOptions } from '../config.js';
import type { Root } from '../tree/types.js';

export const STAGE = 'segment';

export default function segmentSpeeches(_options: SegmentOptions) {
  return function transform(_tree: Root): void {};
}
