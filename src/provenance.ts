/**
 * The change log. Every drop, replacement, join and conversion a stage makes is a vfile message (an info, like a
 * lint note) with the rule id, the stage as `source`, the source range as `place`, and the text before and after in
 * `actual`/`expected`. The compiler turns the messages into the record's `changes` and `warnings`; `diff` and
 * `explain` read them from there.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { ChangeKind } from './record/schema.js';
import type { ToPoint } from './tree/build.js';

declare module 'vfile-message' {
  interface VFileMessage {
    /** Set on messages that record a change (absent on warnings). */
    kind?: ChangeKind | undefined;
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Offset → line/column in the decoded text; set by the parser. */
    toPoint: ToPoint;
  }
}

export interface ChangeInput {
  rule: string;
  kind: ChangeKind;
  /** Source offsets. */
  start: number;
  end: number;
  before: string;
  after: string;
  reason: string;
}

function place(file: VFile, start: number, end: number) {
  const toPoint = file.data.toPoint!;
  return { start: toPoint(start), end: toPoint(end) };
}

/** Records a change made by `stage`. */
export function recordChange(file: VFile, stage: string, change: ChangeInput): VFileMessage {
  const message = file.info(change.reason, { place: place(file, change.start, change.end), ruleId: change.rule, source: stage });
  message.actual = change.before;
  message.expected = [change.after];
  message.kind = change.kind;
  return message;
}

/** Records something a stage could not do or doubts (a damaged span left as is, a count mismatch). */
export function recordWarning(file: VFile, stage: string, rule: string, reason: string, range?: { start: number; end: number }): VFileMessage {
  return file.message(reason, { place: range ? place(file, range.start, range.end) : undefined, ruleId: rule, source: stage });
}

/** Creating an Error captures a stack trace (~20 µs); change messages need none, so runs turn it off. */
export function withoutStackTraces<T>(fn: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return fn();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
