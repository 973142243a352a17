/** Per-dimension downloads: /downloads/<benchmark>/dimensions/<dimension>.{csv,json}, every board in long format. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks, listDimensions } from "../../../../lib/benchmarks.ts";
import { longRecords } from "../../../../lib/board-records.ts";
import { loadBoard } from "../../../../lib/boards.ts";
import { toCsv } from "../../../../lib/csv.ts";
import { BoardIdSchema } from "../../../../schemas/board.ts";

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    listDimensions(b.id).flatMap((d) =>
      ["csv", "json"].map((format) => ({ params: { benchmark: b.id, file: `${d.id}.${format}` } })),
    ),
  );

export const GET: APIRoute = ({ params }) => {
  const file = params.file as string;
  const dot = file.lastIndexOf(".");
  const dimension = file.slice(0, dot);
  const format = file.slice(dot + 1);
  const views = BoardIdSchema.options.map((board) => loadBoard(params.benchmark as string, board, dimension));
  const { header, rows } = longRecords(views);
  if (format === "csv") {
    return new Response(toCsv(header, rows), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
  }
  const records = rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? null])));
  return new Response(`${JSON.stringify({ benchmark: params.benchmark, dimension, columns: header, rows: records }, null, 2)}\n`, {
    headers: { "Content-Type": "application/json" },
  });
};
