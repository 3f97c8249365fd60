import { describe, it, expect } from "vitest";
import { compareText, monthsLabel, plural, priorityLabel, rangeLabel } from "../../src/catalog/format.ts";

describe("format", () => {
  it("labels ranges", () => {
    expect(rangeLabel({ min: 2, max: 4 }, "year")).toBe("2–4 years");
    expect(rangeLabel({ min: 4, max: null }, "year")).toBe("4+ years");
    expect(rangeLabel({ min: 1, max: 1 }, "year")).toBe("1 year");
    expect(rangeLabel({ min: 0, max: 0 }, "year")).toBe("0 years");
  });

  it("labels months, counts and priorities", () => {
    expect(monthsLabel(1, 3)).toBe("Months 1–3");
    expect(monthsLabel(4, 4)).toBe("Month 4");
    expect(plural(1, "role")).toBe("1 role");
    expect(plural(3, "role")).toBe("3 roles");
    expect(priorityLabel("must", null)).toBe("Must-have");
    expect(priorityLabel("good", "x")).toBe("Good-to-have");
    expect(priorityLabel("other", " Extras ")).toBe("Extras");
    expect(priorityLabel("other", null)).toBe("Other");
  });

  it("orders text ignoring case, then by code point", () => {
    expect(["b", "A", "a", "B"].sort(compareText)).toEqual(["A", "a", "B", "b"]);
    expect(["item 10", "item 9"].sort(compareText)).toEqual(["item 9", "item 10"]);
  });
});
