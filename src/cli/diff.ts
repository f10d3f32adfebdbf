/** `speechclean diff`: what cleaning did to one page, line by line, in the terminal or as an HTML report. */
import { alignPage, type PageDiff } from '../diff/align.js';
import { fromOut, memoryCleaner } from '../diff/load.js';
import { renderTerminal, wantsColor } from '../diff/terminal.js';
import { loadConfig } from '../load-config.js';
import { renderPageReport } from '../report/page.js';
import { describe } from '../run/batch.js';
import { writeAtomic } from '../run/write.js';
import { type Command, UsageError, writeOutput } from './command.js';

const ONLY = ['dropped', 'edited'] as const;

export const diffCommand: Command = {
  name: 'diff',
  summary: 'show what cleaning kept, dropped and edited on a page',
  usage: `speechclean diff <page> [options]

Shows the raw page line by line: ' ' kept, '-' dropped, '~' edited (with what the output holds instead), and the
rules and reasons behind each change. Coloured on a terminal, plain when piped. Cleans the page in memory, or
reads the record a run wrote with --out.

Options:
  --out DIR           read the record from DIR (written by 'speechclean run') instead of cleaning
  --rule ID           only lines a rule touched (an id, or a prefix such as 'normalize')
  --only KIND         only 'dropped' or 'edited' lines
  --html FILE         write a self-contained HTML report to FILE instead (it has its own rule, kind and
                      line filters; --rule and --only apply to the terminal view)
  --config FILE       config file (default: ./pipeline.config.ts when present)
  -h, --help          show this help

Exit status: 0 on success, 1 when the page cannot be read or cleaned, 2 on usage errors.`,
  options: {
    out: { type: 'string' },
    rule: { type: 'string' },
    only: { type: 'string' },
    html: { type: 'string' },
    config: { type: 'string' },
  },
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one page at a time' : 'which page?');
    const only = values.only as (typeof ONLY)[number] | undefined;
    if (only !== undefined && !ONLY.includes(only)) throw new UsageError(`--only must be one of: ${ONLY.join(', ')}`);
    const config = await loadConfig(values.config as string | undefined);
    const path = positionals[0]!;
    let diff: PageDiff;
    try {
      const page = values.out ? await fromOut(path, String(values.out)) : await memoryCleaner(config)(path);
      diff = alignPage(page.record, page.text);
    } catch (err) {
      process.stderr.write(`speechclean: ${path}: ${describe(err)}\n`);
      return 1;
    }
    if (values.html) {
      const file = String(values.html);
      await writeAtomic(file, renderPageReport(diff, { path }));
      process.stderr.write(`speechclean: wrote ${file}\n`);
      return 0;
    }
    writeOutput(renderTerminal(diff, path, { color: wantsColor(process.stdout), rule: values.rule as string | undefined, only }));
    return 0;
  },
};
