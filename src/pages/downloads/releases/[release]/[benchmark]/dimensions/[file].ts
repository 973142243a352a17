/** A release's per-dimension downloads: /downloads/releases/<release>/<benchmark>/dimensions/<dimension>.{csv,json}. */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks, listDimensions } from "../../../../../../lib/benchmarks.ts";
import { dimensionDownload, dimensionDownloadParts, type DownloadFormat } from "../../../../../../lib/downloads.ts";
import { downloadFileName } from "../../../../../../lib/urls.ts";
import { currentRelease } from "../../../../../../lib/release.ts";

interface Props {
  readonly release: string;
  readonly benchmarkId: string;
  readonly dimensionId: string;
  readonly format: DownloadFormat;
  readonly part: number | null;
}

export const getStaticPaths: GetStaticPaths = () => {
  const release = currentRelease().id;
  return listBenchmarks().flatMap((b) =>
    listDimensions(b.id).flatMap((d) =>
      dimensionDownloadParts(b.id, d.id, release).flatMap((part) =>
        (["csv", "json"] as const).map((format) => ({ params: { release, benchmark: b.id, file: downloadFileName(d.id, format, part) }, props: { release, benchmarkId: b.id, dimensionId: d.id, format, part } satisfies Props })),
      ),
    ),
  );
};

export const GET: APIRoute<Props> = ({ props }) => dimensionDownload(props.benchmarkId, props.dimensionId, props.format, props.release, props.part);
