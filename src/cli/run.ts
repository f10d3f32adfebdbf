/** `speechclean run`: clean pages into `<out>/<name>.json`. */
import { type UserConfig } from '../config.js';
import { codecFor, DecodeError } from '../decode/decode.js';
import { loadConfig } from '../load-config.js';
import { writeReports } from '../report/batch.js';
import { runBatch } from '../run/batch.js';
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
  --encoding NAME     force the input encoding (e.g. gbk, big5, utf-16le)
  --report DIR        also write an HTML diff report per page and an index.html to DIR
  -h, --help          show this help

Exit status: 0 when every page succeeded, 1 when any page or report failed (the others are still written), 2 on usage errors.`,
  options: {
    out: { type: 'string' },
    config: { type: 'string' },
    concurrency: { type: 'string' },
    encoding: { type: 'string' },
    report: { type: 'string' },
  },
  async run(values, positionals) {
    const overrides: UserConfig = {};
    if (values.out) overrides.out = String(values.out);
    const concurrency = intOption(values.concurrency, 'concurrency', 1);
    if (concurrency) overrides.concurrency = concurrency;
    if (values.encoding) overrides.encoding = encodingOption(String(values.encoding));
    const config = await loadConfig(values.config as string | undefined, overrides);
    const inputs = positionals.length ? positionals : config.inputs;
    const bar = progressBar();
    const result = await runBatch({
      config,
      inputs,
      out: config.out,
      onPage: (page, done, total) => {
        if (!page.ok) {
          bar.clear();
          process.stderr.write(`speechclean: ${page.path}: ${page.error}\n`);
        }
        bar.update(done, total, page.path);
      },
    });
    bar.clear();
    const ok = result.pages.length - result.failed;
    const speeches = result.pages.reduce((n, p) => n + (p.speeches ?? 0), 0);
    const mbps = result.seconds > 0 ? result.bytes / 1048576 / result.seconds : 0;
    process.stderr.write(
      `speechclean: ${ok} of ${result.pages.length} pages cleaned, ${speeches} speeches, ${result.failed} failed, ` +
        `${(result.bytes / 1048576).toFixed(2)} MB in ${result.seconds.toFixed(2)} s (${mbps.toFixed(1)} MB/s) → ${config.out}/\n`,
    );
    const unreported = values.report ? await writeReports(result.pages, config.out, String(values.report)) : [];
    for (const f of unreported) process.stderr.write(`speechclean: ${f.path}: ${f.error}\n`);
    if (values.report) process.stderr.write(`speechclean: reports → ${values.report}/index.html\n`);
    return result.failed || unreported.length || !result.pages.length ? 1 : 0;
  },
};
