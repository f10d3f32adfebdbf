/** `speechclean worker`: cleans queued pages until SIGTERM or SIGINT. */
import { availableParallelism } from 'node:os';
import { loadConfig } from '../load-config.js';
import { type Command, intOption } from './command.js';
import { QUEUE_OPTIONS, QUEUE_USAGE, REDIS_EXIT, queueTarget } from './queue-options.js';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'clean queued pages (run one or more on each machine)',
  usage: `speechclean worker --redis URL [options]

Cleans the pages 'speechclean enqueue' queued, and runs each batch's batch phase once its pages are done. Runs until
SIGTERM or SIGINT: then it finishes the pages in hand and exits (a second signal exits at once; those pages are
taken over by another worker). It must see the inputs and outputs at the paths enqueue saw, and load the same config.

Options:
${QUEUE_USAGE}
  --concurrency N     pages cleaned at once, each on a worker thread (default: one per core)
  --config FILE       config file (default: ./pipeline.config.ts when present)
  --stall-seconds N   how long a page held by a worker that died waits before another worker takes it (default 30)
  -h, --help          show this help

Exit status: 0 after a signal, 1 when it stopped itself (a job enqueued with another config or version, left in
the queue), 2 on usage errors. ${REDIS_EXIT}`,
  options: { ...QUEUE_OPTIONS, concurrency: { type: 'string' }, config: { type: 'string' }, 'stall-seconds': { type: 'string' } },
  async run(values) {
    const concurrency = intOption(values.concurrency, 'concurrency', 1) ?? availableParallelism();
    const stallSeconds = intOption(values['stall-seconds'], 'stall-seconds', 1) ?? 30;
    const configFile = values.config as string | undefined;
    const config = await loadConfig(configFile);
    const target = await queueTarget(values);
    const { startWorker } = await import('../queue/worker.js');
    const log = (line: string) => process.stderr.write(`${line}\n`);
    const worker = startWorker({ ...target, concurrency, stallSeconds, config, configFile, log });
    log(`speechclean: worker ${process.pid} on queue ${target.queue}, ${concurrency} at once`);
    const signal = new Promise<string>((resolve) => {
      const first = (name: string) => {
        resolve(name);
        // A second signal: leave the pages in hand to be taken over.
        process.once('SIGTERM', () => void worker.close(true));
        process.once('SIGINT', () => void worker.close(true));
      };
      process.once('SIGTERM', () => first('SIGTERM'));
      process.once('SIGINT', () => first('SIGINT'));
    });
    const reason = await Promise.race([signal.then(() => undefined), worker.stopped]);
    if (reason) log(`speechclean: worker stopped: ${reason}`);
    await worker.close();
    log('speechclean: worker closed');
    return reason ? 1 : 0;
  },
};
