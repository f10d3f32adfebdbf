/**
 * speechclean as a library: clean a page (bytes or text) into a page record, with the same pipeline the CLI runs.
 */
import { type Config, type UserConfig, resolveConfig } from './config.js';
import { cleanPage, createProcessor, type SpeechProcessor } from './pipeline.js';
import type { PageRecord } from './record/schema.js';

export { defineConfig, resolveConfig, defaults, type Config, type UserConfig } from './config.js';
export { createProcessor, cleanPage, cleanFile, decodePage, PageError, STAGES } from './pipeline.js';
export * from './record/schema.js';

// Processors are built once per config object (building the converters and tables costs tens of ms).
const built = new WeakMap<object, { config: Config; processor: SpeechProcessor }>();
const DEFAULT = {};

/** Cleans one page given as text or bytes; `path` or markup at the start decides the format (.html → HTML) and names the source. */
export function clean(input: string | Uint8Array, options: { path?: string; config?: UserConfig } = {}): PageRecord {
  const key = options.config ?? DEFAULT;
  let entry = built.get(key);
  if (!entry) {
    const config = resolveConfig(options.config);
    built.set(key, (entry = { config, processor: createProcessor(config) }));
  }
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return cleanPage(entry.processor, bytes, options.path ?? 'page.txt', entry.config);
}
