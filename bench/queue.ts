/**
 * `npm run bench:queue [-- --size MB --workers 1,2,3]`: distributed throughput on this machine. A Redis of its own
 * (redis-server, as the queue test starts it), the benchmark corpus (see corpus.ts) enqueued once per count, then
 * that many `speechclean worker` processes (one page at a time each). Times come from the jobs themselves: pages
 * from the first page's start to the last page's end, then the batch phase; process start-up is not counted.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { type BatchJob, type PageJob, batchJobId, batchQueueName } from '../src/queue/jobs.js';
import { DEFAULT_MIX, ensureCorpus } from './corpus.js';
import { startRedis } from './redis.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'bin/speechclean.js');

const { values } = parseArgs({ options: { size: { type: 'string', default: '20' }, workers: { type: 'string', default: '1,2,3' } } });
const counts = values.workers.split(',').map(Number);
const corpus = ensureCorpus({ cacheDir: join(ROOT, '.bench', 'corpus'), megabytes: Number(values.size), mix: DEFAULT_MIX, seed: 1 });
const tmp = mkdtempSync(join(tmpdir(), 'speechclean-bench-queue-'));
const redis = await startRedis(tmp);

interface Row {
  workers: number;
  enqueueSeconds: number;
  pageSeconds: number;
  phaseSeconds: number;
  /** CPU time of the worker processes (all their threads) over their wall time: cores kept busy, where known. */
  cores?: number;
}

const TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** CPU seconds a process has used so far (Linux: user + system time from /proc), or undefined. */
function cpuSeconds(pid: number | undefined): number | undefined {
  const stat = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(stat)) return undefined;
  const fields = readFileSync(stat, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

async function measure(workers: number): Promise<Row> {
  const name = `bench-${workers}`;
  const out = join(tmp, `out-${workers}`);
  const started = performance.now();
  const enqueue = spawnSync(process.execPath, [CLI, 'enqueue', corpus.dir, '--redis', redis.url, '--queue', name, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (enqueue.status !== 0) throw new Error(`enqueue failed: ${enqueue.stderr}`);
  const enqueueSeconds = (performance.now() - started) / 1000;
  const spawned = performance.now();
  const children: ChildProcess[] = Array.from({ length: workers }, () =>
    spawn(process.execPath, [CLI, 'worker', '--redis', redis.url, '--queue', name, '--concurrency', '1'], { cwd: ROOT, stdio: 'ignore' }),
  );
  const connection = { url: redis.url };
  const pages = new Queue<PageJob>(name, { connection });
  const batches = new Queue<BatchJob>(batchQueueName(name), { connection });
  try {
    let batch = await batches.getJob(batchJobId(out));
    while (!batch?.finishedOn) {
      await sleep(200);
      batch = await batches.getJob(batchJobId(out));
    }
    if (batch.failedReason) throw new Error(`batch failed: ${batch.failedReason}`);
    const cpu = children.map((child) => cpuSeconds(child.pid));
    const cores = cpu.every((c) => c !== undefined) ? cpu.reduce((a, b) => a! + b!, 0)! / ((performance.now() - spawned) / 1000) : undefined;
    const done = await pages.getCompleted(0, -1);
    if (done.length !== corpus.pages.length) throw new Error(`${done.length} of ${corpus.pages.length} pages done`);
    const first = Math.min(...done.map((j) => j.processedOn!));
    const last = Math.max(...done.map((j) => j.finishedOn!));
    return { workers, enqueueSeconds, pageSeconds: (last - first) / 1000, phaseSeconds: (batch.finishedOn - batch.processedOn!) / 1000, cores };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
    await Promise.all([pages.close(), batches.close()]);
  }
}

// Other work on the machine skews the numbers: the load before and after is reported with them.
const loadBefore = loadavg()[0]!;
const rows: Row[] = [];
try {
  for (const n of counts) rows.push(await measure(n));
} finally {
  await redis.stop();
  rmSync(tmp, { recursive: true, force: true });
}

const mb = corpus.bytes / 1048576;
const base = rows[0]!.pageSeconds;
const table = [
  ['workers', 'pages/s', 'MB/s', 'speed-up', 'pages s', 'batch phase s', 'enqueue s', 'cores busy'],
  ...rows.map((r) => [
    String(r.workers),
    (corpus.pages.length / r.pageSeconds).toFixed(1),
    (mb / r.pageSeconds).toFixed(2),
    `${(base / r.pageSeconds).toFixed(2)}×`,
    r.pageSeconds.toFixed(1),
    r.phaseSeconds.toFixed(1),
    r.enqueueSeconds.toFixed(1),
    r.cores?.toFixed(2) ?? '–',
  ]),
];
const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
process.stdout.write(
  `${corpus.pages.length} pages, ${mb.toFixed(1)} MB; ${availableParallelism()} cores, load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after; one page at a time per worker process\n`,
);
process.stdout.write(`${table.map((r) => r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')).join('\n')}\n`);
