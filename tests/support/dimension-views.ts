/** Board views of one dimension whose rows lack cells in some columns, for tests of the download records (no store). */
import type { BoardColumnInfo } from "../../src/lib/benchmarks.ts";
import type { ApartRow, BoardCell, BoardView } from "../../src/lib/boards.ts";
import { COLUMN, row, view } from "./board-view.ts";

const column = (key: string, ranked = true): BoardColumnInfo => ({ ...COLUMN, key, perspectiveId: key.split("_")[0] as string, ranked });
const cell = (value: number): BoardCell => ({ value, ciLow: value - 1, ciHigh: value + 1, ciNote: null, n: 5, rank: 1, rankBest: 1, rankWorst: 2, provenance: "recomputed", source: "s" });

/** A row with cells in the named columns only (the others have no cell). */
const rowWith = (id: string, keys: readonly string[]) => ({ ...row(id, id, null, undefined), cells: Object.fromEntries(keys.map((k, i) => [k, cell(i + 1)])) });

/** A T2V entry kept apart, with its evaluator's mean in the named perspectives. */
const apartRow = (id: string, perspectives: readonly string[]): ApartRow => ({
  entryId: id,
  name: id,
  href: `/b/t2v/${id}/`,
  evaluatorId: "ev",
  evaluator: null,
  unrankedReason: "kept apart",
  cells: Object.fromEntries(perspectives.map((p) => [p, cell(3)])),
  entryProvenance: null,
  generationCard: null,
});

/** Three columns, the last one unranked. */
const COLUMNS = [column("a_srcc"), column("b_srcc"), column("c_srcc", false)];

/** Two boards of one dimension: rows with every cell, some cells, or none; a T2V board with two rows kept apart. */
export const VIEWS: BoardView[] = [
  { ...view([rowWith("r1", ["a_srcc", "b_srcc", "c_srcc"]), rowWith("r2", ["b_srcc"]), rowWith("r3", []), rowWith("r4", ["a_srcc", "c_srcc"])]), columns: COLUMNS },
  { ...view([rowWith("t1", ["a_srcc"])]), board: "t2v", columns: COLUMNS, apart: [apartRow("x1", ["a", "b"]), apartRow("x2", ["c"])] },
];
