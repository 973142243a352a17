/** A release's per-dimension downloads: /downloads/releases/<release>/<benchmark>/dimensions/<dimension>.{csv,json}. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks, listDimensions } from "../../../../../../lib/benchmarks.ts";
import { dimensionDownload, type DownloadFormat } from "../../../../../../lib/downloads.ts";
import { currentRelease } from "../../../../../../lib/release.ts";

interface Props {
  readonly release: string;
  readonly benchmarkId: string;
  readonly dimensionId: string;
  readonly format: DownloadFormat;
}

export const getStaticPaths: GetStaticPaths = () => {
  const release = currentRelease().id;
  return listBenchmarks().flatMap((b) =>
    listDimensions(b.id).flatMap((d) =>
      (["csv", "json"] as const).map((format) => ({ params: { release, benchmark: b.id, file: `${d.id}.${format}` }, props: { release, benchmarkId: b.id, dimensionId: d.id, format } satisfies Props })),
    ),
  );
};

export const GET: APIRoute<Props> = ({ props }) => dimensionDownload(props.benchmarkId, props.dimensionId, props.format, props.release);
