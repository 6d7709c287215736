export { SubnetExplorer } from "./SubnetExplorer";
export type { SubnetExplorerProps } from "./explorer-state";
