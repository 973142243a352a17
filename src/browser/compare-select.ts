/**
 * Board rows picked for comparison: a checkbox per row (one entry may have a row in several tables of the page,
 * kept in step), at most four, and a "Compare selected" link to the compare view of those entries. Rows a long
 * board fetches later carry their own checkboxes: the bar listens on the document and picks them up when the
 * board-table script announces new rows (`board:rows`).
 */
import { MAX_COMPARED, serializeCompareState, type CompareDirection } from "./compare-state.ts";

function enhance(bar: HTMLElement): void {
  const link = bar.querySelector<HTMLAnchorElement>("[data-compare-link]");
  const status = bar.querySelector<HTMLElement>("[data-compare-status]");
  const boxes = () => document.querySelectorAll<HTMLInputElement>("input[data-compare-pick]");
  const direction = bar.dataset.direction as CompareDirection;
  const base = bar.dataset.base ?? "";
  // In the order they were ticked: the compare view lists entries in this order.
  let picked: string[] = [];

  const render = () => {
    const full = picked.length >= MAX_COMPARED;
    for (const box of boxes()) {
      const id = box.dataset.comparePick ?? "";
      box.hidden = false;
      box.checked = picked.includes(id);
      box.disabled = full && !box.checked;
    }
    if (link) {
      if (picked.length >= 2) {
        link.href = `${base}${serializeCompareState({ direction, entries: picked, scope: null, figure: null })}`;
        link.removeAttribute("aria-disabled");
      } else {
        link.removeAttribute("href");
        link.setAttribute("aria-disabled", "true");
      }
      link.textContent = picked.length >= 2 ? `Compare ${picked.length} selected` : "Compare selected";
    }
    if (status) {
      status.textContent =
        picked.length === 0
          ? `Tick 2 to ${MAX_COMPARED} rows to compare them side by side.`
          : picked.length === 1
            ? "1 selected: tick at least one more."
            : full
              ? `${picked.length} selected, the most the compare view shows.`
              : `${picked.length} selected.`;
    }
  };

  document.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.dataset.comparePick === undefined) return;
    const id = box.dataset.comparePick;
    picked = box.checked ? [...picked.filter((p) => p !== id), id] : picked.filter((p) => p !== id);
    render();
  });
  document.addEventListener("board:rows", render);
  bar.hidden = false;
  render();
}

/** Enhances the compare bar of a board page, if it has one. */
export function enhanceCompareSelection(): void {
  for (const bar of document.querySelectorAll<HTMLElement>("[data-compare-bar]")) enhance(bar);
}
