/**
 * A fact: one thing a run of a lab script showed that must be the same on the
 * simulator and on the real kernel — an exit status, a packet count, a route's
 * device, a neighbour's state, an error message — with the volatile parts
 * (timings, random MACs, interface indexes) already removed.
 */
export interface Fact {
  /** Script line of the step the fact comes from. */
  line: number;
  /** The step's command, as the transcript records it. */
  cmd: string;
  /** What the fact is about, unique within its step: "exit", "ping received", "link veth-red"… */
  subject: string;
  value: string;
}

/** A fact not yet tied to its step. */
export type StepFact = readonly [subject: string, value: string];

/** What every extractor may need beyond the text it reads. */
export interface NormalizeContext {
  /** MAC addresses the script itself wrote (lower case): these are facts, not noise. */
  scriptMacs: ReadonlySet<string>;
}

/** Reads one program's output into facts. */
export type FactExtractor = (output: string, context: NormalizeContext) => StepFact[];
