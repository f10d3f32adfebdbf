/**
 * The page and speech records: the contract other systems read. The zod schemas are the one source of truth:
 * the TypeScript types are inferred from them and `schema/*.json` is generated from them. Add fields freely;
 * never rename one.
 */
import { z } from 'zod';
import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

export const SourceRange = z
  .object({
    start: z.number().int().nonnegative().describe('Offset of the first character in the decoded source text (UTF-16 code units).'),
    end: z.number().int().nonnegative().describe('Offset after the last character.'),
    line: z.number().int().positive(),
    column: z.number().int().positive(),
    endLine: z.number().int().positive(),
    endColumn: z.number().int().positive(),
  })
  .describe('A range of the decoded source text.');

export const Span = z
  .tuple([z.number().int(), z.number().int(), z.number().int()])
  .describe('[outputOffset, sourceStart, sourceEnd]: the text from outputOffset up to the next span comes from source[sourceStart, sourceEnd), character by character when both have the same length.');

export const ParagraphKind = z.enum(['heading', 'list-item', 'body']);

export const ParagraphRecord = z.object({
  text: z.string(),
  kind: ParagraphKind,
  source: SourceRange.extend({ spans: z.array(Span) }),
});

export const SpeechRecord = z.object({
  id: z.string().describe('Stable: source hash + index.'),
  index: z.number().int().nonnegative(),
  title: z.string().nullable(),
  titleCandidates: z.array(z.string()).describe('Other titles the page offers for this speech (e.g. one an editor blurb named).'),
  preamble: z.array(z.string()).describe('Lines between the title and the salutation: subtitles, speaker and date lines.'),
  salutation: z.string().nullable(),
  paragraphs: z.array(ParagraphRecord),
  closing: z.string().nullable(),
  signature: z.array(z.string()).describe('Short lines after the closing: the speaker’s name, a date.'),
  charCount: z.number().int().nonnegative().describe('Han characters in title-less body, salutation and closing.'),
  placeholders: z.array(z.string()).describe('Template placeholders found in the text (XX, ×××, 20xx …).'),
  truncated: z.boolean().describe('The page cut this speech short (paywall, preview end).'),
  duplicateOf: z.string().nullable().describe('Id of the canonical copy when this speech is a near-duplicate.'),
  parts: z
    .object({
      title: SourceRange.nullable(),
      salutation: SourceRange.nullable(),
      closing: SourceRange.nullable(),
      preamble: z.array(SourceRange).describe('One range per preamble line, in order.'),
      signature: z.array(SourceRange).describe('One range per signature line, in order.'),
    })
    .describe('Where the title, salutation, closing, preamble and signature lines come from.'),
});

export const ChangeKind = z.enum(['drop', 'delete', 'replace', 'insert', 'convert', 'join', 'split', 'extract']);

export const ChangeRecord = z.object({
  rule: z.string(),
  stage: z.string(),
  kind: ChangeKind,
  source: SourceRange,
  before: z.string(),
  after: z.string(),
  reason: z.string(),
});

export const WarningRecord = z.object({
  rule: z.string(),
  stage: z.string(),
  message: z.string(),
  source: SourceRange.nullable(),
});

export const MojibakeKind = z
  .enum(['utf8-read-as-gbk', 'gbk-read-as-latin1', 'big5-read-as-latin1', 'utf8-read-as-latin1'])
  .describe('How a page became mojibake: which bytes were read with which wrong encoding.');

export const SourceInfo = z.object({
  path: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  encoding: z.string(),
  encodingConfidence: z.number().min(0).max(1).describe('Posterior probability that the encoding gives the right text (1 for a BOM or --encoding).'),
  repair: MojibakeKind.nullable().describe('Set when the decoded page was mojibake (bytes once read with the wrong encoding and saved) and was repaired; positions refer to the repaired text.'),
  script: z.enum(['simplified', 'traditional', 'mixed', 'unknown']),
  format: z.enum(['text', 'html']),
});

export const PageInfo = z.object({
  title: z.string().nullable(),
  site: z.string().nullable(),
  publishedAt: z.string().nullable().describe('ISO 8601 date-time (or date) from the page meta line.'),
  author: z.string().nullable(),
  declaredCount: z.number().int().positive().nullable().describe('How many speeches the page title claims.'),
});

export const PageRecord = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: SourceInfo,
  page: PageInfo,
  speeches: z.array(SpeechRecord),
  changes: z.array(ChangeRecord),
  warnings: z.array(WarningRecord),
});

/** One line of `--jsonl`: a speech with its page's source and page info. */
export const SpeechLine = SpeechRecord.extend({ source: SourceInfo, page: PageInfo });

export type SourceRange = z.infer<typeof SourceRange>;
export type ParagraphRecord = z.infer<typeof ParagraphRecord>;
export type SpeechRecord = z.infer<typeof SpeechRecord>;
export type ChangeKind = z.infer<typeof ChangeKind>;
export type ChangeRecord = z.infer<typeof ChangeRecord>;
export type WarningRecord = z.infer<typeof WarningRecord>;
export type MojibakeKind = z.infer<typeof MojibakeKind>;
export type SourceInfo = z.infer<typeof SourceInfo>;
export type PageInfo = z.infer<typeof PageInfo>;
export type PageRecord = z.infer<typeof PageRecord>;
export type SpeechLine = z.infer<typeof SpeechLine>;
