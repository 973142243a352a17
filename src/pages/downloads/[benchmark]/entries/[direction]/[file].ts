/** Per-entry breakdown: /downloads/<benchmark>/entries/<t2v|v2t>/<id>.json — every stored figure and rank. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../../../lib/benchmarks.ts";
import { loadEntryBreakdown } from "../../../../../lib/entry-breakdown.ts";
import { listEntryIds } from "../../../../../lib/entries.ts";
import { currentRelease } from "../../../../../lib/release.ts";

const DIRECTIONS = ["t2v", "v2t"] as const;

interface Props {
  readonly benchmarkId: string;
  readonly direction: (typeof DIRECTIONS)[number];
  readonly entryId: string;
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    DIRECTIONS.flatMap((direction) =>
      listEntryIds(b.id, direction).map((id) => ({ params: { benchmark: b.id, direction, file: `${id}.json` }, props: { benchmarkId: b.id, direction, entryId: id } satisfies Props })),
    ),
  );

export const GET: APIRoute<Props> = ({ props }) => {
  const body = { benchmark: props.benchmarkId, direction: props.direction, entry: props.entryId, release: currentRelease().id, ...loadEntryBreakdown(props.benchmarkId, props.direction, props.entryId) };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
};
