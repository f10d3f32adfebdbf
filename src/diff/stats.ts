/** Counts of changes per rule and per stage across pages: what `explain` prints and the report index lists. */
import { STAGES } from '../pipeline.js';
import type { ChangeKind, PageRecord } from '../record/schema.js';
import { LINE_STATUSES, type LineStatus, type PageDiff } from './align.js';

export interface Count {
  changes: number;
  /** Pages with at least one. */
  pages: number;
  kinds: Partial<Record<ChangeKind, number>>;
  /** Characters the changes took out (before minus after, where shorter). */
  charsRemoved: number;
}

export interface RuleCount extends Count {
  rule: string;
  stage: string;
}

export interface StageCount extends Count {
  stage: string;
}

export interface WarningCount {
  rule: string;
  stage: string;
  warnings: number;
  pages: number;
}

export interface ChangeStats {
  pages: number;
  changes: number;
  rules: RuleCount[];
  stages: StageCount[];
  warnings: WarningCount[];
}

const STAGE_ORDER = ['parse', ...STAGES.map((s) => s.name)];

function stageRank(stage: string): number {
  const i = STAGE_ORDER.indexOf(stage);
  return i < 0 ? STAGE_ORDER.length : i;
}

/** Pipeline order, then by id. */
function byStage<T extends { stage: string; rule?: string }>(a: T, b: T): number {
  return stageRank(a.stage) - stageRank(b.stage) || a.stage.localeCompare(b.stage) || (a.rule ?? '').localeCompare(b.rule ?? '');
}

export function countChanges(records: Iterable<Pick<PageRecord, 'changes' | 'warnings'>>): ChangeStats {
  const rules = new Map<string, RuleCount>();
  const stages = new Map<string, StageCount>();
  const warnings = new Map<string, WarningCount>();
  let pages = 0;
  let changes = 0;
  for (const record of records) {
    pages++;
    const seen = new Set<object>();
    const add = (count: Count, kind: ChangeKind, removed: number) => {
      count.changes++;
      count.kinds[kind] = (count.kinds[kind] ?? 0) + 1;
      count.charsRemoved += removed;
      if (!seen.has(count)) {
        seen.add(count);
        count.pages++;
      }
    };
    for (const c of record.changes) {
      changes++;
      const removed = Math.max(0, c.before.length - c.after.length);
      const key = `${c.stage}\0${c.rule}`;
      if (!rules.has(key)) rules.set(key, { rule: c.rule, stage: c.stage, changes: 0, pages: 0, kinds: {}, charsRemoved: 0 });
      if (!stages.has(c.stage)) stages.set(c.stage, { stage: c.stage, changes: 0, pages: 0, kinds: {}, charsRemoved: 0 });
      add(rules.get(key)!, c.kind, removed);
      add(stages.get(c.stage)!, c.kind, removed);
    }
    for (const w of record.warnings) {
      const key = `${w.stage}\0${w.rule}`;
      let count = warnings.get(key);
      if (!count) warnings.set(key, (count = { rule: w.rule, stage: w.stage, warnings: 0, pages: 0 }));
      count.warnings++;
      if (!seen.has(count)) {
        seen.add(count);
        count.pages++;
      }
    }
  }
  return { pages, changes, rules: [...rules.values()].sort(byStage), stages: [...stages.values()].sort(byStage), warnings: [...warnings.values()].sort(byStage) };
}

export function lineCounts(diff: PageDiff): Record<LineStatus, number> {
  const counts = Object.fromEntries(LINE_STATUSES.map((s) => [s, 0])) as Record<LineStatus, number>;
  for (const line of diff.lines) counts[line.status]++;
  return counts;
}
