import { describe, expect, it } from "vitest";
import { RecentCache } from "../../../src/lib/recent-cache.ts";

/** A cache over string keys that counts how often each value is made. */
function counted(limit: number, weigh?: (value: string) => number) {
  const made: string[] = [];
  const cache = new RecentCache<string, string>(limit, weigh);
  const get = (key: string) => cache.get(key, () => (made.push(key), `value of ${key}`));
  return { cache, made, get };
}

describe("RecentCache", () => {
  it("makes a value once while it is kept", () => {
    const { made, get } = counted(2);
    expect(get("a")).toBe("value of a");
    get("a");
    expect(made).toEqual(["a"]);
  });

  it("drops the value used longest ago, not the one made first", () => {
    const { made, get } = counted(2);
    get("a");
    get("b");
    get("a"); // a is now the most recent
    get("c"); // drops b
    get("a");
    get("b");
    expect(made).toEqual(["a", "b", "c", "b"]);
  });

  it("keeps values up to their weight in all, and the last one read whatever its weight", () => {
    const { made, get } = counted(10, (value) => (value.endsWith("big") ? 12 : 4));
    get("a");
    get("b"); // 8 of 10
    get("big"); // 20: drops a and b, keeps big alone though it passes the limit
    get("big");
    get("a");
    expect(made).toEqual(["a", "b", "big", "a"]);
  });

  it("makes every value again after it is cleared", () => {
    const { cache, made, get } = counted(5);
    get("a");
    cache.clear();
    get("a");
    expect(made).toEqual(["a", "a"]);
  });

  it("keeps a null or undefined value as a value", () => {
    let made = 0;
    const cache = new RecentCache<string, null>(2);
    cache.get("x", () => (made++, null));
    cache.get("x", () => (made++, null));
    expect(made).toBe(1);
  });
});
