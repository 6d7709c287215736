import { describe, expect, it } from "vitest";
import { emptyHistory, newer, older, remember } from "./history";

describe("history", () => {
  it("skips blank lines, repeats and lines starting with a space (HISTCONTROL=ignoreboth)", () => {
    let h = emptyHistory();
    for (const line of ["ip a", "ip a", "  ", " secret", "ip r", "ip a"]) h = remember(h, line);
    expect(h.entries).toEqual(["ip a", "ip r", "ip a"]);
  });

  it("keeps at most `limit` entries, dropping the oldest", () => {
    let h = emptyHistory(2);
    for (const line of ["a", "b", "c"]) h = remember(h, line);
    expect(h.entries).toEqual(["b", "c"]);
  });

  it("restores the draft after the newest entry", () => {
    let h = remember(remember(emptyHistory(), "one"), "two");
    const back = older(h, "dra");
    expect(back?.line).toBe("two");
    h = back!.history;
    h = older(h, "two")!.history;
    expect(older(h, "one")).toBeNull();
    const forward = newer(h)!;
    expect(forward.line).toBe("two");
    const draft = newer(forward.history)!;
    expect(draft.line).toBe("dra");
    expect(newer(draft.history)).toBeNull();
  });
});
