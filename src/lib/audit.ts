/** Loads the audit: every figure and rank a benchmark's authors published that this site recomputes, beside ours. */
import { asc, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import type { BoardId } from "../schemas/board.ts";
import { store } from "./store.ts";

/** One published check with this site's value. */
export interface AuditRow {
  readonly benchmarkId: string;
  readonly position: number;
  readonly kind: "figure" | "rank";
  readonly board: BoardId;
  readonly dimension: string;
  readonly entryId: string | null;
  readonly entryName: string;
  readonly perspectiveId: string | null;
  readonly metric: string;
  readonly published: number;
  readonly decimals: number;
  readonly ours: number | null;
  readonly difference: number | null;
  readonly agrees: boolean;
  readonly source: string;
  readonly note: string | null;
  /** Another implementation of the metric computed beside ours (`srcc-untied`: Spearman's ρ without tie correction), or null. */
  readonly variant: "srcc-untied" | null;
  /** That variant's value on the same items, and whether it rounds to the published value (null without a variant). */
  readonly variantValue: number | null;
  readonly variantAgrees: boolean | null;
  /** The entry was withdrawn (data/withdrawals/): off the boards, so it has no rank of its own here. */
  readonly withdrawn: boolean;
}

/** A benchmark's audit rows in the order of its audit.csv (every benchmark when none is named). */
export function loadAudit(benchmarkId?: string): AuditRow[] {
  const db = store();
  const checks = db
    .select()
    .from(t.publishedChecks)
    .where(benchmarkId === undefined ? undefined : eq(t.publishedChecks.benchmarkId, benchmarkId))
    .orderBy(asc(t.publishedChecks.benchmarkId), asc(t.publishedChecks.position))
    .all();
  const compared = new Map(db.select().from(t.audit).all().map((a) => [`${a.benchmarkId}\u0000${a.position}`, a]));
  const withdrawn = new Set(db.select().from(t.withdrawals).all().map((w) => `${w.benchmarkId}\u0000${w.direction}\u0000${w.entryId}`));
  return checks.map((check) => {
    const a = compared.get(`${check.benchmarkId}\u0000${check.position}`);
    const entryId = a?.entryId ?? null;
    const direction = check.board === "t2v" ? "t2v" : "v2t";
    return {
      ...check,
      entryId,
      ours: a?.ours ?? null,
      difference: a?.difference ?? null,
      agrees: a?.agrees ?? false,
      variantValue: a?.variantValue ?? null,
      variantAgrees: a?.variantAgrees ?? null,
      withdrawn: entryId !== null && withdrawn.has(`${check.benchmarkId}\u0000${direction}\u0000${entryId}`),
    };
  });
}

/** The anchor of an entry's audit rows on the audit page. */
export function auditAnchor(benchmarkId: string, entryId: string): string {
  return `${benchmarkId}--${entryId}`;
}

// The store does not change during a build, and every board load asks for its benchmark's audit.
const audits = new Map<string, AuditRow[]>();

/** Per entry, how many of its published checks on a board and dimension disagree with this site or carry a note. */
export function auditFlags(benchmarkId: string, board: BoardId, dimension: string): Map<string, number> {
  const flags = new Map<string, number>();
  if (!audits.has(benchmarkId)) audits.set(benchmarkId, loadAudit(benchmarkId));
  for (const row of audits.get(benchmarkId) ?? []) {
    if (row.board !== board || row.dimension !== dimension || row.entryId === null) continue;
    if (!row.agrees || row.note !== null) flags.set(row.entryId, (flags.get(row.entryId) ?? 0) + 1);
  }
  return flags;
}

/** The audit as download records (snake_case), in page order. */
export function auditRecords(): { header: string[]; rows: (string | number | boolean | null)[][] } {
  const header = ["benchmark", "kind", "board", "dimension", "entry", "entry_id", "perspective", "metric", "published", "decimals", "ours", "difference", "agrees", "source", "note", "variant", "ours_variant", "variant_agrees", "withdrawn"];
  const rows = loadAudit().map((r) => [
    r.benchmarkId, r.kind, r.board, r.dimension, r.entryName, r.entryId, r.perspectiveId, r.metric, r.published, r.decimals, r.ours, r.difference, r.agrees, r.source, r.note,
    r.variant, r.variantValue, r.variantAgrees, r.withdrawn,
  ]);
  return { header, rows };
}
