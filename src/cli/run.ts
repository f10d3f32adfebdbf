/** `speechclean run`: clean pages into `<out>/<name>.json`. */
import { type UserConfig } from '../config.js';
import { codecFor, DecodeError } from '../decode/decode.js';
import { loadConfig } from '../load-config.js';
import { writeReports } from '../report/batch.js';
import { type PageResult, runBatch } from '../run/batch.js';
import { writeJsonl } from '../run/jsonl.js';
import { type Command, intOption, UsageError } from './command.js';
import { progressBar } from './progress.js';

/** An unknown encoding is a usage error, not a failure of every page. */
function encodingOption(label: string): string {
  try {
    codecFor(label);
  } catch (err) {
    if (err instanceof DecodeError) throw new UsageError(`--encoding: ${err.message}`);
    throw err;
  }
  return label;
}

export const runCommand: Command = {
  name: 'run',
  summary: 'clean pages into JSON speech records',
  usage: `speechclean run [files|dirs|globs...] [options]

Cleans each page (.txt, .html, .htm) into <out>/<name>.json. Without inputs, cleans the config's inputs (seeds/).

Options:
  --out DIR           output folder (default from pipeline.config.ts: out/)
  --config FILE       config file (default: ./pipeline.config.ts when present)
  --concurrency N     files read and written at once (default 16)
  --workers N         worker threads cleaning pages (-1: one per core, the default; 0: clean on the main thread)
  --force             clean every page, even those whose output is current (same input, config and version)
  --encoding NAME     force the input encoding (e.g. gbk, big5, utf-16le)
  --report DIR        also write an HTML diff report per page and an index.html to DIR
  --jsonl FILE|-      also write one speech record per line (with its page's source) to FILE, or stdout with -
  --include-duplicates  keep near-duplicate speeches in the --jsonl stream
  -h, --help          show this help

Exit status: 0 when every page succeeded, 1 when any page or report failed (the others are still written), 2 on usage errors.`,
  options: {
    out: { type: 'string' },
    config: { type: 'string' },
    concurrency: { type: 'string' },
    encoding: { type: 'string' },
    report: { type: 'string' },
    jsonl: { type: 'string' },
    'include-duplicates': { type: 'boolean' },
    workers: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(values, positionals) {
    const overrides: UserConfig = {};
    if (values.out) overrides.out = String(values.out);
    const concurrency = intOption(values.concurrency, 'concurrency', 1);
    if (concurrency) overrides.concurrency = concurrency;
    if (values.encoding) overrides.encoding = encodingOption(String(values.encoding));
    const workers = intOption(values.workers, 'workers', -1);
    if (workers !== undefined) overrides.workers = workers;
    const configFile = values.config as string | undefined;
    const config = await loadConfig(configFile, overrides);
    const inputs = positionals.length ? positionals : config.inputs;
    const bar = progressBar();
    // Only a report needs every page's result afterwards; the batch itself keeps none.
    const pages: PageResult[] = [];
    const result = await runBatch({
      config,
      configFile,
      overrides,
      inputs,
      out: config.out,
      force: values.force === true,
      onPage: (page, done, total) => {
        if (values.report) pages.push(page);
        if (!page.ok) {
          bar.clear();
          process.stderr.write(`speechclean: ${page.path}: ${page.error}\n`);
        }
        bar.update(done, total, page.path);
      },
    });
    bar.clear();
    const mbps = result.seconds > 0 ? result.bytes / 1048576 / result.seconds : 0;
    process.stderr.write(
      `speechclean: ${result.cleaned} of ${result.pages} pages cleaned, ${result.skipped} skipped (unchanged), ${result.speeches} speeches, ` +
        `${result.failed} failed, ${(result.bytes / 1048576).toFixed(2)} MB in ${result.seconds.toFixed(2)} s (${mbps.toFixed(1)} MB/s) → ${config.out}/\n`,
    );
    if (values.jsonl) {
      const count = await writeJsonl(String(values.jsonl), config.out, result.outputs, values['include-duplicates'] === true);
      process.stderr.write(`speechclean: ${count} speech records → ${values.jsonl === '-' ? 'stdout' : values.jsonl}\n`);
    }
    const unreported = values.report ? await writeReports(pages, config.out, String(values.report)) : [];
    for (const f of unreported) process.stderr.write(`speechclean: ${f.path}: ${f.error}\n`);
    if (values.report) process.stderr.write(`speechclean: reports → ${values.report}/index.html\n`);
    return result.failed || unreported.length || !result.pages ? 1 : 0;
  },
};
