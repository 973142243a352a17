import { describe, expect, it } from "vitest";
import { boardRowHtml, escapeHtml, type BoardRowShape, type BoardTableShape } from "../../../../src/lib/shared/board-rows.ts";

const TABLE: BoardTableShape = {
  rankLabel: "Rank",
  unrankedReason: null,
  groupHeading: "Kind",
  columns: [
    { key: "perception_srcc", label: "Perception SRCC", family: "srcc" },
    { key: "perception_plcc", label: "Perception PLCC", family: "plcc" },
    { key: "rank_sum", label: "Rank sum", family: null },
  ],
  shownFamily: "srcc",
  sortKeys: ["rank", "name", "group", "rank_sum", "perception_srcc", "perception_plcc"],
  provenance: { published: { mark: "P", label: "published", description: "Published by the authors." } },
  trained: { mark: "T", description: "Trained on it." },
};

const ROW: BoardRowShape = {
  id: "my-metric",
  name: 'My <b>"metric"</b> & co',
  href: "/fetv/v2t/my-metric/",
  position: 7,
  group: "lmm-metric",
  groupLabel: "LMM-based metric",
  provenance: "published",
  trained: true,
  reference: false,
  rank: "7",
  rankInterval: "[5, 9]",
  tie: true,
  evaluator: null,
  auditHref: null,
  cells: [
    { text: "0.6120", rank: "#3", rankTitle: "rank in Perception SRCC", ci: "[0.5800, 0.6400]", ciNote: null },
    null,
    { text: "12", rank: null, rankTitle: null, ci: null, ciNote: null },
  ],
  sort: ["7", 'my <b>"metric"</b> & co', "lmm-based metric", "12", "0.612", ""],
};

/** The row parsed as the browser would: a minimal reading of the attributes and cells of the markup. */
function cellsOf(html: string): string[] {
  return [...html.matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/g)].map((m) => m[0]);
}

describe("escapeHtml", () => {
  it("escapes every character that could open a tag or close an attribute", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("boardRowHtml", () => {
  const html = boardRowHtml(TABLE, ROW);

  it("never lets a name from outside become markup", () => {
    expect(html).not.toContain("<b>");
    expect(html).toContain("My &lt;b&gt;&quot;metric&quot;&lt;/b&gt; &amp; co");
  });

  it("carries what sorting, search and the filters read, one sort attribute per key", () => {
    expect(html).toMatch(/^<tr data-entry="my-metric" data-group="lmm-metric" data-provenance="published" data-trained="yes"/);
    for (const [key, value] of [["rank", "7"], ["rank_sum", "12"], ["perception_srcc", "0.612"], ["perception_plcc", ""]]) {
      expect(html).toContain(` data-sort-${key}="${value}"`);
    }
  });

  it("writes the rank with its interval and the ≈ mark, then the name cell with its compare box and trained mark", () => {
    const [rank, name] = cellsOf(html);
    expect(rank).toContain(">7<span class=\"ci\"");
    expect(rank).toContain("[5, 9]");
    expect(rank).toContain("≈");
    expect(name).toContain('data-compare-pick="my-metric"');
    expect(name).toContain('class="badge trained-mark" title="Trained on it.">T');
  });

  it("hides the cells of a correlation family not shown first, and writes a dash for a missing value", () => {
    const [, , srcc, plcc, rankSum] = cellsOf(html);
    expect(srcc).toContain('data-family="srcc">0.6120<span class="rank-sub" title="rank in Perception SRCC">#3</span>');
    expect(plcc).toContain('data-family="plcc" hidden>—</td>');
    expect(rankSum).toBe('<td class="num" data-label="Rank sum">12</td>');
  });

  it("marks a reference row and an unranked board without a rank", () => {
    const reference = boardRowHtml(TABLE, { ...ROW, reference: true });
    expect(reference).toMatch(/^<tr class="reference"/);
    expect(cellsOf(reference)[0]).toContain(">ref</span>");
    const unranked = boardRowHtml({ ...TABLE, rankLabel: "#", unrankedReason: "Too few models." }, ROW);
    expect(cellsOf(unranked)[0]).toContain('<td class="num rank-cell" data-label="#"><span title="Too few models.">—</span>');
  });

  it("ends with the group and the provenance mark, labelled for phones", () => {
    const cells = cellsOf(html);
    expect(cells.at(-2)).toBe('<td class="group" data-label="Kind">LMM-based metric</td>');
    expect(cells.at(-1)).toContain('class="badge provenance-published" title="Published by the authors.">P<span class="visually-hidden"> published</span>');
  });
});
