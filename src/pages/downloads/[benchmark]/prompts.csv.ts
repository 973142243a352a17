/** /downloads/<benchmark>/prompts.csv: the prompts a T2V model generates from, with dimensions, naming and release. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { loadPromptList, promptListCsv } from "../../../lib/prompt-list.ts";
import { currentRelease } from "../../../lib/release.ts";

export const getStaticPaths: GetStaticPaths = () => listBenchmarks().map((b) => ({ params: { benchmark: b.id }, props: { benchmarkId: b.id } }));

export const GET: APIRoute<{ benchmarkId: string }> = ({ props }) =>
  new Response(promptListCsv(loadPromptList(props.benchmarkId, currentRelease().id)), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
