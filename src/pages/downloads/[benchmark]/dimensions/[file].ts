/** Per-dimension downloads: /downloads/<benchmark>/dimensions/<dimension>.{csv,json}, every board in long format. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks, listDimensions } from "../../../../lib/benchmarks.ts";
import { longRecords } from "../../../../lib/board-records.ts";
import { loadBoard } from "../../../../lib/boards.ts";
import { toCsv } from "../../../../lib/csv.ts";
import { BoardIdSchema } from "../../../../schemas/board.ts";

interface Props {
  readonly benchmarkId: string;
  readonly dimensionId: string;
  readonly format: "csv" | "json";
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    listDimensions(b.id).flatMap((d) =>
      (["csv", "json"] as const).map((format) => ({ params: { benchmark: b.id, file: `${d.id}.${format}` }, props: { benchmarkId: b.id, dimensionId: d.id, format } satisfies Props })),
    ),
  );

export const GET: APIRoute<Props> = ({ props }) => {
  const views = BoardIdSchema.options.map((board) => loadBoard(props.benchmarkId, board, props.dimensionId));
  const { header, rows } = longRecords(views);
  if (props.format === "csv") {
    return new Response(toCsv(header, rows), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
  }
  const records = rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? null])));
  return new Response(`${JSON.stringify({ benchmark: props.benchmarkId, dimension: props.dimensionId, columns: header, rows: records }, null, 2)}\n`, {
    headers: { "Content-Type": "application/json" },
  });
};
