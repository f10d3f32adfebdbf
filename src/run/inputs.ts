/**
 * Expands the command line's files, folders and globs into the pages of a batch (fast-glob), and gives each page
 * its output name: the file name without extension, or, when two pages share a name, a name that also carries a
 * short hash of the path so that neither overwrites the other.
 */
import { createHash } from 'node:crypto';
import { lstatSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import fg from 'fast-glob';

export const PAGE_EXTENSIONS = ['txt', 'html', 'htm'];

export interface PageInput {
  /** Path as given or found (relative to the working directory when it was relative). */
  path: string;
  /** Output file name (`<name>.json`). */
  name: string;
}

export interface InputProblem {
  path: string;
  error: string;
}

function toPosix(p: string): string {
  return p.split('\\').join('/');
}

/** Why a path that does not stat is missing: a link to nothing is worth naming as such. */
export function missingReason(path: string): string {
  return lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() ? 'broken symbolic link (its target does not exist)' : 'no such file or directory';
}

/** `extensions` are the files a folder contributes (pages by default; `explain` also takes records). */
export async function expandInputs(args: readonly string[], cwd = process.cwd(), extensions: readonly string[] = PAGE_EXTENSIONS): Promise<{ pages: PageInput[]; problems: InputProblem[] }> {
  const glob = `**/*.{${extensions.join(',')}}`;
  const found = new Set<string>();
  const problems: InputProblem[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(resolve(cwd, arg), { throwIfNoEntry: false }) ?? statSync(arg, { throwIfNoEntry: false });
    } catch (err) {
      problems.push({ path: arg, error: (err as Error).message });
      continue;
    }
    if (stat?.isDirectory()) {
      if (extensions.includes(extname(arg).slice(1).toLowerCase())) {
        problems.push({ path: arg, error: 'is a directory, not a page file' });
        continue;
      }
      // Not `onlyFiles`: a broken link or a special file named like a page is then reported when read, not
      // silently skipped. Directories (marked with a trailing slash) are walked by the glob itself.
      for (const f of await fg(glob, { cwd: resolve(cwd, arg), onlyFiles: false, markDirectories: true, caseSensitiveMatch: false, suppressErrors: true })) {
        if (!f.endsWith('/')) found.add(toPosix(join(arg, f)));
      }
    } else if (stat) {
      found.add(toPosix(arg));
    } else if (fg.isDynamicPattern(arg)) {
      const matches = await fg(toPosix(arg), { cwd, onlyFiles: true, suppressErrors: true });
      if (!matches.length) problems.push({ path: arg, error: 'no page matches this pattern' });
      for (const f of matches) found.add(f);
    } else {
      problems.push({ path: arg, error: missingReason(resolve(cwd, arg)) });
    }
  }
  const paths = [...found].sort();
  const stems = new Map<string, number>();
  for (const p of paths) {
    const stem = basename(p, extname(p));
    stems.set(stem, (stems.get(stem) ?? 0) + 1);
  }
  const pages = paths.map((path) => {
    const stem = basename(path, extname(path));
    const name = stems.get(stem)! > 1 ? `${stem}~${createHash('sha256').update(path).digest('hex').slice(0, 8)}` : stem;
    return { path, name };
  });
  return { pages, problems };
}
