import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from './write.js';

describe('atomic writes', () => {
  it('makes a missing folder, replaces an existing record and leaves no temp file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'write-'));
    const path = join(dir, 'a', 'b', 'page.json');
    await writeAtomic(path, '{"v":1}\n');
    await writeAtomic(path, '{"v":2}\n');
    expect(await readFile(path, 'utf8')).toBe('{"v":2}\n');
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['page.json']);
  });
  it('reports a folder it cannot make and leaves nothing behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'write-'));
    await writeAtomic(join(dir, 'file'), 'x');
    await expect(writeAtomic(join(dir, 'file', 'page.json'), 'y')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['file']);
  });
});
