/**
 * Time-travel benchmark. While a lab plays, the widget asks the worker for the
 * world at the playhead (use-lab-state-at.ts); the worker replays the action
 * that emitted that event and takes a state at each of its events
 * (lab-session.ts, with followStates as here), so the cost of a state per event decides whether the
 * worker keeps up. Measured on the lab `npm run bench:ui` animates: 50 hosts
 * on five bridges and a router, and one command whose five pings emit ~5,700
 * events. The same action replayed taking no state (the simulation alone) is
 * the baseline, measured in the same run: the ratio is what states cost.
 */
import { defaultRegistry } from "../sim/shell/exec/default-registry";
import { LabMachine, scriptActions } from "../sim/shell/exec/lab-session-machine";
import { followStates } from "../sim/shell/exec/lab-session-state";
import type { LabState } from "../sim/shell/exec/lab-session-types";
import { World } from "../sim/world";
import { manyHostsSetup, manyPingsCommand } from "./ui/many-hosts-lab";
import type { BenchReport } from "./report";

const RUNS = 5;

/** A machine with the big lab built, ready to run the pings once: with a state taken at each event, or none. */
export function pingStormReplay(takeStates: boolean): { run(): { events: number; states: readonly LabState[] } } {
  const world = new World({ seed: 1 });
  const machine = new LabMachine(world, defaultRegistry(), "lab.lab");
  for (const action of scriptActions(manyHostsSetup().join("\n"), "script")) machine.apply(action);
  return {
    run() {
      const from = world.trace.length;
      const states: LabState[] = [];
      const followed = takeStates ? followStates(world, machine.watch, (_, state) => states.push(state)) : undefined;
      machine.apply({ kind: "run", host: "root", line: manyPingsCommand(), budgetMs: 10_000 });
      followed?.stop();
      return { events: world.trace.length - from, states };
    },
  };
}

/** The median of RUNS timed runs, each on a freshly built machine; ms and the events of one run. */
function measure(takeStates: boolean): { ms: number; events: number } {
  const times: number[] = [];
  let events = 0;
  for (let i = 0; i < RUNS; i++) {
    const replay = pingStormReplay(takeStates);
    const start = performance.now();
    events = replay.run().events;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, events };
}

export async function runTimeTravelBench(): Promise<BenchReport> {
  const plain = measure(false);
  const withStates = measure(true);
  const perSecond = (m: { ms: number; events: number }) => (m.events * 1000) / m.ms;
  return {
    name: "time travel",
    rows: [{ case: `events/s replayed, a state taken at each (${plain.events.toLocaleString("en-US")}-event action, 50 hosts)`, ours: perSecond(withStates), theirs: { "same replay, no states": perSecond(plain) } }],
    notes: [
      `one replay of the action: ${withStates.ms.toFixed(0)} ms with a state at every event, ${plain.ms.toFixed(0)} ms without (median of ${RUNS})`,
    ],
  };
}
