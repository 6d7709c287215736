export { LabTerminal } from "./LabTerminal";
export type { LabTerminalApi, LabTerminalProps } from "./terminal-props";
