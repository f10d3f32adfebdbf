/**
 * One page from bytes to the JSON runBatch writes. The same code runs on the main thread (`workers: 0`) and in
 * the worker threads, so both produce the same bytes.
 */
import type { Config } from '../config.js';
import { cleanPage, createProcessor } from '../pipeline.js';
import { serialize } from './write.js';

export interface CleanedPage {
  /** The record as UTF-8 JSON (bytes, so a worker can transfer it instead of copying a string). */
  json: Uint8Array;
  speeches: number;
}

export type Cleaner = (bytes: Uint8Array, path: string) => Promise<CleanedPage> | CleanedPage;

const encoder = new TextEncoder();

export function pageCleaner(config: Config): (bytes: Uint8Array, path: string) => CleanedPage {
  const processor = createProcessor(config);
  return (bytes, path) => {
    const record = cleanPage(processor, bytes, path, config);
    return { json: encoder.encode(serialize(record)), speeches: record.speeches.length };
  };
}
