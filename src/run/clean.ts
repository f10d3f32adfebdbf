/**
 * One page from bytes to the JSON runBatch writes. The same code runs on the main thread (`workers: 0`) and in
 * the worker threads, so both produce the same bytes.
 */
import type { Config } from '../config.js';
import { type StageClock, STAGES, cleanPage, createProcessor, timed } from '../pipeline.js';
import { type PageFingerprint, fingerprintOf } from '../batch/fingerprint.js';
import type { PageRecord } from '../record/schema.js';
import { serialize } from './write.js';

export interface CleanedPage {
  /** The record as UTF-8 JSON (bytes, so a worker can transfer it instead of copying a string). */
  json: Uint8Array;
  speeches: number;
  /** What the batch phase needs to know about the page. */
  fingerprint: PageFingerprint;
}

/** `repeatedLines`: lines the batch found repeated on the page's site (see `CleanOptions`). */
export type Cleaner = (bytes: Uint8Array, path: string, repeatedLines?: readonly string[]) => Promise<CleanedPage> | CleanedPage;

const encoder = new TextEncoder();

/** `clock` receives each step's time: decode, parse, every stage, compile, serialize (for the benchmark). */
export function pageCleaner(config: Config, clock?: StageClock): (bytes: Uint8Array, path: string, repeatedLines?: readonly string[]) => CleanedPage {
  const processor = createProcessor(config, STAGES.length, clock);
  return (bytes, path, repeatedLines) => cleanedPage(cleanPage(processor, bytes, path, config, { clock, repeatedLines }), clock);
}

/** A record as runBatch writes it, with its fingerprint. */
export function cleanedPage(record: PageRecord, clock?: StageClock): CleanedPage {
  return { json: timed(clock, 'serialize', () => encoder.encode(serialize(record))), speeches: record.speeches.length, fingerprint: fingerprintOf(record) };
}
