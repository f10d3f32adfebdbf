/**
 * The main path, top to bottom: decode (outside the tree) → parse → normalize → script → boilerplate → repair →
 * segment → compile. Each stage is one unified plugin in `src/stages/`.
 */
import { createHash } from 'node:crypto';
import { unified } from 'unified';
import { VFile } from 'vfile';
import compileRecord from './compile/record.js';
import type { Config } from './config.js';
import { chineseness } from './decode/chineseness.js';
import { decodeBytes } from './decode/decode.js';
import parsePage, { formatOf } from './parse/index.js';
import { withoutStackTraces } from './provenance.js';
import type { PageRecord } from './record/schema.js';
import type { Root } from './tree/types.js';
import removeBoilerplate from './stages/boilerplate.js';
import normalize from './stages/normalize.js';
import repairParagraphs from './stages/repair.js';
import convertScript from './stages/script.js';
import segmentSpeeches from './stages/segment.js';

export function createProcessor(config: Config) {
  return unified()
    .use(parsePage)
    .use(normalize, config.normalize)
    .use(convertScript, config.script)
    .use(removeBoilerplate, config.boilerplate)
    .use(repairParagraphs, config.repair)
    .use(segmentSpeeches, config.segment)
    .use(compileRecord)
    .freeze();
}

export type SpeechProcessor = ReturnType<typeof createProcessor>;

/** A page that cannot be cleaned (empty, binary, undecodable). The batch reports it and goes on. */
export class PageError extends Error {}

/** Decodes the bytes into a vfile ready for the processor. */
export function decodePage(bytes: Uint8Array, path: string, config: Pick<Config, 'encoding'>): VFile {
  if (!bytes.length) throw new PageError('empty file');
  const format = formatOf(path);
  const decoded = decodeBytes(bytes, { encoding: config.encoding, html: format === 'html' });
  const sniff = decoded.text.slice(0, 4096);
  if (sniff.includes('\0') || chineseness(sniff) < 0.5) throw new PageError(`not text: no ${decoded.encoding} or other supported encoding reads it as Chinese (binary file?)`);
  return new VFile({
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
        format,
      },
    },
  });
}

/** Cleans one page: bytes in, page record out. */
export function cleanPage(processor: SpeechProcessor, bytes: Uint8Array, path: string, config: Config): PageRecord {
  const file = decodePage(bytes, path, config);
  return withoutStackTraces(() => {
    const tree = processor.parse(file);
    const result = processor.runSync(tree, file);
    return processor.stringify(result as Root, file);
  });
}
