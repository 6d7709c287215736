export { PacketInspector } from "./PacketInspector";
export type { PacketInspectorProps } from "./PacketInspector";
