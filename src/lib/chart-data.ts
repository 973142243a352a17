/** Maps stored boards onto chart props; only selection and relabelling, never statistics. */
import type { ColumnBar } from "../components/charts/ColumnBarsIsland.tsx";
import type { ScatterSeries } from "../components/charts/ScatterIsland.tsx";
import type { BoardColumnInfo } from "./benchmarks.ts";
import type { BoardCell, BoardView } from "./boards.ts";

function interval(cell: BoardCell | undefined): [number, number] | null {
  return cell && cell.ciLow !== null && cell.ciHigh !== null ? [cell.ciLow, cell.ciHigh] : null;
}

/** T2V: the first two MOS columns against each other, sized by the QA column when there is one. */
export function t2vScatter(view: BoardView): ScatterSeries[] {
  const mos = view.columns.filter((c) => c.metric === "mos");
  const [xColumn, yColumn] = mos;
  if (!xColumn || !yColumn) return [];
  const zColumn = view.columns.find((c) => c.perspectiveId === "qa");
  return [
    {
      id: `${xColumn.key}-${yColumn.key}`,
      label: `${xColumn.label} vs ${yColumn.label}`,
      xLabel: xColumn.label,
      yLabel: yColumn.label,
      ...(zColumn ? { zLabel: zColumn.label } : {}),
      points: view.rows.flatMap((row) => {
        const x = row.cells[xColumn.key];
        const y = row.cells[yColumn.key];
        if (!x || !y) return [];
        return [
          {
            name: row.isReference && !/reference/i.test(row.name) ? `${row.name} (reference)` : row.name,
            href: row.href,
            x: x.value,
            y: y.value,
            z: zColumn ? (row.cells[zColumn.key]?.value ?? null) : null,
            xError: interval(x),
            yError: interval(y),
          },
        ];
      }),
    },
  ];
}

/** V2T: per perspective, instance-level against model-level agreement of every method. */
export function v2tScatter(instance: BoardView, model: BoardView): ScatterSeries[] {
  return instance.columns.flatMap((column) => {
    const twin = model.columns.find((c) => c.perspectiveId === column.perspectiveId && c.metric === column.metric);
    if (!twin) return [];
    const points = instance.rows.flatMap((row) => {
      const x = row.cells[column.key];
      const y = model.rows.find((r) => r.entryId === row.entryId)?.cells[twin.key];
      if (!x || !y) return [];
      return [{ name: row.name, href: row.href, x: x.value, y: y.value, xError: interval(x), yError: interval(y) }];
    });
    if (points.length === 0) return [];
    return [
      {
        id: column.key,
        label: column.label.replace(/ SRCC$| PLCC$| KRCC$/, ""),
        xLabel: `Instance-level ${column.label}`,
        yLabel: `Model-level ${twin.label}`,
        points,
      },
    ];
  });
}

/** Every ranked entry's value in one column, best first, with one entry highlighted. */
export function columnBars(view: BoardView, column: BoardColumnInfo, entryId: string): ColumnBar[] {
  return view.rows
    .filter((row) => row.cells[column.key] && !row.isReference)
    .map((row) => {
      const cell = row.cells[column.key] as BoardCell;
      return { name: row.name, value: cell.value, highlight: row.entryId === entryId, ciLow: cell.ciLow, ciHigh: cell.ciHigh, rank: cell.rank ?? Number.MAX_SAFE_INTEGER };
    })
    .sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : 1))
    .map(({ rank: _rank, ...bar }) => bar);
}
