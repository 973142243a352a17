/**
 * Per-dimension downloads: /downloads/<benchmark>/dimensions/<dimension>.{csv,json}, every board in long format; one
 * whose JSON would pass PART_BYTES as parts instead, <dimension>.part-<k>.{csv,json}.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks, listDimensions } from "../../../../lib/benchmarks.ts";
import { dimensionDownload, dimensionDownloadParts, type DownloadFormat } from "../../../../lib/downloads.ts";
import { downloadFileName } from "../../../../lib/urls.ts";
import { currentRelease } from "../../../../lib/release.ts";

interface Props {
  readonly benchmarkId: string;
  readonly dimensionId: string;
  readonly format: DownloadFormat;
  readonly part: number | null;
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    listDimensions(b.id).flatMap((d) =>
      dimensionDownloadParts(b.id, d.id, currentRelease().id).flatMap((part) =>
        (["csv", "json"] as const).map((format) => ({ params: { benchmark: b.id, file: downloadFileName(d.id, format, part) }, props: { benchmarkId: b.id, dimensionId: d.id, format, part } satisfies Props })),
      ),
    ),
  );

export const GET: APIRoute<Props> = ({ props }) => dimensionDownload(props.benchmarkId, props.dimensionId, props.format, currentRelease().id, props.part);
