/** Turns a validated benchmark definition into rows of the store's definition tables. */
import { columnKey, type BoardId } from "../../src/schemas/board.ts";
import type { Benchmark } from "../../src/schemas/benchmark.ts";
import type { StoreContent } from "../store/store-content.ts";

/** Adds the benchmark, its perspectives, dimensions and board columns to the content. */
export function addBenchmarkDefinition(content: StoreContent, benchmark: Benchmark, position: number): void {
  content.benchmarks.push({
    id: benchmark.id,
    title: benchmark.title,
    version: benchmark.version,
    summary: benchmark.summary,
    paperTitle: benchmark.paper.title,
    paperUrl: benchmark.paper.url,
    citation: benchmark.citation,
    license: benchmark.license,
    homepage: benchmark.homepage,
    dataUrl: benchmark.dataUrl,
    labelsPublic: benchmark.labelsPublic,
    promptCount: benchmark.counts.prompts,
    dimensionCount: benchmark.counts.dimensions,
    videoCount: benchmark.counts.videos,
    t2vModelCount: benchmark.counts.t2vModels,
    mosCount: benchmark.counts.mos,
    qaCount: benchmark.counts.qaPairs,
    dimensionsNote: benchmark.dimensionsNote,
    datasetJson: benchmark.dataset === null ? null : JSON.stringify(benchmark.dataset),
    protocolJson: JSON.stringify(benchmark.protocol),
    anchoringJson: benchmark.anchoring === null ? null : JSON.stringify(benchmark.anchoring),
    position,
  });
  benchmark.perspectives.forEach((perspective, index) => {
    content.perspectives.push({
      benchmarkId: benchmark.id,
      id: perspective.id,
      label: perspective.label,
      description: perspective.description,
      kind: perspective.kind,
      scale: perspective.scale,
      rangeMin: perspective.range?.min ?? null,
      rangeMax: perspective.range?.max ?? null,
      position: index,
    });
  });
  benchmark.dimensions.forEach((dimension, index) => {
    content.dimensions.push({
      benchmarkId: benchmark.id,
      id: dimension.id,
      label: dimension.label,
      group: dimension.group ?? null,
      description: dimension.description ?? null,
      position: index,
    });
  });
  for (const [board, columns] of Object.entries(benchmark.boards) as [BoardId, Benchmark["boards"]["t2v"]][]) {
    columns.forEach((column, index) => {
      content.boardColumns.push({
        benchmarkId: benchmark.id,
        board,
        key: columnKey(column),
        perspectiveId: column.perspective,
        metric: column.metric,
        label: column.label,
        higherIsBetter: column.higherIsBetter,
        ranked: column.ranked,
        note: column.note ?? null,
        position: index,
      });
    });
  }
}
