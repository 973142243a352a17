/** /downloads/<benchmark>/anchors.csv: the anchor set raters of a new T2V model also rate, with the benchmark's scores and where to get each video. */
import type { APIRoute, GetStaticPaths } from "astro";
import { anchorRecords, loadAnchors } from "../../../lib/anchors.ts";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { toCsv } from "../../../lib/csv.ts";

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks()
    .filter((b) => loadAnchors(b.id).length > 0)
    .map((b) => ({ params: { benchmark: b.id }, props: { benchmarkId: b.id } }));

export const GET: APIRoute<{ benchmarkId: string }> = ({ props }) => {
  const { header, rows } = anchorRecords(props.benchmarkId);
  return new Response(toCsv(header, rows), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
