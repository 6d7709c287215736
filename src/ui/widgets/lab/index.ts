export { LabWidget } from "./LabWidget";
export type { LabWidgetProps } from "./LabWidget";
export { LabFromLesson } from "./LabFromLesson";
