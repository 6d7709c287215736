/**
 * The netfilter view inside a lab: the lab passes what it already has (the
 * state at the playhead, the event log) and this asks the simulator for the
 * packet the host's hooks saw at the playhead.
 */
import type { EventWords } from "../../../sim/shell/exec/event-words";
import type { LabState } from "../../../sim/shell/exec/lab-session-types";
import type { LabId, RemoteSimApi } from "../../../worker/api";
import { NetfilterView } from "./NetfilterView";
import { useNetfilterPass } from "./use-netfilter-pass";

export interface LabNetfilterViewProps {
  readonly api: RemoteSimApi;
  readonly labId: LabId | null;
  /** "root" or a namespace. */
  readonly host: string;
  /** The trace event at the playhead (null before the first). */
  readonly event: number | null;
  /** The lab's state at the playhead. */
  readonly state: LabState | null;
  readonly events: readonly EventWords[];
  /** The session's version, which changes as commands add events. */
  readonly version: number;
}

export function LabNetfilterView({ api, labId, host, event, state, events, version }: LabNetfilterViewProps) {
  const pass = useNetfilterPass(api, labId === null ? null : { labId, host, event, version });
  const tables = state?.hosts.find((candidate) => candidate.host === host);
  const dropWords = pass?.outcome.kind === "dropped" ? events[pass.outcome.event]?.drop?.words : undefined;
  return (
    <NetfilterView
      host={host}
      snapshot={tables?.netfilter ?? null}
      pass={pass}
      missing={state !== null && tables === undefined}
      {...(dropWords !== undefined ? { dropWords } : {})}
    />
  );
}
