import { describe, expectTypeOf, it, expect } from "vitest";
import type { Transcript, TranscriptStep } from "./transcript";
import { KILLED_BY_SIGTERM_EXIT } from "./transcript";

describe("Transcript", () => {
  it("accepts the JSON shape ARCHITECTURE.md documents, background fields included", () => {
    const transcript = {
      script: "name.lab",
      iptables_backend: "nf_tables",
      steps: [
        { line: 12, cmd: "ip netns exec ns1 ping -c 1 -W 1 192.168.1.20", exit: 0, stdout: "PING …", stderr: "", elapsed_ms: 3 },
        {
          line: 13,
          cmd: "nc -l -p 80 &",
          exit: 0,
          stdout: "",
          stderr: "",
          elapsed_ms: 0,
          background: true,
          bg_exit: KILLED_BY_SIGTERM_EXIT,
          bg_stdout: "",
          bg_stderr: "",
          bg_killed_at_end: true,
        },
      ],
    } satisfies Transcript;
    expectTypeOf(transcript).toExtend<Transcript>();
    expectTypeOf<TranscriptStep["background"]>().toEqualTypeOf<true | undefined>();
    expectTypeOf<Transcript["iptables_backend"]>().toEqualTypeOf<"nf_tables" | undefined>();
    // A job killed by SIGTERM exits with 128 + 15 (bash(1), "EXIT STATUS").
    expect(KILLED_BY_SIGTERM_EXIT).toBe(128 + 15);
  });
});
