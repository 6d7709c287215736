import { describe, expect, it, vi } from "vitest";
import { TerminalSession, type RunResult, type TerminalBackend } from "./terminal-session";

/** A backend whose answers the test gives by hand, so it can type while a command runs. */
function manualBackend() {
  const runs: { line: string; answer: (result: RunResult) => void }[] = [];
  const resumes: ((result: RunResult) => void)[] = [];
  const interrupts: ((result: RunResult | void) => void)[] = [];
  const backend: TerminalBackend = {
    run: (line) => new Promise((resolve) => runs.push({ line, answer: resolve })),
    resume: vi.fn(() => new Promise<RunResult>((resolve) => resumes.push(resolve))),
    complete: async (partial) => ({ from: partial.lastIndexOf(" ") + 1, candidates: ["ns1", "ns2"], common: "ns" }),
    interrupt: vi.fn(() => new Promise<RunResult | void>((resolve) => interrupts.push(resolve))),
  };
  return { backend, runs, resumes, interrupts };
}

/** A scheduler the test fires by hand: the waits between slices of a running command. */
function manualClock() {
  const pending: (() => void)[] = [];
  const schedule = (run: () => void) => {
    pending.push(run);
    return () => pending.splice(pending.indexOf(run), 1);
  };
  return { schedule, pending, tick: () => pending.shift()?.() };
}

