/**
 * Distributed runs on a real Redis (redis-server started here, on 127.0.0.1 and a free port, persisting nothing):
 * the built CLI's enqueue, three worker processes of which one is killed mid-page, and status. Every page is done
 * exactly once, and the records and manifest are byte for byte those of a local run. Skipped when redis-server is
 * not installed, except in CI, where .ci/run installs it.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, hasRedisServer, startRedis } from '../bench/redis.js';
import { random } from '../bench/samples.js';
import { type BatchJob, type PageJob, batchJobId, batchQueueName } from '../src/queue/jobs.js';
import type { PageRecord } from '../src/record/schema.js';
import { MANIFEST_FILE, sha256 } from '../src/run/manifest.js';

const CLI = fileURLToPath(new URL('../bin/speechclean.js', import.meta.url));
const SEEDS = fileURLToPath(new URL('../seeds', import.meta.url));
const CHROME = '小站温馨提示:内容仅供学习交流使用';
const TOPICS = ['教育', '卫生', '交通', '农业', '环保', '科技', '文化', '安全'];

let dir: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The records (`*.json`) and manifest of an output folder, each by its sha256 (deep equality of megabytes of bytes
 * is slow); a killed worker's temp file is not an output.
 */
function outputs(out: string): Map<string, string> {
  return new Map(
    readdirSync(join(dir, out))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => [f, sha256(readFileSync(join(dir, out, f)))]),
  );
}

/**
 * ~40 pages cut from the seeds and recombined: windows of seed lines under a made-up title, some with a second
 * speech, in three site folders (site-a's pages share a chrome line the batch phase removes), near-duplicate pairs
 * across pages (the batch phase links them), names shared across folders, HTML and GBK pages.
 */
function generatePages(root: string): void {
  const seeds = readdirSync(SEEDS)
    .sort()
    .map((f) => readFileSync(join(SEEDS, f), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean));
  const rnd = random(11);
  const window = (lines: string[]) => {
    const start = Math.floor(rnd() * lines.length);
    return Array.from({ length: 6 + Math.floor(rnd() * 20) }, (_, k) => lines[(start + k) % lines.length]!);
  };
  const bodies: string[][] = [];
  for (let i = 0; i < 40; i++) {
    const site = ['site-a', 'site-b', 'site-c'][i % 3]!;
    const topic = TOPICS[i % TOPICS.length]!;
    let body = [`在全县${topic}工作会议上的讲话`, '同志们:', ...window(seeds[i % seeds.length]!)];
    if (i % 4 === 3) body.push(`在全市${TOPICS[(i + 3) % TOPICS.length]}工作推进会上的讲话`, '同志们:', ...window(seeds[(i + 2) % seeds.length]!));
    if (i >= 20 && i % 5 === 0) body = bodies[i - 20]!.slice(0, -1); // a near-duplicate of a page 20 before
    bodies.push(body);
    const lines = site === 'site-a' ? [...body.slice(0, 4), CHROME, ...body.slice(4)] : body;
    const stem = `page-${String(i % 20).padStart(2, '0')}`;
    mkdirSync(join(root, site), { recursive: true });
    if (i % 7 === 4) {
      const html = `<html><head><title>${lines[0]}</title></head><body>${lines.map((l) => `<p>${l}</p>`).join('\n')}</body></html>\n`;
      writeFileSync(join(root, site, `${stem}.html`), html);
    } else {
      const text = `${lines.join('\n\n')}\n`;
      writeFileSync(join(root, site, `${stem}.txt`), i % 9 === 6 ? iconv.encode(text, 'gbk') : text);
    }
  }
}

const skip = !hasRedisServer() && process.env.CI !== 'true';

