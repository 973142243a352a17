/** The compare view's index: /<benchmark>/compare/{t2v,v2t}.json, the boards, columns, scopes and entries to pick from. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { loadCompareIndex } from "../../../lib/compare.ts";
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
  new Response(JSON.stringify(loadCompareIndex(props.benchmarkId, props.direction)), { headers: { "Content-Type": "application/json" } });
