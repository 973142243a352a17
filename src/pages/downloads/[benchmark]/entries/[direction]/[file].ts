/** Per-entry breakdown: /downloads/<benchmark>/entries/<t2v|v2t>/<id>.json — every stored figure and rank. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../../../lib/benchmarks.ts";
import { loadEntryBreakdown } from "../../../../../lib/entry-breakdown.ts";
import { listEntryIds } from "../../../../../lib/entries.ts";

const DIRECTIONS = ["t2v", "v2t"] as const;

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    DIRECTIONS.flatMap((direction) =>
      listEntryIds(b.id, direction).map((id) => ({ params: { benchmark: b.id, direction, file: `${id}.json` } })),
    ),
  );

export const GET: APIRoute = ({ params }) => {
  const benchmark = params.benchmark as string;
  const direction = params.direction as (typeof DIRECTIONS)[number];
  const entry = (params.file as string).replace(/\.json$/, "");
  const body = { benchmark, direction, entry, ...loadEntryBreakdown(benchmark, direction, entry) };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
};
