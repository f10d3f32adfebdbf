/** `speechclean status`: the queue's counts, throughput and failed pages. */
import { type Command, writeOutput } from './command.js';
import { QUEUE_OPTIONS, QUEUE_USAGE, REDIS_EXIT, queueTarget } from './queue-options.js';

export const statusCommand: Command = {
  name: 'status',
  summary: 'what the queue holds: counts, throughput, failed pages',
  usage: `speechclean status --redis URL [options]

Options:
${QUEUE_USAGE}
  -h, --help          show this help

Exit status: 0, or 2 on usage errors. ${REDIS_EXIT}`,
  options: { ...QUEUE_OPTIONS },
  async run(values) {
    const target = await queueTarget(values);
    const { queueStatus } = await import('../queue/status.js');
    const s = await queueStatus(target.redis, target.queue);
    const lines = [
      `queue ${target.queue}: ${s.workers.length} worker${s.workers.length === 1 ? '' : 's'}${s.workers.length ? ` (${s.workers.join(', ')})` : ''}`,
      `pages: ${s.pages.waiting} waiting, ${s.pages.retrying} retrying, ${s.pages.active} active, ${s.pages.done} done, ${s.pages.failed} failed`,
      `batches: ${s.batches.waitingForPages} waiting for pages, ${s.batches.waiting} waiting, ${s.batches.active} active, ${s.batches.done} done, ${s.batches.failed} failed`,
    ];
    if (s.throughput) {
      const rate = s.throughput.seconds > 0 ? (s.throughput.pages / s.throughput.seconds).toFixed(1) : '–';
      lines.push(`throughput: ${rate} pages/s (the last ${s.throughput.pages} pages done, in ${s.throughput.seconds.toFixed(1)} s)`);
    }
    for (const b of s.batchList) {
      const phase = b.result ? `; batch phase: ${b.result.recleaned} re-cleaned, ${b.result.relinked} relinked` : b.error ? `; ${b.error}` : '';
      lines.push(`batch for ${b.out}: ${b.state}: ${b.done} pages done, ${b.failed} failed, ${b.left} left${phase}`);
    }
    if (s.failures.length) lines.push(`failed pages${s.pages.failed > s.failures.length ? ` (the last ${s.failures.length})` : ''}:`, ...s.failures.map((f) => `  ${f.path}: ${f.error}`));
    writeOutput(`${lines.join('\n')}\n`);
    return 0;
  },
};
