/**
 * The simulation API implemented by calling the core directly. The worker
 * exposes exactly this object; Node tests and the CLI use it in-process, so
 * both run the same code.
 */
import { describeSubnet, planBorrow, planSplits } from "../sim/addr/explorer";
import { netfilterPassAt } from "../sim/shell/exec/lab-netfilter-state-passes";
import { LabSession } from "../sim/shell/exec/lab-session";
import { decodeBytes } from "../sim/wire/decode";
import { diffFrames } from "../sim/wire/frame-diff";
import type { LabId, LabOpenResult, RemoteSimApi, SimApi } from "./api";

/** Open lab sessions by id: each API object (one per worker) has its own. */
class LabRegistry {
  readonly #labs = new Map<LabId, LabSession>();
  #next = 1;

  open(session: LabSession): LabOpenResult {
    const labId = `lab-${this.#next++}`;
    this.#labs.set(labId, session);
    return { labId, ...session.opened() };
  }

  get(labId: LabId): LabSession {
    const session = this.#labs.get(labId);
    if (!session) throw new Error(`no open lab "${labId}" (closed, or the simulator restarted: open it again from its permalink)`);
    return session;
  }

  close(labId: LabId): boolean {
    return this.#labs.delete(labId);
  }
}

export function createSimApi(onCrash: () => void = () => {
  throw new Error("crashForTesting: the simulator was asked to crash");
}): SimApi {
  const labs = new LabRegistry();
  return {
    hello: () => "wirebook-sim",
    describeSubnet,
    planSplits,
    planBorrow,
    crashForTesting: onCrash,
    labOpen: (script, options) =>
      labs.open(LabSession.create({
        script,
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.hiddenSetup !== undefined ? { hiddenSetup: options.hiddenSetup } : {}),
        ...(options.name !== undefined ? { name: options.name } : {}),
      })),
    labOpenPermalink: (permalink) => labs.open(LabSession.fromPermalink(permalink)),
    labRun: (labId, host, line, options = {}) => labs.get(labId).runCommand(host, line, options),
    labResume: (labId, host, budgetMs) => labs.get(labId).resume(host, budgetMs),
    labInterrupt: (labId, host) => labs.get(labId).interrupt(host),
    labEvents: (labId, from, limit) => labs.get(labId).events(from, limit),
    labSteps: (labId) => labs.get(labId).steps(),
    labHosts: (labId) => labs.get(labId).hosts(),
    labState: (labId) => labs.get(labId).state(),
    labStateAt: (labId, eventIndex) => labs.get(labId).stateAt(eventIndex),
    labStateAfterStep: (labId, stepIndex) => labs.get(labId).stateAfterStep(stepIndex),
    labNetfilterPass: (labId, host, eventIndex) => netfilterPassAt(labs.get(labId).world, host, eventIndex),
    labCheck: (labId, check) => labs.get(labId).check(check),
    labComplete: (labId, host, partial) => labs.get(labId).completions(host, partial),
    labPermalink: (labId) => labs.get(labId).permalink(),
    labClose: (labId) => labs.close(labId),
    decodeFrame: (bytes, format = "ethernet") => decodeBytes(bytes, format),
    diffFrames: (a, b, formatA = "ethernet", formatB = formatA) => diffFrames(decodeBytes(a, formatA), decodeBytes(b, formatB)),
  };
}

/** An in-process `RemoteSimApi` for component tests: the real core, no worker. */
export function createInProcessApi(): RemoteSimApi {
  const api = createSimApi();
  return {
    hello: async () => api.hello(),
    describeSubnet: async (input, options) => api.describeSubnet(input, options),
    planSplits: async (root, split, options) => api.planSplits(root, split, options),
    planBorrow: async (network, subnets) => api.planBorrow(network, subnets),
    crashForTesting: async () => api.crashForTesting(),
    labOpen: async (script, options) => api.labOpen(script, options),
    labOpenPermalink: async (permalink) => api.labOpenPermalink(permalink),
    labRun: async (labId, host, line, options) => api.labRun(labId, host, line, options),
    labResume: async (labId, host, budgetMs) => api.labResume(labId, host, budgetMs),
    labInterrupt: async (labId, host) => api.labInterrupt(labId, host),
    labEvents: async (labId, from, limit) => api.labEvents(labId, from, limit),
    labSteps: async (labId) => api.labSteps(labId),
    labHosts: async (labId) => api.labHosts(labId),
    labState: async (labId) => api.labState(labId),
    labStateAt: async (labId, eventIndex) => api.labStateAt(labId, eventIndex),
    labStateAfterStep: async (labId, stepIndex) => api.labStateAfterStep(labId, stepIndex),
    labNetfilterPass: async (labId, host, eventIndex) => api.labNetfilterPass(labId, host, eventIndex),
    labCheck: async (labId, check) => api.labCheck(labId, check),
    labComplete: async (labId, host, partial) => api.labComplete(labId, host, partial),
    labPermalink: async (labId) => api.labPermalink(labId),
    labClose: async (labId) => api.labClose(labId),
    decodeFrame: async (bytes, format) => api.decodeFrame(bytes, format),
    diffFrames: async (a, b, formatA, formatB) => api.diffFrames(a, b, formatA, formatB),
  };
}
