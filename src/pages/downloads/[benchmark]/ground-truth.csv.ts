/** Per-video ground truth, only for benchmarks whose labels may be published (see loadPublicGroundTruth). */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { toCsv } from "../../../lib/csv.ts";
import { hasPublicGroundTruth, loadPublicGroundTruth } from "../../../lib/ground-truth.ts";

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks()
    .filter((b) => hasPublicGroundTruth(b.id))
    .map((b) => ({ params: { benchmark: b.id }, props: { benchmarkId: b.id } }));

export const GET: APIRoute<{ benchmarkId: string }> = ({ props }) => {
  const truth = loadPublicGroundTruth(props.benchmarkId);
  if (!truth) throw new Error(`no public ground truth for ${props.benchmarkId}`);
  return new Response(toCsv(truth.header, truth.rows), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
