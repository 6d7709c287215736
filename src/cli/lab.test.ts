import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runLabCommand } from "./lab";

async function lab(args: string[], script?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), "wirebook-lab-"));
  const file = join(dir, "demo.lab");
  if (script !== undefined) writeFileSync(file, script);
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (c: Buffer) => (out += c.toString()));
  stderr.on("data", (c: Buffer) => (err += c.toString()));
  const code = await runLabCommand(args.map((a) => (a === "FILE" ? file : a)), { stdout, stderr });
  return { code, stdout: out, stderr: err };
}

const SCRIPT = "sleep 0.5 && echo job &\necho hello\nsleep 1\nfoo\n";

describe("wirebook lab", () => {
  it("prints the session as a terminal shows it, a job's output when it ends, and exits with the script's status", async () => {
    const { code, stdout } = await lab(["FILE"], SCRIPT);
    expect(stdout).toBe("$ sleep 0.5 && echo job &\n$ echo hello\nhello\n$ sleep 1\njob\n$ foo\ndemo.lab: line 4: foo: command not found\n");
    expect(code).toBe(127);
  });

  it("runs a lesson script's #!hidden setup lines as commands, keeping bash's line numbers", async () => {
    const { code, stdout } = await lab(["FILE"], "#!hidden ip netns add ns1\nip netns list\nnope\n");
    expect(stdout).toBe("$ ip netns add ns1\n$ ip netns list\nns1\n$ nope\ndemo.lab: line 3: nope: command not found\n");
    expect(code).toBe(127);
  });

  it("--json prints the transcript with the file's base name", async () => {
    const { stdout } = await lab(["FILE", "--json"], SCRIPT);
    const transcript = JSON.parse(stdout) as { script: string; iptables_backend: string; steps: { cmd: string; background?: boolean; bg_stdout?: string; elapsed_ms: number }[] };
    expect(transcript.script).toBe("demo.lab");
    expect(transcript.iptables_backend).toBe("nf_tables");
    expect(transcript.steps[0]).toMatchObject({ cmd: "sleep 0.5 && echo job &", background: true, bg_stdout: "job\n" });
    expect(transcript.steps.map((s) => s.elapsed_ms)).toEqual([0, 0, 1000, 0]);
  });

  it("the same seed gives the same transcript; --seed takes a number", async () => {
    const script = "ping -c 2 -i 0.2 127.0.0.1\n";
    const one = await lab(["FILE", "--json", "--seed", "7"], script);
    const two = await lab(["FILE", "--json", "--seed", "7"], script);
    expect(one.stdout).toBe(two.stdout);
  });

  it("explains bad usage with exit 2", async () => {
    expect(await lab([])).toMatchObject({ code: 2, stderr: "wirebook lab: no script given\nusage: wirebook lab FILE.lab [--json] [--seed N]\n" });
    expect((await lab(["FILE", "--frob"], "true\n")).code).toBe(2);
    const missing = await lab(["/nonexistent/x.lab"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^wirebook lab: cannot read \/nonexistent\/x\.lab: /);
  });
});
