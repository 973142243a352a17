/** /downloads/<benchmark>/prompts.json: the prompt list as JSON; without prompts in the build, it says where to get them. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../lib/benchmarks.ts";
import { loadPromptList, promptListJson } from "../../../lib/prompt-list.ts";
import { currentRelease } from "../../../lib/release.ts";

export const getStaticPaths: GetStaticPaths = () => listBenchmarks().map((b) => ({ params: { benchmark: b.id }, props: { benchmarkId: b.id } }));

export const GET: APIRoute<{ benchmarkId: string }> = ({ props }) =>
  new Response(promptListJson(loadPromptList(props.benchmarkId, currentRelease().id)), { headers: { "Content-Type": "application/json" } });
