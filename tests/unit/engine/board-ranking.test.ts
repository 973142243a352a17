import { describe, expect, it } from "vitest";
import fixture from "../../fixtures/engine/multiplicity.json" with { type: "json" };
import { createRandom, percentileInterval, rankBoard, rankOneWithUncertainty, rankWithUncertainty, resampledPlaces, type Direction, type RankableEntry } from "../../../src/engine/index.ts";

/**
 * The board of one resample's values ranked whole by the rules (`rankBoard`), by entry id: what every resampled place
 * must equal. `plusZero` adds 0 to each value, so that -0 reads as 0 as the rules compare it.
 */
function rulesBoardAt(entries: readonly RankableEntry[], directions: readonly Direction[], b: number, plusZero = false) {
  const rows = entries
    .filter((entry) => entry.values.some((v) => v !== null))
    .map((entry) => ({ id: entry.id, name: entry.name, values: directions.map((_, c) => (entry.values[c] === null || Number.isNaN(entry.draws[c]?.[b] as number) ? null : (entry.draws[c]?.[b] as number) + (plusZero ? 0 : -0))) }));
  return new Map(rankBoard(rows, directions).map((row) => [row.id, row]));
}

const B = 200;
const constant = (value: number) => new Float64Array(B).fill(value);
/** Alternates two values over the resamples (by hand: their 2.5th and 97.5th percentiles are the two values). */
const alternating = (a: number, b: number) => Float64Array.from({ length: B }, (_, i) => (i % 2 === 0 ? a : b));