function setup(busy = false) {
  const { backend, runs, resumes, interrupts } = manualBackend();
  const clock = manualClock();
  let screen = "";
  const session = new TerminalSession((data) => (screen += data), backend, { prompt: "$ ", columns: 80, busy, schedule: clock.schedule });
  session.start();
  return { session, backend, runs, resumes, interrupts, clock, screen: () => screen };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("TerminalSession", () => {
  it("runs an entered line, prints stdout, then stderr in the error colour, with CR LF", async () => {
    const { session, runs, screen } = setup();
    session.input("ip a\r");
    expect(runs.map((r) => r.line)).toEqual(["ip a"]);
    runs[0]!.answer({ stdout: "1: lo\n2: eth0\n", stderr: "warning\n", exit: 0 });
    await settle();
    expect(screen()).toBe("$ ip a\r\n1: lo\r\n2: eth0\r\n\x1b[31mwarning\r\n\x1b[0m$ ");
  });

  it("starts output that lacks a final newline on its own line before the prompt", async () => {
    const { session, runs, screen } = setup();
    session.input("printf x\r");
    runs[0]!.answer({ stdout: "x", stderr: "", exit: 0 });
    await settle();
    expect(screen().endsWith("x\r\n$ ")).toBe(true);
  });

  it("runs a pasted block line by line, each after the previous one finished", async () => {
    const { session, runs, screen } = setup();
    session.input("\x1b[200~ip netns add ns1\nip netns add ns2\nip netns\x1b[201~");
    expect(runs.map((r) => r.line)).toEqual(["ip netns add ns1"]);
    runs[0]!.answer({ stdout: "", stderr: "", exit: 0 });
    await settle();
    expect(runs.map((r) => r.line)).toEqual(["ip netns add ns1", "ip netns add ns2"]);
    runs[1]!.answer({ stdout: "", stderr: "", exit: 0 });
    await settle();
    // The last line had no newline: it waits on the prompt, as in bash.
    expect(runs).toHaveLength(2);
    expect(screen().endsWith("$ ip netns")).toBe(true);
  });

  it("asks for more with the > prompt and sends the lines joined by newlines", async () => {
    const { session, runs, screen } = setup();
    session.input("echo 'a\r");
    runs[0]!.answer({ stdout: "", stderr: "", exit: 0, incomplete: true });
    await settle();
    expect(screen().endsWith("\r\n> ")).toBe(true);
    session.input("b'\r");
    expect(runs[1]?.line).toBe("echo 'a\nb'");
    runs[1]!.answer({ stdout: "a\nb\n", stderr: "", exit: 0 });
    await settle();
    expect(screen().endsWith("a\r\nb\r\n$ ")).toBe(true);
  });

  it("Ctrl-C on a continuation line goes back to the first prompt and forgets the lines", async () => {
    const { session, runs, screen } = setup();
    session.input("cat <<EOF\r");
    runs[0]!.answer({ stdout: "", stderr: "", exit: 0, incomplete: true });
    await settle();
    session.input("hello\x03");
    expect(screen().endsWith("> hello^C\r\n$ ")).toBe(true);
    session.input("ip r\r");
    expect(runs[1]?.line).toBe("ip r");
  });

  it("Ctrl-C while a command runs interrupts it and drops what was typed ahead", async () => {
    const { session, backend, runs, interrupts, screen } = setup();
    session.input("ping 10.0.0.2\r");
    session.input("ip a\r\x03");
    expect(backend.interrupt).toHaveBeenCalledTimes(1);
    runs[0]!.answer({ stdout: "64 bytes from 10.0.0.2: icmp_seq=1\n", stderr: "", exit: 0, running: true });
    await settle();
    expect(screen().endsWith("$ ")).toBe(false);
    interrupts[0]!({ stdout: "--- 10.0.0.2 ping statistics ---\n", stderr: "", exit: 0 });
    await settle();
    expect(runs).toHaveLength(1);
    expect(backend.resume).not.toHaveBeenCalled();
    expect(screen().endsWith("^C\r\n64 bytes from 10.0.0.2: icmp_seq=1\r\n--- 10.0.0.2 ping statistics ---\r\n$ ")).toBe(true);
  });

  it("streams a command that keeps running: each slice's output a moment after the last, until it ends", async () => {
    const { session, backend, runs, resumes, clock, screen } = setup();
    session.input("ping 10.0.0.2\r");
    runs[0]!.answer({ stdout: "PING 10.0.0.2\nseq=1\n", stderr: "", exit: 0, running: true });
    await settle();
    expect(screen().endsWith("seq=1\r\n")).toBe(true);
    expect(backend.resume).not.toHaveBeenCalled();
    clock.tick();
    expect(backend.resume).toHaveBeenCalledTimes(1);
    resumes[0]!({ stdout: "seq=2\n", stderr: "", exit: 0, running: true });
    await settle();
    expect(screen().endsWith("seq=1\r\nseq=2\r\n")).toBe(true);
    clock.tick();
    resumes[1]!({ stdout: "seq=3\n", stderr: "", exit: 0 });
    await settle();
    expect(screen().endsWith("seq=3\r\n$ ")).toBe(true);
    expect(clock.pending).toHaveLength(0);
  });

  it("Ctrl-C between two slices stops the command and prints what it printed as it stopped", async () => {
    const { session, backend, runs, interrupts, clock, screen } = setup();
    session.input("ping 10.0.0.2\r");
    runs[0]!.answer({ stdout: "seq=1\n", stderr: "", exit: 0, running: true });
    await settle();
    session.input("\x03");
    expect(clock.pending).toHaveLength(0);
    interrupts[0]!({ stdout: "1 packets transmitted, 1 received\n", stderr: "", exit: 0 });
    await settle();
    expect(backend.resume).not.toHaveBeenCalled();
    expect(screen().endsWith("seq=1\r\n^C\r\n1 packets transmitted, 1 received\r\n$ ")).toBe(true);
  });

  it("holds typing while the lab is busy and shows the prompt once it is idle", async () => {
    const { session, backend, runs, screen } = setup(true);
    expect(screen()).toBe("");
    session.input("\x03");
    expect(backend.interrupt).toHaveBeenCalledTimes(1);
    session.input("ip r\r");
    expect(runs).toHaveLength(0);
    session.setBusy(false);
    expect(runs.map((r) => r.line)).toEqual(["ip r"]);
    expect(screen()).toBe("^C\r\n$ ip r\r\n");
  });

  it("types a lesson's command over whatever was on the line and runs it", async () => {
    const { session, runs } = setup();
    session.input("half-typed");
    session.type("ip netns exec ns1 ping -c 1 10.0.0.2");
    expect(runs.map((r) => r.line)).toEqual(["ip netns exec ns1 ping -c 1 10.0.0.2"]);
  });

  it("completes with Tab and lists on the second Tab", async () => {
    const { session, screen } = setup();
    session.input("ping ns\t");
    await settle();
    expect(screen().endsWith("\x07")).toBe(true);
    session.input("\t");
    await settle();
    expect(screen().endsWith("\r\nns1  ns2\r\n$ ping ns")).toBe(true);
  });
});
