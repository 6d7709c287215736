/**
 * Facts from `traceroute -n`: the target line, and per hop the answer to each
 * probe — the address that sent the ICMP error (Time Exceeded from a router,
 * RFC 792; Port Unreachable from the target), a `!H`/`!N`/`!X`… annotation
 * when the error was an unreachable, or `*` for silence. Round-trip times are
 * dropped.
 */
import type { FactExtractor, StepFact } from "./fact";
import { outputLines } from "./normalize";
import { verbatimFacts } from "./verbatim-facts";

const TARGET = /^traceroute to (.+)$/;
const HOP = /^\s*(\d+)\s+(.*)$/;

/** " 10.0.1.1  0.2 ms  0.1 ms !H  *" → "10.0.1.1, 10.0.1.1 !H, *" */
function probes(text: string): string {
  const answers: string[] = [];
  let from = "";
  const words = text.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === "*") answers.push("*");
    else if (/^\d+(\.\d+)?$/.test(word) && words[i + 1] === "ms") {
      answers.push(from);
      i++;
    } else if (word.startsWith("!")) answers[answers.length - 1] += ` ${word}`;
    else from = word;
  }
  return answers.join(", ");
}

export const tracerouteFacts: FactExtractor = (output, context) => {
  const facts: StepFact[] = [];
  const rest: string[] = [];
  for (const line of outputLines(output)) {
    const target = TARGET.exec(line);
    const hop = HOP.exec(line);
    if (target) facts.push(["traceroute to", target[1]!]);
    else if (hop) facts.push([`hop ${hop[1]}`, probes(hop[2]!)]);
    else rest.push(line);
  }
  return [...facts, ...verbatimFacts(rest.join("\n"), context)];
};