describe("rankWithUncertainty", () => {
  it("gives point rank intervals and separates every pair when no resample changes the values", () => {
    const ranked = rankWithUncertainty(
      [
        { id: "b", name: "B", values: [0.5], draws: [constant(0.5)] },
        { id: "a", name: "A", values: [0.9], draws: [constant(0.9)] },
        { id: "c", name: "C", values: [0.1], draws: [constant(0.1)] },
      ],
      ["higher"],
      0.95,
    );
    expect(ranked.map((e) => [e.id, e.rank, e.rankBest, e.rankWorst, e.separableFromNext, e.columns[0]])).toEqual([
      ["a", 1, 1, 1, true, { rank: 1, rankBest: 1, rankWorst: 1 }],
      ["b", 2, 2, 2, true, { rank: 2, rankBest: 2, rankWorst: 2 }],
      ["c", 3, 3, 3, null, { rank: 3, rankBest: 3, rankWorst: 3 }],
    ]);
  });

  it("never separates entries whose rank sums are always equal", () => {
    // Column ranks: x (1, 2) and y (2, 1): rank sum 3 for both on every resample.
    const ranked = rankWithUncertainty(
      [
        { id: "x", name: "X", values: [2, 1], draws: [constant(2), constant(1)] },
        { id: "y", name: "Y", values: [1, 2], draws: [constant(1), constant(2)] },
      ],
      ["higher", "higher"],
      0.95,
    );
    expect(ranked.map((e) => [e.id, e.rank, e.rankBest, e.rankWorst, e.separableFromNext])).toEqual([
      ["x", 1, 1, 1, false],
      ["y", 1, 1, 1, null],
    ]);
  });

  it("widens the intervals of entries that swap places on the resamples, and does not separate them", () => {
    const ranked = rankWithUncertainty(
      [
        { id: "steady", name: "Steady", values: [0.5], draws: [constant(0.5)] },
        { id: "noisy", name: "Noisy", values: [0.6], draws: [alternating(0.6, 0.4)] },
      ],
      ["higher"],
      0.95,
    );
    expect(ranked.map((e) => [e.id, e.rank, e.rankBest, e.rankWorst, e.separableFromNext])).toEqual([
      ["noisy", 1, 1, 2, false],
      ["steady", 2, 1, 2, null],
    ]);
    expect(ranked[0]?.columns[0]).toEqual({ rank: 1, rankBest: 1, rankWorst: 2 });
  });

  it("gives each ranked entry its rank sum on every resample, and none to an unranked entry or without resamples", () => {
    // By hand: column 1 ranks a, b, d, c on both resamples (d has a value there, so it takes a place); column 2 ranks
    // c, a, b on resample 0 and a, c, b on resample 1, so the rank sums are a 1+2, 1+1; b 2+3, 2+3; c 4+1, 4+2.
    // "d" lacks column 2 and is unranked.
    const ranked = rankWithUncertainty(
      [
        { id: "a", name: "A", values: [0.9, 0.5], draws: [Float64Array.of(0.9, 0.9), Float64Array.of(0.5, 0.8)] },
        { id: "b", name: "B", values: [0.5, 0.1], draws: [Float64Array.of(0.5, 0.5), Float64Array.of(0.1, 0.1)] },
        { id: "c", name: "C", values: [0.1, 0.9], draws: [Float64Array.of(0.1, 0.1), Float64Array.of(0.9, 0.7)] },
        { id: "d", name: "D", values: [0.3, null], draws: [Float64Array.of(0.3, 0.3), null] },
      ],
      ["higher", "higher"],
      0.95,
    );
    expect(Object.fromEntries(ranked.map((e) => [e.id, e.rankSumDraws === null ? null : [...e.rankSumDraws]]))).toEqual({ a: [3, 2], b: [5, 5], c: [5, 6], d: null });
    const published = rankWithUncertainty([{ id: "a", name: "A", values: [0.2], draws: [null] }], ["higher"], 0.95);
    expect(published[0]?.rankSumDraws).toBeNull();
  });

  it("follows a column's direction (lower is better)", () => {
    const ranked = rankWithUncertainty(
      [
        { id: "a", name: "A", values: [3], draws: [constant(3)] },
        { id: "b", name: "B", values: [1], draws: [constant(1)] },
      ],
      ["lower"],
      0.95,
    );
    expect(ranked.map((e) => e.id)).toEqual(["b", "a"]);
  });

  it("leaves an entry with a missing column unranked and last", () => {
    const ranked = rankWithUncertainty(
      [
        { id: "partial", name: "A", values: [9, null], draws: [constant(9), null] },
        { id: "full", name: "Z", values: [1, 1], draws: [constant(1), constant(1)] },
      ],
      ["higher", "higher"],
      0.95,
    );
    expect(ranked.map((e) => [e.id, e.rank, e.rankBest, e.separableFromNext])).toEqual([
      ["full", 1, 1, null],
      ["partial", null, null, null],
    ]);
  });

  it("ranks published figures (no resamples) without intervals", () => {
    const ranked = rankWithUncertainty(
      [
        { id: "a", name: "A", values: [0.2], draws: [null] },
        { id: "b", name: "B", values: [0.7], draws: [null] },
      ],
      ["higher"],
      0.95,
    );
    expect(ranked.map((e) => [e.id, e.rank, e.rankBest, e.rankWorst, e.separableFromNext, e.columns[0]?.rankBest])).toEqual([
      ["b", 1, null, null, null, null],
      ["a", 2, null, null, null, null],
    ]);
  });

  it("refuses resampled values of different lengths", () => {
    expect(() =>
      rankWithUncertainty(
        [
          { id: "a", name: "A", values: [1], draws: [new Float64Array(3)] },
          { id: "b", name: "B", values: [2], draws: [new Float64Array(4)] },
        ],
        ["higher"],
        0.95,
      ),
    ).toThrow(/resamples/);
  });
});

describe("separable from next, Holm-corrected over the board's adjacent pairs", () => {
  const board = fixture.board;
  const entries: RankableEntry[] = board.entries.map((e) => ({ id: e.id, name: e.name, values: e.values, draws: e.draws.map((d) => Float64Array.from(d)) }));
  const directions: Direction[] = ["higher", "higher"];

  it("marks separable exactly the neighbours whose rank-sum test survives Holm (golden: scripts/dev/golden/make_multiplicity_fixtures.py)", () => {
    const ranked = rankWithUncertainty(entries, directions, board.confidence);
    expect(ranked.map((e) => e.id)).toEqual(board.order);
    expect(Object.fromEntries(ranked.map((e) => [e.id, e.separableFromNext]))).toEqual(board.separable);
  });

  it("withdraws a verdict a separate 5% test would give: the fixture has a neighbour separable alone and not after Holm", () => {
    const lost = Object.entries(board.separableUncorrected).filter(([id, alone]) => alone && !board.separable[id as keyof typeof board.separable]);
    expect(lost.length).toBeGreaterThan(0);
  });

  it("gives a dry run's single entry the same corrected verdict as the whole ranking", () => {
    const whole = rankWithUncertainty(entries, directions, board.confidence);
    for (const row of whole) expect(rankOneWithUncertainty(entries, row.id, directions, board.confidence), row.id).toEqual(row);
  });
});

