/** /downloads/releases/<release>/release.json: what a release was built from and the files kept under it. */
import type { APIRoute, GetStaticPaths } from "astro";
import { currentRelease, releaseManifest } from "../../../../lib/release.ts";
import { releaseFiles } from "../../../../lib/release-files.ts";

export const getStaticPaths: GetStaticPaths = () => [{ params: { release: currentRelease().id } }];

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(releaseManifest(releaseFiles(currentRelease().id)), null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
