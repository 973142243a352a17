/** Board downloads: /downloads/<benchmark>/{t2v,v2t-instance,v2t-model}.{csv,json}, generated at build time. */
import type { APIRoute, GetStaticPaths } from "astro";
import { getBenchmark, listBenchmarks } from "../../../lib/benchmarks.ts";
import { boardRecords } from "../../../lib/board-records.ts";
import { loadBoard } from "../../../lib/boards.ts";
import { toCsv } from "../../../lib/csv.ts";
import { BoardIdSchema } from "../../../schemas/board.ts";

const BOARDS = BoardIdSchema.options;
const FORMATS = ["csv", "json"] as const;

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    BOARDS.flatMap((board) => FORMATS.map((format) => ({ params: { benchmark: b.id, file: `${board}.${format}` } }))),
  );

export const GET: APIRoute = ({ params }) => {
  const benchmark = getBenchmark(params.benchmark as string);
  const [boardName, format] = (params.file as string).split(".");
  const board = BoardIdSchema.parse(boardName);
  const view = loadBoard(benchmark.id, board);
  const { header, records } = boardRecords(view);
  if (format === "csv") {
    return new Response(toCsv(header, records.map((record) => header.map((column) => record[column]))), {
      headers: { "Content-Type": "text/csv; charset=utf-8" },
    });
  }
  const body = {
    benchmark: benchmark.id,
    board,
    dimension: view.dimension,
    ranking:
      "Per ranked column: standard competition ranks (1, 2, 2, 4), higher is better. rank = competition rank of rank_sum (sum of column ranks), lower is better; ties listed by name.",
    columns: header,
    rows: records,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
};