describe("resampledPlaces", () => {
  it("re-ranks the whole board on each resample (by hand: two entries swapping places in one column)", () => {
    // Resample 0: a 0.9 > b 0.5, c 0.1; resample 1: b 0.95 > a 0.7 > c 0.1.
    const places = resampledPlaces(
      [
        { id: "a", name: "A", values: [0.9, 3], draws: [Float64Array.from([0.9, 0.7]), Float64Array.from([3, 3])] },
        { id: "b", name: "B", values: [0.5, 2], draws: [Float64Array.from([0.5, 0.95]), Float64Array.from([2, 2])] },
        { id: "c", name: "C", values: [0.1, 1], draws: [Float64Array.from([0.1, 0.1]), Float64Array.from([1, Number.NaN])] },
      ],
      ["higher", "higher"],
    )?.places;
    // Column ranks (first, second) → rank sums: resample 0: a 1+1=2, b 2+2=4, c 3+3=6; resample 1: a 2+1=3, b 1+2=3, c has no second value.
    expect(places?.map((p) => [...(p?.rankSums ?? [])])).toEqual([[2, 3], [4, 3], [6, Number.NaN]]);
    expect(places?.map((p) => [...(p?.overall ?? [])])).toEqual([[1, 1], [2, 1], [3, Number.NaN]]);
    expect(places?.map((p) => [...(p?.columns[0] ?? [])])).toEqual([[1, 2], [2, 1], [3, 3]]);
  });

  it("gives nothing for published figures, which have no resamples", () => {
    expect(resampledPlaces([{ id: "a", name: "A", values: [1], draws: [null] }], ["higher"])).toBeNull();
  });

  it("agrees with re-ranking the board by the ranking rules on every resample (random boards with ties, gaps and both directions)", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { entries, directions } = randomBoard(seed);
      const resampled = resampledPlaces(entries, directions);
      const places = resampled?.places;
      const resamples = (entries[0]?.draws[0] as Float64Array).length;
      for (let b = 0; b < resamples; b++) {
        // By the rules themselves: the board of this resample's values, ranked whole.
        const byId = rulesBoardAt(entries, directions, b);
        entries.forEach((entry, e) => {
          const row = byId.get(entry.id);
          const place = places?.[e];
          expect(place?.overall[b], `seed ${seed}, resample ${b}, ${entry.id}`).toEqual(row?.rank ?? Number.NaN);
          expect(place?.rankSums[b]).toEqual(row?.rankSum ?? Number.NaN);
          expect(resampled?.rankSums[e]?.[b]).toEqual(row?.rankSum ?? Number.NaN);
          directions.forEach((_, c) => expect(place?.columns[c]?.[b]).toEqual(row?.columnRanks[c] ?? Number.NaN));
        });
      }
    }
  });

  it("re-ranks by the rules whatever the values' precision: stored single-precision values (radix keys), doubles (search), -0 tied with 0", () => {
    const boards = [
      // Single-precision values as stored, hardly any ties; doubles that no single holds (a third of the grid).
      ...[3, 4].map((seed) => mapDraws(randomBoard(seed), (x) => Math.fround(Math.sin(x * 997 + seed)))),
      ...[5, 6].map((seed) => mapDraws(randomBoard(seed), (x) => x / 3)),
      mapDraws(randomBoard(8), (x) => (x === 0.5 ? -0 : x === 0.25 ? 0 : x)),
      // As the ranking step reads stored values: Float32Arrays (their bits read directly), -0 and NaN among them.
      asSingles(mapDraws(randomBoard(9), (x) => (x === 0.5 ? -0 : Math.fround(x * 0.7)))),
    ];
    for (const { entries, directions } of boards) {
      const resampled = resampledPlaces(entries, directions);
      for (let b = 0; b < 50; b++) {
        const byId = rulesBoardAt(entries, directions, b, true);
        entries.forEach((entry, e) => {
          const row = byId.get(entry.id);
          expect(resampled?.places[e]?.overall[b]).toEqual(row?.rank ?? Number.NaN);
          directions.forEach((_, c) => expect(resampled?.places[e]?.columns[c]?.[b]).toEqual(row?.columnRanks[c] ?? Number.NaN));
        });
      }
    }
  });

  it("places every entry of a board longer and wider than one tile of the resample-major blocks, as the rules do", () => {
    // 150 entries × 70 resamples: the blocks are turned into entries' arrays 64 × 64 at a time, with partial tiles at both edges.
    const { entries, directions } = asSingles(randomBoard(11, { entries: 150, resamples: 70 }));
    const resampled = resampledPlaces(entries, directions);
    const ranked = rankWithUncertainty(entries, directions, 0.9);
    const index = new Map(entries.map((entry, e) => [entry.id, e]));
    for (let b = 0; b < 70; b++) {
      const byId = rulesBoardAt(entries, directions, b);
      entries.forEach((entry, e) => {
        const row = byId.get(entry.id);
        expect(resampled?.places[e]?.overall[b], `resample ${b}, ${entry.id}`).toEqual(row?.rank ?? Number.NaN);
        expect(resampled?.rankSums[e]?.[b]).toEqual(row?.rankSum ?? Number.NaN);
        directions.forEach((_, c) => expect(resampled?.places[e]?.columns[c]?.[b]).toEqual(row?.columnRanks[c] ?? Number.NaN));
      });
    }
    // One count buffer serves every entry's intervals: each equals the percentile interval of its own ranks.
    for (const row of ranked) {
      const places = resampled?.places[index.get(row.id) as number];
      const interval = row.rank === null ? null : percentileInterval(places?.overall as Float64Array, 0.9);
      expect([row.rankBest, row.rankWorst], row.id).toEqual(interval === null ? [null, null] : [Math.floor(interval.low), Math.ceil(interval.high)]);
      row.columns.forEach((column, c) => {
        const ci = column.rank === null ? null : percentileInterval(places?.columns[c] as Float64Array, 0.9);
        expect([column.rankBest, column.rankWorst]).toEqual(ci === null ? [null, null] : [Math.floor(ci.low), Math.ceil(ci.high)]);
      });
    }
  });

  it("places a board with gaps as the rules do right after a larger board without (working memory reused between boards)", () => {
    // The larger board fills every cell of the working blocks; the next one has missing values, NaN resamples and an
    // unranked entry, whose cells must read as no place, never as the larger board's ranks.
    const dense = asSingles(mapDraws(randomBoard(12, { entries: 90, resamples: 80 }), (x) => (Number.isNaN(x) ? 0.5 : x)));
    resampledPlaces(dense.entries, dense.directions);
    const gappy = asSingles(randomBoard(13, { entries: 40, resamples: 60 }));
    const withUnranked = [...gappy.entries, { id: "none", name: "None", values: [null, null, null], draws: [null, null, null] }];
    const resampled = resampledPlaces(withUnranked, gappy.directions);
    let gaps = 0;
    for (let b = 0; b < 60; b++) {
      const byId = rulesBoardAt(withUnranked, gappy.directions, b);
      withUnranked.forEach((entry, e) => {
        const row = byId.get(entry.id);
        if (row?.rank === null || row === undefined) gaps++;
        expect(resampled?.places[e]?.overall[b], `resample ${b}, ${entry.id}`).toEqual(row?.rank ?? Number.NaN);
        expect(resampled?.rankSums[e]?.[b]).toEqual(row?.rankSum ?? Number.NaN);
        gappy.directions.forEach((_, c) => expect(resampled?.places[e]?.columns[c]?.[b]).toEqual(row?.columnRanks[c] ?? Number.NaN));
      });
    }
    expect(gaps).toBeGreaterThan(60);
  });

  it("refuses an infinite resampled value, naming the first entry that has one in column order, whatever the precision", () => {
    const board = (draws: (values: number[]) => Float32Array | Float64Array): RankableEntry[] => [
      { id: "a", name: "A", values: [1, 1], draws: [draws([0.1, 0.2, 0.3, 0.4]), draws([0.1, 0.2, 0.3, 0.4])] },
      // "b" holds the first infinity in column order, at a later resample than "c"'s.
      { id: "b", name: "B", values: [1, 1], draws: [draws([0.1, 0.2, 0.3, -Infinity]), draws([0.1, 0.2, 0.3, 0.4])] },
      { id: "c", name: "C", values: [1, 1], draws: [draws([Infinity, 0.2, 0.3, 0.4]), draws([0.1, 0.2, 0.3, 0.4])] },
    ];
    const singles = (values: number[]) => Float32Array.from(values);
    const singleDoubles = (values: number[]) => Float64Array.from(values, (x) => Math.fround(x));
    const doubles = (values: number[]) => Float64Array.from(values, (x) => x / 3);
    for (const draws of [singles, singleDoubles, doubles]) {
      expect(() => resampledPlaces(board(draws), ["higher", "higher"])).toThrow('cannot rank a non-finite value (-Infinity) of entry "b"');
    }
    // In a later column only: still refused.
    const late = board(singles).map((entry) => ({ ...entry, draws: [entry.draws[1] as Float32Array, entry.draws[0] as Float32Array] }));
    expect(() => resampledPlaces(late, ["higher", "lower"])).toThrow('cannot rank a non-finite value (-Infinity) of entry "b"');
  });

  it("counts rank intervals from the stored values' blocks a tile of entries at a time, as the percentile intervals of each entry's own ranks (tile edges, gaps)", () => {
    // 31, 32, 33 and 65 entries: one tile short, exact, one over, two tiles and one over (entries are counted 32 at a time).
    for (const size of [31, 32, 33, 65]) {
      const { entries, directions } = asSingles(randomBoard(20 + size, { entries: size, resamples: 41 }));
      const resampled = resampledPlaces(entries, directions);
      const index = new Map(entries.map((entry, e) => [entry.id, e]));
      const span = (ranks: Float64Array | undefined) => {
        const interval = percentileInterval(ranks as Float64Array, 0.95);
        return interval === null ? [null, null] : [Math.floor(interval.low), Math.ceil(interval.high)];
      };
      for (const row of rankWithUncertainty(entries, directions, 0.95)) {
        const places = resampled?.places[index.get(row.id) as number];
        expect([row.rankBest, row.rankWorst], `${size} entries, ${row.id}`).toEqual(row.rank === null ? [null, null] : span(places?.overall));
        row.columns.forEach((column, c) => expect([column.rankBest, column.rankWorst]).toEqual(column.rank === null ? [null, null] : span(places?.columns[c])));
        expect(row.rankSumDraws === null ? null : [...row.rankSumDraws]).toEqual(row.rank === null ? null : [...(places?.rankSums as Float64Array)]);
      }
    }
  });

  it("places boards past the insertion sort's length as the rules do when every key of a column is equal, or they share some bytes", () => {
    // 40 entries: a column with one value on every resample for everybody (every radix pass skipped; on resample 7
    // nobody has a value, so nobody takes a place there), one whose
    // values share their upper bytes (some passes skipped), and one on a coarse grid with gaps.
    const random = createRandom(77);
    const directions: Direction[] = ["higher", "lower", "higher"];
    const entries: RankableEntry[] = Array.from({ length: 40 }, (_, e) => ({
      id: `e${e}`,
      name: `Entry ${e}`,
      values: [0.5, 1, e === 3 ? null : 0.25],
      draws: [
        Float32Array.from({ length: 30 }, (_, b) => (b === 7 ? Number.NaN : 0.5)),
        Float32Array.from({ length: 30 }, () => 1 + random.nextInt(200) * 2 ** -20),
        Float32Array.from({ length: 30 }, () => (random.nextInt(10) === 0 ? Number.NaN : random.nextInt(4) / 4)),
      ],
    }));
    const resampled = resampledPlaces(entries, directions);
    for (let b = 0; b < 30; b++) {
      const byId = rulesBoardAt(entries, directions, b);
      entries.forEach((entry, e) => {
        const row = byId.get(entry.id);
        expect(resampled?.places[e]?.overall[b], `resample ${b}, ${entry.id}`).toEqual(row?.rank ?? Number.NaN);
        directions.forEach((_, c) => expect(resampled?.places[e]?.columns[c]?.[b]).toEqual(row?.columnRanks[c] ?? Number.NaN));
      });
    }
    expect(resampled?.places[0]?.columns[0]?.[0]).toBe(1);
    expect(resampled?.places[0]?.columns[0]?.[7]).toBeNaN();
  });

  it("gives rank intervals that are the percentile intervals of the resampled ranks, rounded outwards", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const { entries, directions } = randomBoard(seed);
      const resampled = resampledPlaces(entries, directions);
      const ranked = rankWithUncertainty(entries, directions, 0.9);
      const index = new Map(entries.map((entry, e) => [entry.id, e]));
      for (const row of ranked) {
        const places = resampled?.places[index.get(row.id) as number];
        const interval = row.rank === null ? null : percentileInterval(places?.overall as Float64Array, 0.9);
        expect([row.rankBest, row.rankWorst]).toEqual(interval === null ? [null, null] : [Math.floor(interval.low), Math.ceil(interval.high)]);
        row.columns.forEach((column, c) => {
          const ci = column.rank === null ? null : percentileInterval(places?.columns[c] as Float64Array, 0.9);
          expect([column.rankBest, column.rankWorst]).toEqual(ci === null ? [null, null] : [Math.floor(ci.low), Math.ceil(ci.high)]);
        });
      }
    }
  });

  it("keeps the places of the wanted entries only, unchanged by the others left out, and every entry's rank sums", () => {
    const { entries, directions } = randomBoard(7);
    const all = resampledPlaces(entries, directions);
    const some = resampledPlaces(entries, directions, (e) => e === 2);
    expect(some?.places.map((p) => p !== null)).toEqual(entries.map((_, e) => e === 2));
    expect(some?.places[2]).toEqual(all?.places[2]);
    expect(some?.rankSums).toEqual(all?.rankSums);
  });
});

