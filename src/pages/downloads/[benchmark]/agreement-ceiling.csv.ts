/** /downloads/<benchmark>/agreement-ceiling.csv: the human agreement ceiling per perspective, a reference beside the V2T board (never ranked). */
import type { APIRoute, GetStaticPaths } from "astro";
import { ceilingRecords, loadCeilings } from "../../../lib/agreement-ceilings.ts";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { toCsv } from "../../../lib/csv.ts";

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks()
    .filter((b) => loadCeilings(b.id).length > 0)
    .map((b) => ({ params: { benchmark: b.id }, props: { benchmarkId: b.id } }));

export const GET: APIRoute<{ benchmarkId: string }> = ({ props }) => {
  const { header, rows } = ceilingRecords(props.benchmarkId);
  return new Response(toCsv(header, rows), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
};
