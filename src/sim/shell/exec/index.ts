// Running lab scripts: the executor, the command contract and registry, the built-in commands. Re-exports only.
export type { ChildProcess, Command, CommandContext, CommandRun, SpawnOptions } from "./command";
export { CommandRegistry, KNOWN_UNMODELLED } from "./registry";
export type { RegistryOptions } from "./default-registry";
export { defaultRegistry } from "./default-registry";
export type { RunOptions, ScriptRun, SessionEvent } from "./run-script";
export { runLabScript } from "./run-script";
export { withNetnsExec } from "./builtins/netns-exec";
export type { Sink } from "./output";
