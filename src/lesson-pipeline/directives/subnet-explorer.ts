/**
 * `::subnet-explorer{cidr="10.0.0.0/16" cloud borrow=4 split="10.0.0.0/17"}`:
 * the interactive subnet calculator. Addresses are checked at lesson-check time
 * with the same parser the widget uses (src/sim/addr), so a typo in a lesson
 * fails the check instead of showing an error to a student.
 */
import { parseAddressInput } from "../../sim/addr";
import { defineDirective } from "./directive-spec";

/** What is wrong with an address as the widget would read it, or null. */
function addressProblem(text: string): string | null {
  const checked = parseAddressInput(text);
  if (checked.ok) return null;
  const { message, hint } = checked.problem;
  return hint ? `${message} ${hint}` : message;
}

function splitListProblem(text: string): string | null {
  const blocks = text.split(",").map((block) => block.trim());
  if (blocks.some((block) => block === "")) return `lists CIDR blocks separated by commas, e.g. "10.0.0.0/17, 10.0.128.0/18"`;
  for (const block of blocks) {
    const problem = addressProblem(block);
    if (problem !== null) return `"${block}": ${problem}`;
  }
  return null;
}

export const subnetExplorer = defineDirective({
  name: "subnet-explorer",
  kind: "leaf",
  description: "An interactive subnet calculator: type an address and prefix, see the network, mask, host range and bits; split a block into subnets.",
  attributes: {
    cidr: {
      type: "string",
      default: "10.0.0.0/16",
      description: 'The block the explorer starts with, e.g. "192.168.1.0/24" or "2001:db8::/48".',
      validate: addressProblem,
    },
    cloud: {
      type: "boolean",
      description: "Cloud mode: reserve the five addresses AWS takes in every subnet.",
    },
    borrow: {
      type: "number",
      integer: true,
      min: 2,
      description: 'Opens the "N subnets" helper asking for this many subnets.',
    },
    split: {
      type: "string",
      description: 'Comma-separated CIDR blocks that start split in halves, e.g. "10.0.0.0/16, 10.0.0.0/17".',
      validate: splitListProblem,
    },
    id: {
      type: "string",
      description: "A stable name for this widget, for deep links and saved state.",
    },
  },
  build: (context) => context.widget(),
});
