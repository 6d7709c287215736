/**
 * A transcript reduced to the facts a parity test compares (shared
 * ARCHITECTURE.md, "The transcript"; KERNEL-PARITY-NOTES.md, "Normalize before
 * comparing"): per step its exit status, what its stdout says — read by the
 * extractor of the program that printed it — and its stderr lines. A
 * background step adds its job's exit status, output and whether it was
 * killed at the end. Timings never become facts.
 */
import type { Transcript, TranscriptStep } from "../sim/shell/transcript";
import { bridgeFdbFacts, bridgeLinkFacts } from "./facts/bridge-facts";
import type { Fact, FactExtractor, NormalizeContext, StepFact } from "./facts/fact";
import { briefAddrFacts, briefLinkFacts } from "./facts/ip-brief-facts";
import { conntrackFacts } from "./facts/conntrack-facts";
import { ipDeviceFacts } from "./facts/ip-device-facts";
import { iptablesFacts } from "./facts/iptables-facts";
import { ipNeighFacts } from "./facts/ip-neigh-facts";
import { ipRouteFacts } from "./facts/ip-route-facts";
import { ncStderrFacts } from "./facts/nc-facts";
import { netstatFacts } from "./facts/netstat-facts";
import { macsIn } from "./facts/normalize";
import { outputKind, type OutputKind } from "./facts/output-kind";
import { pingFacts } from "./facts/ping-facts";
import { routeGetFacts } from "./facts/route-get-facts";
import { ssFacts } from "./facts/ss-facts";
import { tracerouteFacts } from "./facts/traceroute-facts";
import { stderrFacts, verbatimFacts } from "./facts/verbatim-facts";

export type { Fact } from "./facts/fact";

const EXTRACTORS: Record<OutputKind, FactExtractor> = {
  ping: pingFacts,
  traceroute: tracerouteFacts,
  "route-get": routeGetFacts,
  "ip-brief-addr": briefAddrFacts,
  "ip-brief-link": briefLinkFacts,
  "ip-device": ipDeviceFacts,
  "ip-route": ipRouteFacts,
  "ip-neigh": ipNeighFacts,
  "bridge-fdb": bridgeFdbFacts,
  "bridge-link": bridgeLinkFacts,
  iptables: iptablesFacts,
  conntrack: conntrackFacts,
  ss: ssFacts,
  netstat: netstatFacts,
  nc: verbatimFacts,
  verbatim: verbatimFacts,
};

/** Programs whose stderr needs more than the common scrubbing. */
const STDERR_EXTRACTORS: Partial<Record<OutputKind, FactExtractor>> = {
  nc: ncStderrFacts,
};

function outputFacts(step: TranscriptStep, stdout: string, stderr: string, context: NormalizeContext): StepFact[] {
  const kind = outputKind(step.cmd);
  return [...EXTRACTORS[kind](stdout, context), ...(STDERR_EXTRACTORS[kind] ?? stderrFacts)(stderr, context)];
}

function stepFacts(step: TranscriptStep, context: NormalizeContext): StepFact[] {
  const facts: StepFact[] = [["exit", String(step.exit)], ...outputFacts(step, step.stdout, step.stderr, context)];
  if (step.background) {
    facts.push(["bg exit", step.bg_exit === undefined ? "(still running)" : String(step.bg_exit)]);
    if (step.bg_killed_at_end) facts.push(["bg killed at end", "yes"]);
    for (const [subject, value] of outputFacts(step, step.bg_stdout ?? "", step.bg_stderr ?? "", context)) facts.push([`bg ${subject}`, value]);
  }
  return facts;
}

/** Makes subjects unique within a step: a repeated subject gets " #2", " #3"… */
function uniqueSubjects(facts: readonly StepFact[]): StepFact[] {
  const seen = new Map<string, number>();
  return facts.map(([subject, value]) => {
    const n = (seen.get(subject) ?? 0) + 1;
    seen.set(subject, n);
    return [n === 1 ? subject : `${subject} #${n}`, value];
  });
}

export function extractFacts(transcript: Transcript): Fact[] {
  const context: NormalizeContext = { scriptMacs: macsIn(transcript.steps.map((s) => s.cmd)) };
  return transcript.steps.flatMap((step) =>
    uniqueSubjects(stepFacts(step, context)).map(([subject, value]): Fact => ({ line: step.line, cmd: step.cmd, subject, value })),
  );
}
