/** Board downloads: /downloads/<benchmark>/{t2v,v2t-instance,v2t-model}.{csv,json}, generated at build time. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { boardRecords } from "../../../lib/board-records.ts";
import { loadBoard } from "../../../lib/boards.ts";
import { toCsv } from "../../../lib/csv.ts";
import { BoardIdSchema, type BoardId } from "../../../schemas/board.ts";

const FORMATS = ["csv", "json"] as const;

interface Props {
  readonly benchmarkId: string;
  readonly board: BoardId;
  readonly format: (typeof FORMATS)[number];
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    BoardIdSchema.options.flatMap((board) =>
      FORMATS.map((format) => ({ params: { benchmark: b.id, file: `${board}.${format}` }, props: { benchmarkId: b.id, board, format } satisfies Props })),
    ),
  );

export const GET: APIRoute<Props> = ({ props }) => {
  const view = loadBoard(props.benchmarkId, props.board);
  const { header, records } = boardRecords(view);
  if (props.format === "csv") {
    return new Response(toCsv(header, records.map((record) => header.map((column) => record[column]))), {
      headers: { "Content-Type": "text/csv; charset=utf-8" },
    });
  }
  const body = {
    benchmark: props.benchmarkId,
    board: props.board,
    dimension: view.dimension,
    ranking:
      "Per ranked column: standard competition ranks (1, 2, 2, 4), higher is better. rank = competition rank of rank_sum (sum of column ranks), lower is better; ties listed by name. rank_best and rank_worst: 95% rank interval from re-ranking the board on every bootstrap resample; separable_from_next: whether a paired bootstrap of rank sums tells the entry apart from the next one.",
    unranked_reason: view.unrankedReason,
    columns: header,
    rows: records,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
};