describe.skipIf(skip)('distributed runs on Redis', () => {
  let redis: RedisServer;
  const queues: Queue[] = [];
  const children: ChildProcess[] = [];

  function queue<T>(name: string): Queue<T> {
    const q = new Queue<T>(name, { connection: { url: redis.url } });
    queues.push(q);
    return q;
  }

  function worker(name: string, ...args: string[]) {
    const child = spawn(process.execPath, [CLI, 'worker', '--redis', redis.url, '--queue', name, '--concurrency', '1', '--stall-seconds', '2', ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const exit = once(child, 'exit').then(([code]) => code as number | null);
    return { child, exit, stderr: () => stderr };
  }

  /** Polls until `fn` gives a value; the deadline only turns a hang into a failure. */
  async function until<T>(what: string, fn: () => Promise<T | undefined>): Promise<T> {
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; await sleep(20)) {
      const value = await fn();
      if (value !== undefined) return value;
    }
    throw new Error(`gave up waiting for ${what}`);
  }

  const batchState = (name: string, out: string) => async () => {
    const state = await (await queue<BatchJob>(batchQueueName(name)).getJob(batchJobId(join(dir, out))))?.getState();
    return state === 'completed' || state === 'failed' ? state : undefined;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'speechclean-queue-'));
    mkdirSync(join(dir, 'redis'));
    redis = await startRedis(join(dir, 'redis'));
    mkdirSync(join(dir, 'in'));
    for (const f of readdirSync(SEEDS)) copyFileSync(join(SEEDS, f), join(dir, 'in', f));
    generatePages(join(dir, 'in'));
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(queues.map((q) => q.close()));
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('cleans every page exactly once across three workers, one killed mid-page, into the records and manifest of a local run', async () => {
    expect(cli('run', 'in', '--workers', '0', '--out', 'local')).toMatchObject({ code: 0, stderr: expect.stringMatching(/45 of 45 pages cleaned/) });
    const local = outputs('local');
    // The batch phase has work to do in this batch: a repeated site line and near-duplicates across pages.
    const records = [...local.keys()].filter((f) => f !== MANIFEST_FILE).map((f) => JSON.parse(readFileSync(join(dir, 'local', f), 'utf8')) as PageRecord);
    expect(records.some((r) => r.changes.some((c) => c.rule === 'boilerplate/repeated'))).toBe(true);
    expect(records.some((r) => r.speeches.some((s) => s.duplicateOf && !r.speeches.some((t) => t.id === s.duplicateOf)))).toBe(true);

    const pages = queue<PageJob>('q1');
    expect(cli('enqueue', 'in', '--redis', redis.url, '--queue', 'q1', '--out', 'dist')).toMatchObject({ code: 0, stderr: expect.stringMatching(/45 of 45 pages enqueued, 0 current/) });
    expect(cli('enqueue', 'in', '--redis', redis.url, '--queue', 'q1', '--out', 'dist')).toMatchObject({ code: 0, stderr: expect.stringMatching(/already in queue q1: nothing added/) });
    expect(await pages.getJobCounts('wait', 'active', 'completed')).toEqual({ wait: 45, active: 0, completed: 0 });

    const workers = [worker('q1'), worker('q1'), worker('q1')];
    const victim = workers[0]!;
    // Frozen first, so that the page it holds cannot finish between the look and the kill.
    const held = await until('the first worker to hold a page', async () => {
      const job = (await pages.getActive()).find((j) => j.processedBy?.endsWith(`:${victim.child.pid}`));
      if (!job) return undefined;
      victim.child.kill('SIGSTOP');
      const now = await pages.getJob(job.id!);
      if (now?.processedBy?.endsWith(`:${victim.child.pid}`) && !now.finishedOn) {
        victim.child.kill('SIGKILL');
        return job.id!;
      }
      victim.child.kill('SIGCONT');
      return undefined;
    });
    expect(await victim.exit).toBe(null);
    expect(await until('the batch', batchState('q1', 'dist'))).toBe('completed');
    for (const w of workers.slice(1)) w.child.kill('SIGTERM');
    for (const w of workers.slice(1)) expect(await w.exit).toBe(0);

    const done = await pages.getCompleted(0, -1);
    expect(await pages.getJobCounts('wait', 'delayed', 'active', 'completed', 'failed')).toEqual({ wait: 0, delayed: 0, active: 0, completed: 45, failed: 0 });
    expect(new Set(done.map((j) => j.data.path)).size).toBe(45);
    const recovered = done.find((j) => j.id === held)!;
    expect(recovered.stalledCounter).toBe(1);
    expect(recovered.processedBy).not.toMatch(new RegExp(`:${victim.child.pid}$`));

    expect(outputs('dist')).toEqual(local);

    const status = cli('status', '--redis', redis.url, '--queue', 'q1');
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^pages: 0 waiting, 0 retrying, 0 active, 45 done, 0 failed$/m);
    expect(status.stdout).toContain(`batch for ${join(dir, 'dist')}: completed: 45 pages done, 0 failed, 0 left; batch phase: `);
    expect(status.stdout).toMatch(/^throughput: [\d.]+ pages\/s/m);

    expect(cli('enqueue', 'in', '--redis', redis.url, '--queue', 'q1', '--out', 'dist')).toMatchObject({ code: 0, stderr: expect.stringMatching(/every page is current and this batch is done: nothing added/) });
    expect(await pages.getJobCounts('wait', 'completed')).toEqual({ wait: 0, completed: 45 });
  });

  it('puts a page that cannot be cleaned in the failed set with its error, untried again, and finishes the batch as a local run does', async () => {
    mkdirSync(join(dir, 'bad'));
    copyFileSync(join(SEEDS, readdirSync(SEEDS).sort()[4]!), join(dir, 'bad', 'good.txt'));
    writeFileSync(join(dir, 'bad', 'empty.txt'), '');
    writeFileSync(join(dir, 'bad', 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    expect(cli('run', 'bad', '--workers', '0', '--out', 'bad-local').code).toBe(1);
    expect(cli('enqueue', 'bad', '--redis', redis.url, '--queue', 'q2', '--out', 'bad-dist')).toMatchObject({ code: 0, stderr: expect.stringMatching(/3 of 3 pages enqueued/) });
    const w = worker('q2');
    expect(await until('the batch', batchState('q2', 'bad-dist'))).toBe('completed');
    w.child.kill('SIGTERM');
    expect(await w.exit).toBe(0);
    expect(w.stderr()).toContain('bad/empty.txt: empty file');

    const failed = await queue<PageJob>('q2').getFailed(0, -1);
    expect(failed.map((j) => [j.data.path, j.failedReason, j.attemptsMade]).sort()).toEqual([
      ['bad/binary.txt', expect.stringMatching(/^not text/), 1],
      ['bad/empty.txt', 'empty file', 1],
    ]);
    expect(outputs('bad-dist')).toEqual(outputs('bad-local'));
    const status = cli('status', '--redis', redis.url, '--queue', 'q2');
    expect(status.stdout).toMatch(/^pages: 0 waiting, 0 retrying, 0 active, 1 done, 2 failed$/m);
    expect(status.stdout).toMatch(/^ {2}bad\/empty\.txt: empty file$/m);
  });

  it('on SIGTERM, finishes the page in hand, takes no other, and exits with 0', async () => {
    mkdirSync(join(dir, 'term'));
    const big = readFileSync(join(SEEDS, readdirSync(SEEDS).sort()[2]!), 'utf8');
    writeFileSync(join(dir, 'term', 'a-big.txt'), big.repeat(6));
    copyFileSync(join(SEEDS, readdirSync(SEEDS).sort()[4]!), join(dir, 'term', 'b-small.txt'));
    expect(cli('enqueue', 'term', '--redis', redis.url, '--queue', 'q4', '--out', 'term-out').code).toBe(0);
    const pages = queue<PageJob>('q4');
    const w = worker('q4');
    const held = await until('the worker to hold a page', async () => (await pages.getActive())[0]);
    w.child.kill('SIGTERM');
    expect(await w.exit).toBe(0);
    expect(await (await pages.getJob(held.id!))!.getState()).toBe('completed');
    expect(await pages.getJobCounts('wait', 'active', 'completed')).toEqual({ wait: 1, active: 0, completed: 1 });
  });

  it('leaves a job made with another config in the queue, and the worker stops with exit code 1', async () => {
    writeFileSync(join(dir, 'fullwidth.config.mjs'), "export default { normalize: { punctuation: 'fullwidth' } };\n");
    expect(cli('enqueue', 'bad/good.txt', '--redis', redis.url, '--queue', 'q3', '--out', 'other', '--config', 'fullwidth.config.mjs').code).toBe(0);
    const w = worker('q3');
    expect(await w.exit).toBe(1);
    expect(w.stderr()).toMatch(/left in the queue: it was enqueued with config \w+, this worker loaded \w+/);
    expect(await queue('q3').getJobCounts('wait', 'failed')).toEqual({ wait: 1, failed: 0 });
  });
});

describe('queue commands without a Redis', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'speechclean-noredis-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuse a missing or bad --redis URL with exit code 2', () => {
    expect(cli('status')).toMatchObject({ code: 2, stderr: expect.stringContaining('--redis URL is required') });
    expect(cli('status', '--redis', 'http://127.0.0.1:6379')).toMatchObject({ code: 2, stderr: expect.stringContaining('http: is not redis: or rediss:') });
    expect(cli('worker', '--redis', 'redis://127.0.0.1/x')).toMatchObject({ code: 2, stderr: expect.stringContaining('database number') });
  });

  it('fail with exit code 1 and the reason when Redis cannot be reached, refused or silent, instead of retrying forever', async () => {
    const closed = createServer().listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as { port: number };
    closed.close();
    for (const command of ['enqueue', 'worker', 'status']) {
      expect(cli(command, '--redis', `redis://127.0.0.1:${port}`)).toMatchObject({ code: 1, stderr: `speechclean: cannot reach Redis at redis://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}\n` });
    }
    // A server that accepts the connection and never answers.
    const silent = createServer(() => {}).listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const r = spawn(process.execPath, [CLI, 'status', '--redis', `redis://127.0.0.1:${(silent.address() as { port: number }).port}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    r.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const [code] = await once(r, 'exit');
    silent.close();
    expect(code).toBe(1);
    expect(stderr).toMatch(/^speechclean: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/?: .+/);
  });
});
