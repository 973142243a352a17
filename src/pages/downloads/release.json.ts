/** /downloads/release.json: the release the latest downloads were built from, and where its files are kept. */
import type { APIRoute } from "astro";
import { currentRelease, releaseManifest } from "../../lib/release.ts";
import { releaseFiles } from "../../lib/release-files.ts";

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(releaseManifest(releaseFiles(currentRelease().id)), null, 2)}\n`, { headers: { "Content-Type": "application/json" } });
