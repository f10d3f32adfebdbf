/**
 * The main path, top to bottom: decode (outside the tree) → parse → repair damaged bytes → unwrap hard-wrapped
 * text → normalize → script → boilerplate → repair paragraphs → segment speeches → compile. Each stage is one
 * unified plugin in `src/stages/`; `STAGES` lists them so tools (the benchmark, tests) can run a prefix or time
 * each one.
 */
import { createHash } from 'node:crypto';
import { type Plugin, type Processor, unified } from 'unified';
import { VFile } from 'vfile';
import compileRecord from './compile/record.js';
import type { Config } from './config.js';
import { chineseness } from './decode/chineseness.js';
import { decodeBytes, decodeWarnings } from './decode/decode.js';
import parsePage, { formatOf } from './parse/index.js';
import { recordWarning, withoutStackTraces } from './provenance.js';
import type { PageRecord } from './record/schema.js';
import removeBoilerplate from './stages/boilerplate.js';
import removeStatisticalBoilerplate from './stages/boilerplate-stats.js';
import repairBytes from './stages/bytes.js';
import normalize from './stages/normalize.js';
import repairParagraphs from './stages/repair.js';
import splitRunOnLines from './stages/runon.js';
import convertScript from './stages/script.js';
import segmentSpeeches from './stages/segment.js';
import unwrapLines from './stages/unwrap.js';
import type { Root } from './tree/types.js';

export interface StageEntry {
  name: string;
  plugin: Plugin<[any], Root>;
  options: (config: Config) => unknown;
}

export const STAGES: readonly StageEntry[] = [
  { name: 'bytes', plugin: repairBytes, options: (c) => c.bytes },
  { name: 'unwrap', plugin: unwrapLines, options: (c) => c.repair },
  { name: 'normalize', plugin: normalize, options: (c) => c.normalize },
  { name: 'script', plugin: convertScript, options: (c) => c.script },
  { name: 'runon', plugin: splitRunOnLines, options: (c) => c.repair },
  { name: 'boilerplate', plugin: removeBoilerplate, options: (c) => c.boilerplate },
  { name: 'boilerplate-stats', plugin: removeStatisticalBoilerplate, options: (c) => c.boilerplate },
  { name: 'repair', plugin: repairParagraphs, options: (c) => c.repair },
  { name: 'segment', plugin: segmentSpeeches, options: (c) => c.segment },
];

/** Receives the time (ms) a page spent in each step: `parse`, every stage by name, `compile`. For the benchmark. */
export type StageClock = (step: string, ms: number) => void;

export function timed<T>(clock: StageClock | undefined, step: string, fn: () => T): T {
  if (!clock) return fn();
  const started = performance.now();
  try {
    return fn();
  } finally {
    clock(step, performance.now() - started);
  }
}

/** The stage's plugin with its transformer timed. */
function timedPlugin(stage: StageEntry, clock: StageClock): Plugin<[any], Root> {
  return function (this: Processor, options: unknown) {
    const transform = stage.plugin.call(this, options) as ((tree: Root, file: VFile) => unknown) | undefined;
    return transform && ((tree: Root, file: VFile) => timed(clock, stage.name, () => transform(tree, file)));
  } as Plugin<[any], Root>;
}

/** The processor with the first `upTo` stages (all by default). */
export function createProcessor(config: Config, upTo = STAGES.length, clock?: StageClock) {
  // Stage plugins all take and return a Root; the loop loses that in the types, the compiler restores it.
  let processor: Processor<Root, Root, Root> = unified().use(parsePage) as unknown as Processor<Root, Root, Root>;
  for (const stage of STAGES.slice(0, upTo)) processor = processor.use(clock ? timedPlugin(stage, clock) : stage.plugin, stage.options(config));
  return processor.use(compileRecord).freeze();
}

export type SpeechProcessor = ReturnType<typeof createProcessor>;

/** A page that cannot be cleaned (empty, binary, undecodable). The batch reports it and goes on. */
export class PageError extends Error {}

/** Decodes the bytes into a vfile ready for the processor. */
export function decodePage(bytes: Uint8Array, path: string, config: Pick<Config, 'encoding'>): VFile {
  if (!bytes.length) throw new PageError('empty file');
  // ASCII markup reads the same in every candidate but UTF-16, whose pages carry no usable <meta charset> anyway.
  const asciiHead = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const decoded = decodeBytes(bytes, { encoding: config.encoding, html: formatOf(path, asciiHead) === 'html' });
  const format = formatOf(path, decoded.text);
  const sniff = decoded.text.slice(0, 4096);
  if (sniff.includes('\0') || chineseness(sniff) < 0.5) throw new PageError('not text: no supported encoding reads it as Chinese (binary file?)');
  const file = new VFile({
    path,
    value: decoded.text,
    data: {
      format,
      source: {
        path,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length,
        encoding: decoded.encoding,
        encodingConfidence: decoded.confidence,
        repair: decoded.repair?.kind ?? null,
        format,
      },
    },
  });
  for (const warning of decodeWarnings(decoded)) recordWarning(file, 'decode', warning.rule, warning.message);
  return file;
}

/** What a run knows beyond the page itself. */
export interface CleanOptions {
  /** Receives each step's time (the benchmark). */
  clock?: StageClock | undefined;
  /** Lines the batch found repeated on this page's site (`lineKey` strings): the boilerplate stage drops them. */
  repeatedLines?: readonly string[] | undefined;
}

/** Runs the processor on a decoded file. */
export function cleanFile(processor: SpeechProcessor, file: VFile, options: CleanOptions = {}): PageRecord {
  const { clock } = options;
  if (options.repeatedLines?.length) file.data.repeatedLines = new Set(options.repeatedLines);
  return withoutStackTraces(() => {
    const tree = timed(clock, 'parse', () => processor.parse(file));
    const result = processor.runSync(tree, file);
    return timed(clock, 'compile', () => processor.stringify(result as Root, file));
  });
}

/** Cleans one page: bytes in, page record out. */
export function cleanPage(processor: SpeechProcessor, bytes: Uint8Array, path: string, config: Config, options: CleanOptions = {}): PageRecord {
  return cleanFile(processor, timed(options.clock, 'decode', () => decodePage(bytes, path, config)), options);
}
