/**
 * The board and per-dimension downloads, each file at its two URLs, listed next to each other so that the second is
 * the first's bytes (`src/lib/download-files.ts`):
 * - /downloads/<benchmark>/<board>.{csv,json} and /downloads/<benchmark>/dimensions/<dimension>.{csv,json} (latest);
 * - the same under /downloads/releases/<release>/, kept so that a citation can point at them.
 * A download whose JSON would pass PART_BYTES is written as parts instead, <name>.part-<k>.{csv,json}. One route for
 * both copies, because Astro renders a route's paths in the order its getStaticPaths lists them and routes one after
 * another: as four routes, each copy of a dimension's files read every board view again.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { downloadFileResponse, downloadFiles, type DownloadFile } from "../../lib/download-files.ts";
import { currentRelease } from "../../lib/release.ts";

export const getStaticPaths: GetStaticPaths = () =>
  downloadFiles(currentRelease().id).flatMap(({ file, paths }) => paths.map((path) => ({ params: { file: path }, props: file satisfies DownloadFile })));

export const GET: APIRoute<DownloadFile> = ({ props }) => downloadFileResponse(props, currentRelease().id);
