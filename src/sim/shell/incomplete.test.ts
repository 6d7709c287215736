import { describe, expect, it } from "vitest";
import { isIncomplete } from "./incomplete";

/**
 * Recorded from bash 5.2.15 (Debian 12): each text was piped into
 * `env PS1='[P1]' PS2='[P2]' bash --norc --noprofile -i`, and the prompt bash
 * printed after reading the last line was noted: `[P2]` means it wanted more.
 */
const RECORDED: [text: string, incomplete: boolean][] = [
  ["echo a", false],
  ["echo \"a", true],
  ["echo 'a", true],
  ["echo \"a\nb\"", false],
  ["echo 'a\nb", true],
  ["echo a |", true],
  ["echo a &&", true],
  ["echo a ||", true],
  ["echo a &", false],
  ["echo a ;", false],
  ["echo a \\", true],
  ["echo a \\\\", false],
  ["echo 'a \\", true],
  ["echo \"a \\", true],
  ["echo a # \\", false],
  ["cat <<EOF", true],
  ["cat <<EOF\nx", true],
  ["cat <<EOF\nx\nEOF", false],
  ["cat <<'EOF'\n$x\nEOF", false],
  ["cat <<-EOF\n\tx\n\tEOF", false],
  ["cat <<EOF | grep x", true],
  ["cat <<EOF |\nx\nEOF", true],
  ["cat <<EOF |\nx\nEOF\ngrep x", false],
  ["echo $(ls", true],
  ["echo $(ls)", false],
  ["echo `ls", true],
  ["echo ${x", true],
  ["echo ${x}", false],
  ["echo a; | b", false],
  ["echo a >", false],
  ["echo a |\n| b", false],
  ["echo a |\n\n", true],
  ["echo a &&\n# c", true],
  ["echo a\\\nb", false],
  ["echo $'a", true],
  ["echo $'a\\'b'", false],
  ["echo \"a\\\"", true],
  ["echo a\\ b", false],
  ["echo a | \\", true],
  ["|", false],
  ["", false],
  ["# only comment", false],
  ["cat <<A <<B\nx\nA", true],
  ["cat <<A <<B\nx\nA\ny\nB", false],
  ["echo \"$(echo \")\"", true],
  ["echo \"${x", true],
  ["echo \")", true],
  ["echo a &&\\\n", true],
  ["ip link add \\\n veth0 \\", true],
];

describe("isIncomplete", () => {
  it.each(RECORDED)("%j → %s", (text, incomplete) => {
    expect(isIncomplete(text)).toBe(incomplete);
  });
});
