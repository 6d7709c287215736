/**
 * nc's output: stdout is the data it received, a fact as it is; stderr's
 * -v messages are facts too, except the client port a listener reports
 * ("Connection received on 10.0.0.1 45678"), which the kernel picked at
 * random from the ephemeral range.
 */
import type { FactExtractor } from "./fact";
import { outputLines } from "./normalize";
import { EPHEMERAL, isEphemeralPort } from "./socket-listing-normalize";
import { dropShellOrigin } from "./verbatim-facts";

export const ncStderrFacts: FactExtractor = (output) =>
  outputLines(output).map((line, i) => {
    const text = dropShellOrigin(line).replace(/^(Connection received on \S+) (\d+)$/, (whole, prefix: string, port: string) => (isEphemeralPort(Number(port)) ? `${prefix} ${EPHEMERAL}` : whole));
    return [`stderr line ${i + 1}`, text] as const;
  });
