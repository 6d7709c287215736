/**
 * One lab session in the simulator: opened from the lesson's script (or from
 * a linked session), with every event so far in plain words, and the calls a
 * terminal makes. Views only show what this returns.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { EventWords } from "../../../sim/shell/exec/event-words";
import type { LabActionResult, LabCompletion, LabStep } from "../../../sim/shell/exec/lab-session-types";
import type { LabId, RemoteSimApi } from "../../../worker/api";
import type { LabScript } from "./lab-script";
import { permalinkFor, type LinkedSession } from "./permalink-codec";

/** The script's name in bash's messages. */
export const LAB_SCRIPT_NAME = "lab.lab";
/**
 * Virtual time a typed command runs per call. One that takes longer (ping
 * without -c, nc -l) comes back "running" with what it printed so far; the
 * terminal asks for the next slice a second later, so it streams.
 */
export const TERMINAL_SLICE_MS = 1_000;

/** A command's output since the last outcome for it (the terminal prints it as it comes). */
export interface RunOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
  readonly incomplete?: boolean;
  /** Still running: `resume` gives the next slice, `interrupt` stops it. */
  readonly running?: boolean;
}

export type SessionStatus = { kind: "opening" } | { kind: "open"; labId: LabId } | { kind: "failed"; message: string };

export interface LabSessionView {
  readonly status: SessionStatus;
  readonly events: readonly EventWords[];
  /** Terminal tabs the session has: "root" then the namespaces. */
  readonly hosts: readonly string[];
  /** Bumped whenever the world may have changed without new events (a command ran). */
  readonly version: number;
  /** Hosts whose command is still running. */
  readonly busy: ReadonlySet<string>;
  run(host: string, line: string): Promise<RunOutcome>;
  resume(host: string): Promise<RunOutcome>;
  complete(host: string, partial: string): Promise<LabCompletion>;
  /** Ctrl-C: what the command printed as it stopped (undefined if nothing ran). */
  interrupt(host: string): Promise<RunOutcome | undefined>;
}

/** How much of a step's output its terminal has shown. */
interface Shown {
  readonly step: number;
  readonly stdout: number;
  readonly stderr: number;
}

/** The part of the step's output not shown yet, and remember it as shown. */
function newOutput(shown: Map<string, Shown>, step: LabStep): RunOutcome {
  const before = shown.get(step.host);
  const from = before?.step === step.index ? before : { stdout: 0, stderr: 0 };
  shown.set(step.host, { step: step.index, stdout: step.stdout.length, stderr: step.stderr.length });
  return {
    stdout: step.stdout.slice(from.stdout),
    stderr: step.stderr.slice(from.stderr),
    exit: step.exit ?? 0,
    ...(step.status === "running" ? { running: true } : {}),
  };
}

async function loadEvents(api: RemoteSimApi, labId: LabId, from: number): Promise<EventWords[]> {
  const events: EventWords[] = [];
  let next = from;
  for (;;) {
    const batch = await api.labEvents(labId, next, 500);
    events.push(...batch.events);
    if (batch.events.length === 0 || batch.next >= batch.total) return events;
    next = batch.next;
  }
}

/**
 * `onNewEvents(firstIndex)` is called after a command adds events, with the
 * list position of the first new one, so the view can play them.
 */
export function useLabSession(
  api: RemoteSimApi,
  lab: LabScript,
  linked: LinkedSession | undefined,
  onNewEvents: (first: number) => void,
): LabSessionView {
  const [status, setStatus] = useState<SessionStatus>({ kind: "opening" });
  const [events, setEvents] = useState<readonly EventWords[]>([]);
  const [hosts, setHosts] = useState<readonly string[]>([]);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const labIdRef = useRef<LabId | null>(null);
  const eventCount = useRef(0);
  /** Per terminal: how much of its current step's output it has shown. */
  const shown = useRef(new Map<string, Shown>());
  const notify = useRef(onNewEvents);
  useEffect(() => {
    notify.current = onNewEvents;
  });
  // The session is opened once per script; a linked session only matters on arrival.
  const linkedAtOpen = useRef(linked);

  useEffect(() => {
    let live = true;
    let opened: LabId | null = null;
    const open = async () => {
      const from = linkedAtOpen.current;
      const result = from
        ? await api.labOpenPermalink(permalinkFor(lab, LAB_SCRIPT_NAME, from))
        : await api.labOpen(lab.script, { name: LAB_SCRIPT_NAME, ...(lab.hiddenSetup !== "" ? { hiddenSetup: lab.hiddenSetup } : {}) });
      opened = result.labId;
      const all = await loadEvents(api, result.labId, 0);
      if (!live) return;
      labIdRef.current = result.labId;
      eventCount.current = all.length;
      setEvents(all);
      setHosts(result.hosts);
      setStatus({ kind: "open", labId: result.labId });
    };
    open().catch((error: unknown) => {
      if (live) setStatus({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      live = false;
      if (opened !== null) void api.labClose(opened).catch(() => false);
      labIdRef.current = null;
    };
  }, [api, lab]);

  const setHostBusy = useCallback((host: string, running: boolean) => {
    setBusy((previous) => {
      const next = new Set(previous);
      if (running) next.add(host);
      else next.delete(host);
      return next;
    });
  }, []);

  /** After any call that drove the session: fetch the new events, hosts, and say what changed. */
  const absorb = useCallback(
    async (labId: LabId, result: LabActionResult) => {
      const fresh = result.events.to > eventCount.current ? await loadEvents(api, labId, eventCount.current) : [];
      const first = eventCount.current;
      eventCount.current += fresh.length;
      if (fresh.length > 0) setEvents((previous) => [...previous, ...fresh]);
      setHosts(await api.labHosts(labId));
      setVersion((v) => v + 1);
      setHostBusy(result.step.host, result.step.status === "running");
      if (fresh.length > 0) notify.current(first);
    },
    [api, setHostBusy],
  );

  const run = useCallback(
    async (host: string, line: string): Promise<RunOutcome> => {
      const labId = labIdRef.current;
      if (labId === null) return { stdout: "", stderr: "The lab is not open yet.\n", exit: 1 };
      setHostBusy(host, true);
      const result = await api.labRun(labId, host, line, { budgetMs: TERMINAL_SLICE_MS });
      if ("incomplete" in result) {
        setHostBusy(host, false);
        return { stdout: "", stderr: "", exit: 0, incomplete: true };
      }
      await absorb(labId, result);
      return newOutput(shown.current, result.step);
    },
    [api, absorb, setHostBusy],
  );

  const resume = useCallback(
    async (host: string): Promise<RunOutcome> => {
      const labId = labIdRef.current;
      if (labId === null) return { stdout: "", stderr: "", exit: 0 };
      const result = await api.labResume(labId, host, TERMINAL_SLICE_MS);
      await absorb(labId, result);
      return newOutput(shown.current, result.step);
    },
    [api, absorb],
  );

  const complete = useCallback(
    async (host: string, partial: string): Promise<LabCompletion> => {
      const labId = labIdRef.current;
      return labId === null ? { from: partial.length, candidates: [], common: "" } : api.labComplete(labId, host, partial);
    },
    [api],
  );

  const interrupt = useCallback(
    async (host: string): Promise<RunOutcome | undefined> => {
      const labId = labIdRef.current;
      if (labId === null) return undefined;
      const result = await api.labInterrupt(labId, host);
      await absorb(labId, result);
      return newOutput(shown.current, result.step);
    },
    [api, absorb],
  );

  return { status, events, hosts, version, busy, run, resume, complete, interrupt };
}
