/**
 * `--jsonl FILE|-`: one speech record per line (with its page's source and page info), for systems that ingest
 * speeches rather than pages. Records are read one at a time, in output-name order; near-duplicates are left out
 * unless asked for. A file is written atomically; `-` streams to stdout.
 */
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { PageRecord, SpeechLine } from '../record/schema.js';

export function speechLines(record: PageRecord, includeDuplicates: boolean): SpeechLine[] {
  return record.speeches.filter((s) => includeDuplicates || !s.duplicateOf).map((s) => ({ ...s, source: record.source, page: record.page }));
}

async function writeLines(stream: Writable, out: string, names: readonly string[], includeDuplicates: boolean): Promise<number> {
  let count = 0;
  for (const name of [...names].sort()) {
    const record = JSON.parse(await readFile(join(out, `${name}.json`), 'utf8')) as PageRecord;
    for (const line of speechLines(record, includeDuplicates)) {
      count++;
      if (!stream.write(`${JSON.stringify(line)}\n`)) await once(stream, 'drain');
    }
  }
  return count;
}

/** Writes the speeches of the named records to `target` (a path, or `-` for stdout); returns how many. */
export async function writeJsonl(target: string, out: string, names: readonly string[], includeDuplicates: boolean): Promise<number> {
  if (target === '-') return writeLines(process.stdout, out, names, includeDuplicates);
  const tmp = `${target}.${process.pid}.tmp`;
  const stream = createWriteStream(tmp);
  try {
    const count = await writeLines(stream, out, names, includeDuplicates);
    stream.end();
    await once(stream, 'finish');
    await rename(tmp, target);
    return count;
  } catch (err) {
    stream.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
}
