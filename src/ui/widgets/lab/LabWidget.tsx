/**
 * The lab bench (shared DESIGN.md): topology with packet flow on the left,
 * the inspector and event log on the right, playback controls below, a
 * terminal per host at the bottom. It opens the lesson's script in the
 * simulator, and plays the events each typed command causes. All networking
 * happens in the simulator; this only shows what it reports.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ComponentType, CSSProperties } from "react";
import { useSimApi } from "../../sim/sim-context";
import { optionalIntegerParam, stringParam, useUrlState } from "../../hooks/use-url-state";
import { EventLog } from "./EventLog";
import { HostTables } from "./HostTables";
import { PacketInspector, type PacketInspectorProps } from "./inspector";
import { LabTerminal, type LabTerminalApi, type LabTerminalProps } from "./terminal";
import { PlaybackControls } from "./PlaybackControls";
import { TopologyView } from "./TopologyView";
import { splitLabScript } from "./lab-script";
import { decodeSession, encodeSession } from "./permalink-codec";
import { promptFor } from "./prompt-for";
import { RunButtons } from "./run-buttons";
import { LAB_ATTRIBUTE } from "./run-buttons-rule";
import { useLabSession } from "./use-lab-session";
import { useInspectedFrame } from "./use-inspected-frame";
import { useLabStateAt } from "./use-lab-state-at";
import { usePlayback } from "./use-playback";
import { useReducedMotion } from "./use-reduced-motion";
import { useTopologyLayout } from "./use-topology-layout";
import { ChallengeCheck } from "./ChallengeCheck";
import styles from "./LabWidget.module.css";

// Only labs that draw a host's netfilter path download the view.
const LabNetfilterView = lazy(() => import("../netfilter-view/LabNetfilterView").then((m) => ({ default: m.LabNetfilterView })));

export interface LabWidgetProps {
  /** The script as the lesson wrote it, `#!hidden ` lines included. */
  scriptText: string;
  title?: string;
  /** Topology height in CSS pixels (beside the inspector, at least MIN_BENCH_HEIGHT). */
  height?: number;
  /** Terminal tabs; by default root and every namespace. */
  hosts?: readonly string[];
  /** Names this lab's parameters in the URL (`lab-1.at`, `lab-1.s`). */
  id?: string;
  /** The terminal a host tab shows: LabTerminal (xterm) unless a test or an embed asks for another. */
  Terminal?: ComponentType<LabTerminalProps>;
  /** The bytes view of the selected event. */
  Inspector?: ComponentType<PacketInspectorProps>;
  /** A host ("root" or a namespace) whose netfilter path is drawn below the bench. */
  netfilter?: string;
  /** A challenge's check (the lesson's ```check block): adds "Check my solution" under the terminals. */
  check?: string;
}

interface LinkState {
  at: number | null;
  s: string;
}

/**
 * The bench (topology beside inspector and log) is never shorter than this,
 * px: the side column scrolls within it, so selecting a frame never makes the
 * lab taller and never pushes the terminals below it out of sight.
 */
export const MIN_BENCH_HEIGHT = 520;

/** The topology's height, set per layout in LabWidget.module.css. */
const STAGE_HEIGHT = "var(--lab-stage-height)";

const LINK_DEFAULTS: LinkState = { at: null, s: "" };
const LINK_CODECS = { at: optionalIntegerParam(0, 10_000_000), s: stringParam };

