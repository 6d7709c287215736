/** `true` and `false`: nothing but an exit status. */
import type { Command } from "../command";

export const trueCommand: Command = { name: "true", run: () => 0 };
export const falseCommand: Command = { name: "false", run: () => 1 };
