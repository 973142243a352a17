/**
 * The maintainers' records of data/ into the store: withdrawals (read before ranking, which leaves withdrawn
 * entries off the boards) and verifications (re-checked against their evidence once every entry is scored). A
 * record that does not hold stops the rebuild, naming its file and field.
 */
import path from "node:path";
import { VerificationSchema, type Verification } from "../../src/schemas/verification.ts";
import { markVerified } from "../pipeline/entry-provenance.ts";
import { WithdrawalSchema } from "../../src/schemas/withdrawal.ts";
import { InputError, throwIfProblems, type Problem } from "../io/input-error.ts";
import { displayPath, readJsonFile } from "../io/read-data.ts";
import type { StoreContent } from "../store/store-content.ts";
import { storedPath } from "../submissions/import-submissions.ts";
import { submittedEntry, verificationProblems } from "./check-verification.ts";
import { evidencePath, keyOfPath, recordFiles, type EntryKey, type RecordKind } from "./record-files.ts";


/** Reads a record, collecting its problems; null when it does not parse or is misplaced. */
function readRecord<T>(dataDir: string, kind: RecordKind, file: string, read: () => T, problems: Problem[]): { key: EntryKey; record: T } | null {
  const key = keyOfPath(dataDir, kind, file);
  if (key === null) {
    problems.push({ file: displayPath(file), message: `is not where a record belongs (data/${kind}/<benchmark>/<t2v|v2t>/<entry>.json)` });
    return null;
  }
  try {
    return { key, record: read() };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
    return null;
  }
}

/** Adds every withdrawal record of data/ to the content; throws an InputError naming each record that does not hold. */
export function importWithdrawals(content: StoreContent, dataDir: string): void {
  const problems: Problem[] = [];
  for (const file of recordFiles(dataDir, "withdrawals")) {
    const shown = displayPath(file);
    const read = readRecord(dataDir, "withdrawals", file, () => readJsonFile(file, WithdrawalSchema), problems);
    if (read === null) continue;
    const { key, record } = read;
    const misfiled = (["benchmark", "direction", "entry"] as const).filter((field) => record[field] !== key[field]);
    for (const field of misfiled) problems.push({ file: shown, field, message: `says "${record[field]}" but the record is filed under "${key[field]}"` });
    if (misfiled.length > 0) continue;
    const entries = key.direction === "v2t" ? content.v2tEntries : content.t2vEntries;
    if (!entries.some((e) => e.benchmarkId === key.benchmark && e.id === key.entry)) {
      problems.push({ file: shown, field: "entry", message: `"${key.entry}" is not a ${key.direction.toUpperCase()} entry of benchmark "${key.benchmark}"` });
      continue;
    }
    content.withdrawals.push({ benchmarkId: key.benchmark, direction: key.direction, entryId: key.entry, withdrawnBy: record.withdrawnBy, date: record.date, reason: record.reason, path: storedPath(file, dataDir) });
  }
  throwIfProblems(problems);
}

/** A verification record's store row. */
export function verificationRow(record: Verification, dataDir: string, file: string, evidence: string): StoreContent["verifications"][number] {
  return {
    benchmarkId: record.benchmark,
    direction: record.direction,
    entryId: record.entry,
    submissionId: record.submission,
    verifiedBy: record.verifiedBy,
    date: record.date,
    kind: record.check.kind,
    checked: record.checked,
    sampleSize: record.sample.size,
    seed: record.sample.seed,
    path: storedPath(file, dataDir),
    evidencePath: storedPath(evidence, dataDir),
  };
}

/** Adds a checked verification to the content and turns its entry's provenance `verified`: the one way an entry becomes verified. */
export function addVerification(content: StoreContent, row: StoreContent["verifications"][number]): void {
  content.verifications = [...content.verifications.filter((v) => !(v.benchmarkId === row.benchmarkId && v.direction === row.direction && v.entryId === row.entryId)), row];
  markVerified(content, row);
}

/**
 * Re-checks every verification record of data/ against the scored content and its evidence, and adds those that
 * hold; throws an InputError naming each that does not (a hand-edited or forged record, evidence that does not
 * match, a sample not drawn by the rule, an unknown entry).
 */
export function importVerifications(content: StoreContent, dataDir: string): void {
  const problems: Problem[] = [];
  for (const file of recordFiles(dataDir, "verifications")) {
    const shown = displayPath(file);
    const read = readRecord(dataDir, "verifications", file, () => readJsonFile(file, VerificationSchema), problems);
    if (read === null) continue;
    const { key, record } = read;
    const evidence = evidencePath(dataDir, key);
    if (record.evidence.file !== path.basename(evidence)) {
      problems.push({ file: shown, field: "evidence.file", message: `must be "${path.basename(evidence)}", the evidence file kept beside the record` });
      continue;
    }
    if (!content.benchmarks.some((b) => b.id === key.benchmark)) {
      const entry = submittedEntry(content, key, shown);
      if ("message" in entry) problems.push(entry);
      continue;
    }
    const found = verificationProblems(content, record, key, shown, evidence, displayPath(evidence));
    if (found.length > 0) problems.push(...found);
    else addVerification(content, verificationRow(record, dataDir, file, evidence));
  }
  throwIfProblems(problems);
}
