/** `speechclean enqueue`: a batch's pages as jobs on the queue, for `speechclean worker`s to clean. */
import { loadConfig } from '../load-config.js';
import { type Command, CommandError } from './command.js';
import { QUEUE_OPTIONS, QUEUE_USAGE, REDIS_EXIT, queueTarget } from './queue-options.js';

export const enqueueCommand: Command = {
  name: 'enqueue',
  summary: 'queue pages for speechclean workers (a distributed run)',
  usage: `speechclean enqueue [files|dirs|globs...] --redis URL [options]

Adds one job per page whose output is not current (same input, config and version as the manifest says) and one
batch job that runs the batch phase once every page is done. Enqueueing the same batch again adds nothing.
Workers must see the inputs and --out at the same paths, and load the same config.

Options:
${QUEUE_USAGE}
  --out DIR           output folder (default from pipeline.config.ts: out/)
  --config FILE       config file (default: ./pipeline.config.ts when present)
  -h, --help          show this help

Exit status: 0 when the batch is queued (or already is, or is done), 1 when an input is missing or another batch
for the same --out is still in the queue, 2 on usage errors. ${REDIS_EXIT}`,
  options: { ...QUEUE_OPTIONS, out: { type: 'string' }, config: { type: 'string' } },
  async run(values, positionals) {
    const config = await loadConfig(values.config as string | undefined, values.out ? { out: String(values.out) } : {});
    const target = await queueTarget(values);
    const { QueueBusyError, enqueueBatch } = await import('../queue/enqueue.js');
    const inputs = positionals.length ? positionals : config.inputs;
    const result = await enqueueBatch({ ...target, config, inputs, out: config.out }).catch((err: unknown) => {
      throw err instanceof QueueBusyError ? new CommandError(err.message) : err;
    });
    for (const p of result.problems) process.stderr.write(`speechclean: ${p.path}: ${p.error}\n`);
    const line =
      result.state === 'empty'
        ? 'no pages to enqueue'
        : result.state === 'pending'
        ? `this batch is already in queue ${target.queue}: nothing added`
        : result.state === 'done'
          ? `every page is current and this batch is done: nothing added`
          : `${result.enqueued} of ${result.pages} pages enqueued, ${result.current} current (unchanged) → queue ${target.queue}, batch ${result.batchId}`;
    process.stderr.write(`speechclean: ${line}\n`);
    return result.problems.length || !result.pages ? 1 : 0;
  },
};
