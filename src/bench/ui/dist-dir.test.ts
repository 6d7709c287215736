import { describe, expect, it } from "vitest";
import { distDirOf } from "./dist-dir";

describe("distDirOf", () => {
  it("serves dist/ when no folder is named", () => {
    expect(distDirOf([])).toBe("dist");
  });

  it("takes the folder after --dist, in either spelling", () => {
    expect(distDirOf(["--dist", "dist-bench"])).toBe("dist-bench");
    expect(distDirOf(["--dist=build/site"])).toBe("build/site");
  });

  it("falls back to dist/ when --dist names nothing", () => {
    expect(distDirOf(["--dist"])).toBe("dist");
    expect(distDirOf(["--dist="])).toBe("dist");
  });
});
