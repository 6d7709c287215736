export { NetfilterView } from "./NetfilterView";
export type { NetfilterViewProps } from "./NetfilterView";
export { LabNetfilterView } from "./LabNetfilterView";
export type { LabNetfilterViewProps } from "./LabNetfilterView";
