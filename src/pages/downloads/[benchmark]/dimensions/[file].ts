/** Per-dimension downloads: /downloads/<benchmark>/dimensions/<dimension>.{csv,json}, every board in long format. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks, listDimensions } from "../../../../lib/benchmarks.ts";
import { dimensionDownload, type DownloadFormat } from "../../../../lib/downloads.ts";
import { currentRelease } from "../../../../lib/release.ts";

interface Props {
  readonly benchmarkId: string;
  readonly dimensionId: string;
  readonly format: DownloadFormat;
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    listDimensions(b.id).flatMap((d) =>
      (["csv", "json"] as const).map((format) => ({ params: { benchmark: b.id, file: `${d.id}.${format}` }, props: { benchmarkId: b.id, dimensionId: d.id, format } satisfies Props })),
    ),
  );

export const GET: APIRoute<Props> = ({ props }) => dimensionDownload(props.benchmarkId, props.dimensionId, props.format, currentRelease().id);
