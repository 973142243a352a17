/**
 * One entry's compare files: /<benchmark>/compare/<direction>/<entry>.json (its places in every board and scope)
 * and <entry>.<board>.<overall|dimensions>.bin (its stored resamples on a board whose entries can be told apart, the
 * overall scope apart from the task dimensions), fetched by the compare view for the entries it shows only.
 */
import type { APIRoute, GetStaticPaths } from "astro";
import { listBenchmarks } from "../../../../lib/benchmarks.ts";
import { compareResamplesFiles, loadCompareEntry, loadCompareIndex, loadCompareResamples } from "../../../../lib/compare.ts";
import { listEntryIds } from "../../../../lib/entries.ts";
import type { BoardId } from "../../../../schemas/board.ts";

const DIRECTIONS = ["t2v", "v2t"] as const;

interface Props {
  readonly benchmarkId: string;
  readonly direction: (typeof DIRECTIONS)[number];
  readonly entryId: string;
  /** The board and part of a resamples file; absent for the entry's JSON. */
  readonly board?: BoardId;
  readonly part?: "overall" | "dimensions";
}

export const getStaticPaths: GetStaticPaths = () =>
  listBenchmarks().flatMap((b) =>
    DIRECTIONS.filter((direction) => listEntryIds(b.id, direction).length > 0).flatMap((direction) => {
      const index = loadCompareIndex(b.id, direction);
      const resamples = Map.groupBy(
        index.boards.flatMap(({ board }) =>
          compareResamplesFiles(b.id, direction, board).map(({ entryId, part }) => ({ params: { benchmark: b.id, direction, file: `${entryId}.${board}.${part}.bin` }, props: { benchmarkId: b.id, direction, entryId, board, part } satisfies Props })),
        ),
        (path) => path.props.entryId,
      );
      // Each entry's files together, its JSON first: they share its resamples' layout, read once for them all.
      return index.entries.flatMap((entry) => [
        { params: { benchmark: b.id, direction, file: `${entry.id}.json` }, props: { benchmarkId: b.id, direction, entryId: entry.id } satisfies Props },
        ...(resamples.get(entry.id) ?? []),
      ]);
    }),
  );

export const GET: APIRoute<Props> = ({ props }) =>
  props.board === undefined || props.part === undefined
    ? new Response(JSON.stringify(loadCompareEntry(props.benchmarkId, props.direction, props.entryId)), { headers: { "Content-Type": "application/json" } })
    : new Response(loadCompareResamples(props.benchmarkId, props.direction, props.entryId, props.board, props.part), { headers: { "Content-Type": "application/octet-stream" } });
