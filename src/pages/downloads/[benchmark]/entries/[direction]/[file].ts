/**
 * Per-entry downloads: /downloads/<benchmark>/entries/<t2v|v2t>/<id>.csv, one row per board × dimension × column
 * (value, interval, rank, n), and <id>.json, its twin: the same rows as `table`, with every stored figure and rank,
 * written compact (one file per entry: indentation was half of its bytes).
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../../../lib/benchmarks.ts";
import { loadEntryBreakdown } from "../../../../../lib/entry-breakdown.ts";
import { listEntryIds } from "../../../../../lib/entries.ts";
import { entryTable, entryTableCsv } from "../../../../../lib/entry-table.ts";
import { currentRelease } from "../../../../../lib/release.ts";

const DIRECTIONS = ["t2v", "v2t"] as const;

interface Props {
  readonly benchmarkId: string;
  readonly direction: (typeof DIRECTIONS)[number];
  readonly entryId: string;
  readonly format: "csv" | "json";
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    DIRECTIONS.flatMap((direction) =>
      listEntryIds(b.id, direction).flatMap((id) =>
        (["csv", "json"] as const).map((format) => ({ params: { benchmark: b.id, direction, file: `${id}.${format}` }, props: { benchmarkId: b.id, direction, entryId: id, format } satisfies Props })),
      ),
    ),
  );

export const GET: APIRoute<Props> = ({ props }) => {
  const release = currentRelease().id;
  const table = entryTable(props.benchmarkId, props.direction, props.entryId, release);
  if (props.format === "csv") return new Response(entryTableCsv(table), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
  const body = { benchmark: props.benchmarkId, direction: props.direction, entry: props.entryId, release, table, ...loadEntryBreakdown(props.benchmarkId, props.direction, props.entryId) };
  return new Response(`${JSON.stringify(body)}\n`, { headers: { "Content-Type": "application/json" } });
};