export function LabWidget({ scriptText, title, height = 480, hosts: tabHosts, id = "lab", Terminal = LabTerminal, Inspector = PacketInspector, netfilter, check }: LabWidgetProps) {
  const api = useSimApi();
  const lab = useMemo(() => splitLabScript(scriptText), [scriptText]);
  const [link, setLink, linkHref] = useUrlState<LinkState>(id, LINK_DEFAULTS, LINK_CODECS);
  const [linked] = useState(() => (link.s !== "" ? decodeSession(link.s) : undefined));
  const reducedMotion = useReducedMotion();
  const playFromRef = useRef<(position: number) => void>(() => undefined);
  const session = useLabSession(api, lab, linked, (first) => playFromRef.current(first));
  const { events } = session;
  const playback = usePlayback(events, -1, reducedMotion);
  useEffect(() => {
    playFromRef.current = playback.playFrom;
  });

  // Once open, start at the linked event, or at the latest one.
  const opened = session.status.kind === "open";
  const [started, setStarted] = useState(false);
  if (opened && !started) {
    setStarted(true);
    const wanted = link.at ?? events.length - 1;
    playback.seek(Math.min(wanted, events.length - 1));
  }

  const position = playback.head.position;
  const current = events[position];
  const atEnd = position >= events.length - 1;
  const labId = session.status.kind === "open" ? session.status.labId : null;
  const state = useLabStateAt(
    api,
    labId === null ? null : { labId, event: atEnd || !current ? null : current.index, version: session.version },
  );
  const { layout, move } = useTopologyLayout(state?.topology ?? null);

  const drops = useMemo(
    () => (current ? events.slice(0, position + 1).filter((e) => e.drop && e.step === current.step) : []),
    [events, position, current],
  );

  const [tab, setTab] = useState<string | null>(null);
  const hosts = tabHosts && tabHosts.length > 0 ? tabHosts : session.hosts;
  const activeTab = tab !== null && hosts.includes(tab) ? tab : (hosts[0] ?? "root");

  const [fullScreen, setFullScreen] = useState(false);
  const root = useRef<HTMLElement>(null);
  // The stage is the author's height on a phone, where the lab stacks, and the bench's beside the side column.
  const benchStyle = { "--lab-height": `${height}px`, "--lab-bench-height": `${Math.max(height, MIN_BENCH_HEIGHT)}px` } as CSSProperties;
  useEffect(() => {
    if (!fullScreen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setFullScreen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [fullScreen]);

  const [copied, setCopied] = useState<string>("");
  const copyLink = useCallback(async () => {
    if (labId === null) return;
    const permalink = await api.labPermalink(labId);
    setLink({ at: position >= 0 ? position : null, s: permalink.actions.length > 0 ? encodeSession(permalink) : "" });
    const href = linkHref();
    try {
      await navigator.clipboard.writeText(href);
      setCopied("Link copied");
    } catch {
      setCopied(`Copy this link: ${href}`);
    }
  }, [api, labId, position, setLink, linkHref]);

  // Run buttons type into a host's terminal; lines clicked before the terminal is ready wait for it.
  const terminals = useRef(new Map<string, LabTerminalApi>());
  const pending = useRef(new Map<string, string[]>());
  const terminalsBox = useRef<HTMLDivElement>(null);
  const terminalReady = useCallback((host: string, terminal: LabTerminalApi) => {
    terminals.current.set(host, terminal);
    for (const line of pending.current.get(host) ?? []) terminal.type(line);
    pending.current.delete(host);
  }, []);
  const runBlock = useCallback(
    (host: string, commands: readonly string[]) => {
      setTab(host);
      const terminal = terminals.current.get(host);
      if (terminal) for (const line of commands) terminal.type(line);
      else pending.current.set(host, [...(pending.current.get(host) ?? []), ...commands]);
      terminalsBox.current?.scrollIntoView({ block: "nearest", behavior: reducedMotion ? "auto" : "smooth" });
    },
    [reducedMotion],
  );

  const selectEvent = useCallback((i: number) => playback.seek(i), [playback]);
  const { selected, previous } = useInspectedFrame(events, position, playback.head.playing);

  return (
    <section ref={root} className={`${styles.lab} ${fullScreen ? styles.fullScreen : ""}`} aria-label={title ?? "Lab"} data-testid="lab" {...{ [LAB_ATTRIBUTE]: "" }}>
      <header className={styles.header}>
        <h3 className={styles.title}>{title ?? "Lab"}</h3>
        <button type="button" className={styles.button} onClick={() => setFullScreen(!fullScreen)} aria-pressed={fullScreen}>
          {fullScreen ? "Exit full screen (Esc)" : "Full screen"}
        </button>
      </header>
      {session.status.kind === "failed" && (
        <p role="alert" className={styles.problem}>
          The lab could not start: {session.status.message}
        </p>
      )}
      <div className={styles.bench} style={benchStyle}>
        <div className={styles.topology}>
          {state ? (
            <TopologyView
              topology={state.topology}
              layout={layout}
              height={STAGE_HEIGHT}
              current={current}
              progress={playback.progress}
              drops={drops}
              onMove={move}
            />
          ) : (
            <div className={styles.loading} style={{ height: STAGE_HEIGHT }}>
              Starting the lab…
            </div>
          )}
        </div>
        <div className={styles.side}>
          <div className={styles.inspector} role="region" aria-label="Inspector">
            <h4 className={styles.sideHeading}>Inspector</h4>
            <div className={styles.inspectorBody}>
              {selected?.bytes ? (
                <Inspector
                  bytes={selected.bytes}
                  {...(selected.format !== undefined ? { format: selected.format } : {})}
                  {...(previous?.bytes ? { previous: { bytes: previous.bytes, ...(previous.format !== undefined ? { format: previous.format } : {}) } } : {})}
                />
              ) : (
                <p className={styles.hint}>Select a frame in the log to see its bytes.</p>
              )}
            </div>
          </div>
          <EventLog events={events} position={position} onSelect={selectEvent} />
          {state && (
            <details className={styles.tables}>
              <summary>Routes, neighbours and FDB {atEnd ? "now" : `after event ${position + 1}`}</summary>
              <HostTables hosts={state.hosts} />
            </details>
          )}
        </div>
      </div>
      <PlaybackControls
        position={position}
        total={events.length}
        playing={playback.head.playing}
        speed={playback.speed}
        onPlay={playback.play}
        onSeek={playback.seek}
        onSpeed={playback.setSpeed}
      >
        <button type="button" className={styles.button} onClick={() => void copyLink()} disabled={labId === null}>
          Copy link to this step
        </button>
        <span role="status" className={styles.copied}>
          {copied}
        </span>
      </PlaybackControls>
      {netfilter !== undefined && (
        <Suspense fallback={null}>
          <LabNetfilterView api={api} labId={labId} host={netfilter} event={current?.index ?? null} state={state} events={events} version={session.version} />
        </Suspense>
      )}
      <div ref={terminalsBox} className={styles.terminals}>
        <div role="tablist" aria-label="Terminals" className={styles.tabs}>
          {hosts.map((host) => (
            <button
              key={host}
              type="button"
              role="tab"
              aria-selected={host === activeTab}
              className={styles.tab}
              onClick={() => setTab(host)}
            >
              {host}
            </button>
          ))}
        </div>
        {hosts.map((host) => (
          <div key={host} role="tabpanel" aria-label={`${host} terminal`} hidden={host !== activeTab}>
            <Terminal
              host={host}
              prompt={promptFor(host)}
              run={(line) => session.run(host, line)}
              complete={(partial) => session.complete(host, partial)}
              resume={() => session.resume(host)}
              interrupt={() => session.interrupt(host)}
              busy={session.busy.has(host)}
              onReady={(terminal) => terminalReady(host, terminal)}
            />
          </div>
        ))}
      </div>
      {check !== undefined && <ChallengeCheck api={api} labId={labId} check={check} challengeId={id} />}
      <RunButtons lab={root} hosts={hosts} ready={opened} onRun={runBlock} />
    </section>
  );
}
