/**
 * Configuration: what `pipeline.config.ts` may set. Every field has a default here, so a config file only names
 * what it changes; `defineConfig` exists for its types.
 */
import type { BoilerplateRule } from './rules/boilerplate.js';
import type { BytesOptions } from './stages/bytes.js';
import type { NormalizeOptions } from './stages/normalize.js';
import type { ScriptOptions } from './stages/script.js';

export interface BoilerplateOptions {
  /** Rule ids to turn off (see `src/rules/boilerplate.ts`). */
  disable: string[];
  /** Extra rules, applied after the built-in ones. */
  rules: BoilerplateRule[];
  /** Statistical line classifier (jusText-style features with neighbour smoothing). */
  stats: { enabled: boolean };
  /** Cross-page repetition: a line seen on at least `minPages` pages and `minShare` of a site's pages is boilerplate. */
  repeat: { enabled: boolean; minPages: number; minShare: number };
}

export interface RepairOptions {
  /** Rule ids to turn off (see `src/rules/repair.ts`). */
  disable: string[];
  /** Full-width wrapped lines a paragraph or block needs before it is unwrapped as a hard-wrapped document. */
  minWrapLines: number;
  /** Longest text (in characters, without its full stop) a link fragment on its own line may have. */
  maxFragmentLength: number;
}

export interface SegmentOptions {
  /** Near-duplicate threshold (estimated Jaccard similarity of character 5-shingles). */
  duplicateThreshold: number;
}

export interface Config {
  /** Files, folders or globs `run` cleans when none are given. */
  inputs: string[];
  /** Output folder. */
  out: string;
  /** Files read and written at once. */
  concurrency: number;
  /** Worker threads for the CPU-bound cleaning (0 = clean on the main thread). Default: one per core. */
  workers: number;
  /**
   * Heap cap of each worker thread in MB, so that a batch stays in bounded memory (two workers and the main thread
   * in ~300 MB). A page too large for it (several MB of traditional text) is cleaned again on the main thread.
   */
  workerHeapMb: number;
  /** Force the input encoding (any name iconv-lite knows); null detects it. */
  encoding: string | null;
  bytes: BytesOptions;
  normalize: NormalizeOptions;
  script: ScriptOptions;
  boilerplate: BoilerplateOptions;
  repair: RepairOptions;
  segment: SegmentOptions;
}

type DeepPartial<T> = { [K in keyof T]?: T[K] extends (infer U)[] ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type UserConfig = DeepPartial<Config>;

export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

export const defaults: Config = {
  inputs: ['seeds'],
  out: 'out',
  concurrency: 16,
  workers: -1,
  workerHeapMb: 192,
  encoding: null,
  bytes: { disable: [] },
  normalize: { punctuation: 'keep', disable: [] },
  script: { convert: true, from: 'tw', threshold: 0.9 },
  boilerplate: { disable: [], rules: [], stats: { enabled: true }, repeat: { enabled: true, minPages: 3, minShare: 0.5 } },
  repair: { disable: [], minWrapLines: 8, maxFragmentLength: 8 },
  segment: { duplicateThreshold: 0.8 },
};

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RegExp);
}

function merge<T>(base: T, over: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(over)) return (over === undefined ? base : over) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) if (v !== undefined) out[k] = merge((base as Record<string, unknown>)[k], v);
  return out as T;
}

/** Defaults ← config file ← command-line overrides. */
export function resolveConfig(...layers: (UserConfig | undefined)[]): Config {
  return layers.reduce<Config>((acc, layer) => merge(acc, layer), defaults);
}
