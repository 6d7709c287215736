/** The ip, bridge, sysctl runners over the network model, and the step replayer. Re-exports only. */
export * from "./command-env";
export { runIp, executeIp } from "./run-ip";
export { runBridge, executeBridge } from "./run-bridge";
export { runSysctl, executeSysctl } from "./run-sysctl";
export { worldLookup } from "./world-lookup";
export { replaySteps, runArgv, type ReplayedStep } from "./replay-steps";
export * from "./views-from-model";
export { nsidOf } from "./nsid-table";