/** The same board with every resampled value mapped (NaN kept). */
function mapDraws(board: { entries: RankableEntry[]; directions: Direction[] }, map: (x: number) => number): { entries: RankableEntry[]; directions: Direction[] } {
  return { ...board, entries: board.entries.map((entry) => ({ ...entry, draws: entry.draws.map((d) => (d === null ? null : d.map((x) => (Number.isNaN(x) ? x : map(x))))) })) };
}

/** The same board with its resampled values as Float32Arrays, as stored values come to the ranking step. */
function asSingles(board: { entries: RankableEntry[]; directions: Direction[] }): { entries: RankableEntry[]; directions: Direction[] } {
  return { ...board, entries: board.entries.map((entry) => ({ ...entry, draws: entry.draws.map((d) => (d === null ? null : Float32Array.from(d))) })) };
}

/** A random board: 12 entries (by default), 3 columns, 50 resamples; values on a coarse grid (ties), some missing, some NaN draws. */
function randomBoard(seed: number, size = { entries: 12, resamples: 50 }): { entries: RankableEntry[]; directions: Direction[] } {
  const random = createRandom(seed);
  const directions: Direction[] = ["higher", "lower", "higher"];
  const grid = () => Math.round(random.nextFloat() * 8) / 8;
  const entries = Array.from({ length: size.entries }, (_, e) => {
    const values = directions.map(() => (random.nextFloat() < 0.1 ? null : grid()));
    return {
      id: `e${e}`,
      name: `Entry ${e % 5}`,
      values,
      draws: values.map(() => Float64Array.from({ length: size.resamples }, () => (random.nextFloat() < 0.05 ? Number.NaN : grid()))),
    };
  });
  return { entries, directions };
}

describe("rankOneWithUncertainty", () => {
  it("gives exactly the entry's row of the whole board's ranking, for every entry of random boards", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { entries, directions } = randomBoard(seed);
      for (const row of rankWithUncertainty(entries, directions, 0.95)) {
        expect(rankOneWithUncertainty(entries, row.id, directions, 0.95), `seed ${seed}, ${row.id}`).toEqual(row);
      }
    }
  });

  it("ranks published figures (no resamples) without intervals, like the whole board", () => {
    const entries = [
      { id: "a", name: "A", values: [1], draws: [null] },
      { id: "b", name: "B", values: [2], draws: [null] },
    ];
    expect(rankOneWithUncertainty(entries, "a", ["higher"], 0.95)).toEqual(rankWithUncertainty(entries, ["higher"], 0.95)[1]);
  });
});
