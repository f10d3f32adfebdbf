/**
 * A worker thread of the batch's piscina pool. It takes the main thread's config when that is plain data, else
 * loads it the way the main thread did (same file, same command-line overrides: rules may hold functions, which
 * cannot be sent between threads), and checks it hashes the same; then it cleans the pages it is sent.
 */
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import type { Config, UserConfig } from '../config.js';
import { type CleanedPage, pageCleaner } from './clean.js';
import { configHash } from './manifest.js';

export interface WorkerSetup {
  configFile: string | undefined;
  overrides: UserConfig;
  cwd: string;
  /** The main thread's config hash. */
  configHash: string;
  /**
   * The main thread's config, when it is plain data (its structured clone is the same config). Loading the config
   * file again compiles it with jiti: about 0.1 s of CPU per worker.
   */
  config?: Config | undefined;
}

export interface WorkerTask {
  bytes: Uint8Array;
  path: string;
  repeatedLines?: readonly string[] | undefined;
}

const setup = workerData as WorkerSetup;

const loaded = setup.config ? Promise.resolve(setup.config) : import('../load-config.js').then(({ loadConfig }) => loadConfig(setup.configFile, setup.overrides, setup.cwd));
const ready = loaded.then((config) => {
  if (configHash(config) !== setup.configHash) throw new Error('the worker threads loaded a different config (did the config file change during the run?)');
  return pageCleaner(config);
});

export default async function cleanTask(task: WorkerTask): Promise<unknown> {
  const page = (await ready)(task.bytes, task.path, task.repeatedLines);
  // The JSON bytes are moved to the main thread, not copied.
  return move({
    get [transferableSymbol]() {
      return [page.json.buffer];
    },
    get [valueSymbol](): CleanedPage {
      return page;
    },
  });
}
