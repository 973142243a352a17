/**
 * Maintainers' records about entries, read from the store: verifications (the only thing that makes an entry
 * "verified", through the stored provenance the writer sets) and withdrawals.
 */
import { and, eq } from "drizzle-orm";
import * as t from "../../db/schema.ts";
import { store } from "./store.ts";

/** A verification as stored. */
export type StoredVerification = typeof t.verifications.$inferSelect;
/** A withdrawal as stored. */
export type StoredWithdrawal = typeof t.withdrawals.$inferSelect;

const verificationsOf = new Map<string, ReadonlyMap<string, StoredVerification>>();
const withdrawalsOf = new Map<string, ReadonlyMap<string, StoredWithdrawal>>();

/** A benchmark's verifications of one direction, by entry id (read once per build). */
export function verificationsByEntry(benchmarkId: string, direction: "t2v" | "v2t"): ReadonlyMap<string, StoredVerification> {
  const key = `${benchmarkId}\u0000${direction}`;
  let found = verificationsOf.get(key);
  if (!found) {
    const rows = store().select().from(t.verifications).where(and(eq(t.verifications.benchmarkId, benchmarkId), eq(t.verifications.direction, direction))).all();
    found = new Map(rows.map((r) => [r.entryId, r]));
    verificationsOf.set(key, found);
  }
  return found;
}

/** A benchmark's withdrawals of one direction, by entry id (read once per build). */
export function withdrawalsByEntry(benchmarkId: string, direction: "t2v" | "v2t"): ReadonlyMap<string, StoredWithdrawal> {
  const key = `${benchmarkId}\u0000${direction}`;
  let found = withdrawalsOf.get(key);
  if (!found) {
    const rows = store().select().from(t.withdrawals).where(and(eq(t.withdrawals.benchmarkId, benchmarkId), eq(t.withdrawals.direction, direction))).all();
    found = new Map(rows.map((r) => [r.entryId, r]));
    withdrawalsOf.set(key, found);
  }
  return found;
}

let submitted: ReadonlySet<string> | undefined;

/** Whether a submission id is a bundle accepted through `npm run submit` (not one made from a benchmark's own data). */
export function isSubmitted(submissionId: string | null): boolean {
  submitted ??= new Set(store().select().from(t.submissions).where(eq(t.submissions.origin, "submitted")).all().map((s) => s.id));
  return submissionId !== null && submitted.has(submissionId);
}
