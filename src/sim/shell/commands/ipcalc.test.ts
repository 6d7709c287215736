/** ipcalc against the real tool's outputs (fixtures/ipcalc.json, Debian 12 ipcalc 0.42). */
import { describe, expect, it } from "vitest";
import { runIpcalc } from "./ipcalc";
import { loadCaptures } from "./fixtures/captures.test-support";


const captures = loadCaptures("ipcalc");
/** Modelled: everything but -s splits, -r ranges, -h HTML and IPv6. */
const modelled = captures.filter((c) => !/ -[srh]\b|:/.test(c.cmd));

describe("ipcalc", () => {
  it.each(modelled.map((c) => [c.cmd, c] as const))("%s", (_cmd, capture) => {
    const argv = capture.cmd.split(" ").slice(1);
    const out = runIpcalc(argv);
    expect({ stdout: out.stdout, stderr: out.stderr, exit: out.exit }).toEqual({ stdout: capture.stdout, stderr: capture.stderr, exit: capture.exit });
  });
  it("says plainly that it does not model -s", () => {
    expect(runIpcalc(["-s", "50", "192.168.1.0/24"])).toEqual({ stdout: "", stderr: 'ipcalc: option "-s" is not supported by this simulator\n', exit: 2 });
  });
});
