/**
 * Many submitted V2T entries in a built store, fast: copies of one real recomputed entry (its entry row, submission,
 * provenance, training data, calibrations, figures, resampled values and rank rows) under new ids, written by plain
 * SQL `INSERT … SELECT` in one transaction, not by reading and rewriting the whole store once per entry. The copies'
 * rank rows are the source's until the boards are ranked again (`rerankInPlace`).
 */
import Database from "better-sqlite3";

/** How a copied table's rows are found and which columns a copy rewrites (SQL expressions over the copy number, `bench_copies.copy_number`, from 1). */
interface CopiedTable {
  readonly table: string;
  /** The SQL condition picking the source entry's rows (named parameters @benchmark and @source). */
  readonly where: string;
  readonly rewrite: Readonly<Record<string, string>>;
}

/** A copy's id, name and submission id: zero-padded, so that id order is copy order. */
const ID = `printf('bench-copy-%05d', bench_copies.copy_number)`;
const NAME = `printf('Bench copy %d', bench_copies.copy_number)`;
const SUBMISSION = `printf('bench-submission-%05d', bench_copies.copy_number)`;

/**
 * Every table the site reads that holds a V2T entry's rows. Predictions are left out: the site reads none (only
 * scoring does), and FETV's 9,051 a copy would make the 10,000-entry store 90 million rows heavier. The audit is
 * left out: its rows are the benchmark's published checks, which name no copy.
 */
const TABLES: readonly CopiedTable[] = [
  {
    table: "submissions",
    where: `"benchmark_id" = @benchmark AND "direction" = 'v2t' AND "entry_id" = @source`,
    // A submitted bundle, as `npm run submit` accepts one: origin `submitted`, its own folder, its own entry name.
    rewrite: { id: SUBMISSION, entry_id: ID, origin: `'submitted'`, path: `printf('data/submissions/fetv/v2t/bench-copy-%05d', bench_copies.copy_number)`, manifest_json: `json_set("manifest_json", '$.entry.name', ${NAME})` },
  },
  { table: "v2t_entries", where: `"benchmark_id" = @benchmark AND "id" = @source`, rewrite: { id: ID, name: NAME, submission_id: SUBMISSION } },
  // A submission is self-reported until a maintainers' verification record says otherwise.
  { table: "entry_provenance", where: `"benchmark_id" = @benchmark AND "direction" = 'v2t' AND "entry_id" = @source`, rewrite: { entry_id: ID, kind: `'self-reported'` } },
  { table: "training_data", where: `"benchmark_id" = @benchmark AND "entry_id" = @source`, rewrite: { entry_id: ID } },
  { table: "calibrations", where: `"benchmark_id" = @benchmark AND "evaluator_id" = @source`, rewrite: { evaluator_id: ID } },
  { table: "calibration_checks", where: `"benchmark_id" = @benchmark AND "evaluator_id" = @source`, rewrite: { evaluator_id: ID } },
  { table: "results", where: `"benchmark_id" = @benchmark AND "direction" = 'v2t' AND "entry_id" = @source`, rewrite: { entry_id: ID } },
  // A board column's resampled values only: rows under any other key (a rank sum) are the ranking step's to write.
  {
    table: "draws",
    where: `"benchmark_id" = @benchmark AND "board" <> 't2v' AND "entry_id" = @source AND "column_key" IN (SELECT c."key" FROM "board_columns" c WHERE c."benchmark_id" = @benchmark AND c."board" = "draws"."board")`,
    rewrite: { entry_id: ID },
  },
  { table: "rankings", where: `"benchmark_id" = @benchmark AND "board" <> 't2v' AND "entry_id" = @source`, rewrite: { entry_id: ID } },
  { table: "column_ranks", where: `"benchmark_id" = @benchmark AND "board" <> 't2v' AND "entry_id" = @source`, rewrite: { entry_id: ID } },
];

/** Rows written per table. */
export type CopiedRows = Readonly<Record<string, number>>;

/**
 * Adds `count` copies of V2T entry `sourceId` of `benchmarkId` to the store file, in one transaction (all or
 * nothing); returns the rows written per table. Throws, writing nothing, when the source entry is not stored or a
 * table lacks a column this copy rewrites (the schema moved on: the copy would be wrong, not merely slow).
 */
export function addV2tCopies(store: string, benchmarkId: string, sourceId: string, count: number): CopiedRows {
  if (!Number.isInteger(count) || count < 0 || count > 99_999) throw new Error(`copies: ${count} is not a whole number from 0 to 99,999`);
  const db = new Database(store, { fileMustExist: true });
  try {
    // A bench's temporary store: no fsync; the checks a real write meets still hold (every copy's submission exists).
    db.pragma("synchronous = OFF");
    db.pragma("foreign_keys = ON");
    const found = db.prepare(`SELECT 1 FROM "v2t_entries" WHERE "benchmark_id" = ? AND "id" = ?`).get(benchmarkId, sourceId);
    if (found === undefined) throw new Error(`${store}: no V2T entry "${sourceId}" on benchmark "${benchmarkId}" to copy`);
    const written: Record<string, number> = {};
    db.transaction(() => {
      for (const { table, where, rewrite } of TABLES) {
        const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
        const missing = Object.keys(rewrite).filter((c) => !columns.includes(c));
        if (columns.length === 0 || missing.length > 0) throw new Error(`${store}: table "${table}" has no column ${missing.join(", ") || "at all"}; the bench's copy (scripts/dev/bench/entry-copies.ts) must follow db/schema.ts`);
        const select = columns.map((c) => rewrite[c] ?? `"${c}"`).join(", ");
        const sql = `WITH RECURSIVE bench_copies(copy_number) AS (SELECT 1 UNION ALL SELECT copy_number + 1 FROM bench_copies WHERE copy_number < @count) INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${select} FROM bench_copies, "${table}" WHERE ${where}`;
        written[table] = count === 0 ? 0 : db.prepare(sql).run({ benchmark: benchmarkId, source: sourceId, count }).changes;
      }
    })();
    return written;
  } finally {
    db.close();
  }
}
