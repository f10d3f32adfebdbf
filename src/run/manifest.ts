/**
 * Incremental runs: `<out>/.speechclean-manifest.json` remembers, for each output, the input path and content hash,
 * the config hash and the pipeline version it was made from. A page whose keys all match, and whose output is still
 * there with the recorded size, is skipped.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageFingerprint } from '../batch/fingerprint.js';
import type { Config } from '../config.js';
import { writeAtomic } from './write.js';

export const MANIFEST_FILE = '.speechclean-manifest.json';
const FORMAT = 2;

/** What an output was made from. */
export interface PageKey {
  path: string;
  /** sha256 of the input bytes. */
  input: string;
  config: string;
  pipeline: string;
}

export interface ManifestEntry extends PageKey {
  /** Size of the output file, to notice one that was edited or cut short. */
  bytes: number;
  speeches: number;
  /** What the batch phase needs to know about the page. */
  fingerprint: PageFingerprint;
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Settings that only say where and how fast to run; they never change a record. */
const RUN_ONLY: readonly (keyof Config)[] = ['inputs', 'out', 'concurrency', 'workers', 'workerHeapMb'];

function canonical(value: unknown): unknown {
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (typeof value === 'function') return `${value}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Hash of every setting that can change a record (rules given as RegExps and functions included). */
export function configHash(config: Config): string {
  const relevant: Partial<Config> = { ...config };
  for (const key of RUN_ONLY) delete relevant[key];
  return sha256(JSON.stringify(canonical(relevant))).slice(0, 16);
}

let version: string | undefined;

/**
 * Package version plus a hash of the pipeline's code (stages, rule tables, tree, compiler: every module beside this
 * one's folder), so an upgrade or a rule edit re-runs every page.
 */
export function pipelineVersion(): string {
  if (version) return version;
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here); // .js when built, .ts when run from sources
  const srcRoot = dirname(dirname(here));
  const hash = createHash('sha256');
  const files = (readdirSync(srcRoot, { recursive: true }) as string[])
    .filter((f) => f.endsWith(ext) && !f.endsWith(`.d${ext}`) && !f.includes('.test.'))
    .map((f) => f.split('\\').join('/'))
    .sort();
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(srcRoot, f))).update('\0');
  let dir = srcRoot;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  version = `${pkg.version}+${hash.digest('hex').slice(0, 16)}`;
  return version;
}

export class Manifest {
  private changed = false;

  private constructor(
    private readonly out: string,
    private readonly entries: Map<string, ManifestEntry>,
  ) {}

  /** The manifest in `out`, or an empty one (missing, unreadable or of another format: everything re-runs). */
  static async load(out: string): Promise<Manifest> {
    let entries = new Map<string, ManifestEntry>();
    try {
      const data = JSON.parse(await readFile(join(out, MANIFEST_FILE), 'utf8')) as { format?: number; pages?: Record<string, ManifestEntry> };
      if (data.format === FORMAT && data.pages) entries = new Map(Object.entries(data.pages));
    } catch {
      // no manifest yet
    }
    return new Manifest(out, entries);
  }

  /** The entry of output `name` when it was made from `key` and the file is still as written. */
  async current(name: string, key: PageKey): Promise<ManifestEntry | undefined> {
    const entry = this.entries.get(name);
    if (!entry || entry.path !== key.path || entry.input !== key.input || entry.config !== key.config || entry.pipeline !== key.pipeline) return undefined;
    const info = await stat(join(this.out, `${name}.json`)).catch(() => undefined);
    return info?.size === entry.bytes ? entry : undefined;
  }

  get(name: string): ManifestEntry | undefined {
    return this.entries.get(name);
  }

  set(name: string, entry: ManifestEntry): void {
    this.entries.set(name, entry);
    this.changed = true;
  }

  delete(name: string): void {
    this.changed = this.entries.delete(name) || this.changed;
  }

  /** Written only when something changed; sorted, so the same outputs give the same manifest. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const pages = Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeAtomic(join(this.out, MANIFEST_FILE), `${JSON.stringify({ format: FORMAT, pages }, null, 1)}\n`);
    this.changed = false;
  }
}
