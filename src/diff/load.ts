/**
 * Getting a page's record and decoded text for `diff`, `explain` and reports: either clean the page in memory, or
 * read the record a batch wrote and decode the page the way that record says it was decoded.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Config } from '../config.js';
import { cleanFile, createProcessor, decodePage, PageError, type SpeechProcessor } from '../pipeline.js';
import { PageRecord } from '../record/schema.js';
import { readPage } from '../run/batch.js';

/** A page's record and the decoded text its offsets point into. */
export interface CleanedPage {
  record: PageRecord;
  text: string;
}

/** Cleans pages in memory with one processor per config. */
export function memoryCleaner(config: Config): (path: string) => Promise<CleanedPage> {
  let processor: SpeechProcessor | undefined;
  return async (path) => {
    const file = decodePage(await readPage(path), path, config);
    processor ??= createProcessor(config);
    return { record: cleanFile(processor, file), text: String(file.value) };
  };
}

/** Reads and validates a record JSON file. */
export async function readRecord(path: string): Promise<PageRecord> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new PageError(`not a record: ${(err as Error).message}`);
  }
  const parsed = PageRecord.safeParse(data);
  if (!parsed.success) throw new PageError(`not a page record: ${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Pairs a record with its page, decoded as the record says; refuses a page that changed since. */
export async function withPage(path: string, record: PageRecord): Promise<CleanedPage> {
  const file = decodePage(await readPage(path), path, { encoding: record.source.encoding });
  if (file.data.source!.sha256 !== record.source.sha256) throw new PageError('the page changed since its record was written: run it again');
  return { record, text: String(file.value) };
}

/**
 * Finds the record a batch wrote for `path` in `out`: `<name>.json`, or `<name>~<hash>.json` when two pages of
 * the batch shared a name; the one whose source hash matches the page wins.
 */
export async function fromOut(path: string, out: string): Promise<CleanedPage> {
  const stem = basename(path, extname(path));
  let names: string[];
  try {
    names = (await readdir(out)).filter((n) => n === `${stem}.json` || (n.startsWith(`${stem}~`) && n.endsWith('.json')));
  } catch {
    throw new PageError(`cannot read the output folder ${out}`);
  }
  if (!names.length) throw new PageError(`no record for it in ${out} (run 'speechclean run' first, or leave out --out)`);
  let stale: PageError | undefined;
  for (const name of names.sort()) {
    try {
      return await withPage(path, await readRecord(join(out, name)));
    } catch (err) {
      if (!(err instanceof PageError)) throw err;
      stale = err;
    }
  }
  throw stale!;
}
