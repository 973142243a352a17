/** The compare view's data: /<benchmark>/compare/{t2v,v2t}.json, every entry's figures and every pair's verdicts. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { loadComparison } from "../../../lib/compare.ts";
import { listEntryIds } from "../../../lib/entries.ts";

const DIRECTIONS = ["t2v", "v2t"] as const;

interface Props {
  readonly benchmarkId: string;
  readonly direction: (typeof DIRECTIONS)[number];
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    DIRECTIONS.filter((direction) => listEntryIds(b.id, direction).length > 0).map((direction) => ({
      params: { benchmark: b.id, direction },
      props: { benchmarkId: b.id, direction } satisfies Props,
    })),
  );

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(JSON.stringify(loadComparison(props.benchmarkId, props.direction)), { headers: { "Content-Type": "application/json" } });
