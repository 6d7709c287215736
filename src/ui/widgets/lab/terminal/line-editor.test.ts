import { describe, expect, it } from "vitest";
import { parseKeys } from "./key-input";
import { applyCompletion, createEditor, press, type EditorStep, type EditorState } from "./line-editor";

/** Feeds raw terminal data through the editor, collecting output and actions. */
function feed(state: EditorState, data: string): { state: EditorState; output: string; actions: EditorStep["action"][] } {
  let output = "";
  const actions: EditorStep["action"][] = [];
  for (const key of parseKeys(data)) {
    const step = press(state, key);
    state = step.state;
    output += step.output;
    if (step.action) actions.push(step.action);
  }
  return { state, output, actions };
}

const LEFT = "\x1b[D";
const RIGHT = "\x1b[C";
const UP = "\x1b[A";
const DOWN = "\x1b[B";

describe("line editing", () => {
  it("inserts at the cursor after moving left, and deletes either side", () => {
    let { state } = feed(createEditor("$ "), "pig" + LEFT + "n");
    expect(state.buffer).toBe("ping");
    expect(state.cursor).toBe(3);
    ({ state } = feed(state, "\x7f"));
    expect([state.buffer, state.cursor]).toEqual(["pig", 2]);
    ({ state } = feed(state, "\x1b[3~"));
    expect([state.buffer, state.cursor]).toEqual(["pi", 2]);
    ({ state } = feed(state, LEFT + LEFT + RIGHT));
    expect(state.cursor).toBe(1);
  });

  it("goes home and end with Ctrl-A/Ctrl-E and the Home/End keys", () => {
    let { state } = feed(createEditor("$ "), "ip route\x01");
    expect(state.cursor).toBe(0);
    ({ state } = feed(state, "\x05"));
    expect(state.cursor).toBe(8);
    ({ state } = feed(state, "\x1b[H"));
    expect(state.cursor).toBe(0);
    ({ state } = feed(state, "\x1bOF"));
    expect(state.cursor).toBe(8);
  });

  it("kills to the start, to the end and the word before, and yanks the last kill back", () => {
    const typed = feed(createEditor("$ "), "ip addr add 10.0.0.1/24 dev eth0");
    let { state } = feed(typed.state, "\x17");
    expect(state.buffer).toBe("ip addr add 10.0.0.1/24 dev ");
    ({ state } = feed(state, "\x17"));
    expect(state.buffer).toBe("ip addr add 10.0.0.1/24 ");
    ({ state } = feed(state, "\x17"));
    expect(state.buffer).toBe("ip addr add ");
    ({ state } = feed(state, "\x19"));
    expect(state.buffer).toBe("ip addr add 10.0.0.1/24 ");
    ({ state } = feed(state, "\x01\x1b[C\x1b[C\x0b"));
    expect(state.buffer).toBe("ip");
    ({ state } = feed(state, " link\x1b[D\x1b[D\x15"));
    expect([state.buffer, state.cursor]).toEqual(["nk", 0]);
  });

  it("redraws a line edited in the middle and leaves the cursor where the edit was", () => {
    const { state } = feed(createEditor("$ "), "pig");
    const { output } = feed(state, LEFT + "n");
    // Back to the prompt's start, erase, prompt and line again, then two cells left to the cursor.
    expect(output).toContain("\r\x1b[J$ ping\x1b[1D");
  });

  it("keeps the model right on wrapped lines (10 columns)", () => {
    const { state, output } = feed(createEditor("$ ", 10), "12345678");
    // Exactly filling the row: the cursor is moved to the next row's start.
    expect(output.endsWith("12345678\r\n")).toBe(true);
    const home = feed(state, "\x01");
    expect(home.output).toBe("\x1b[1A\x1b[2C");
    const edited = feed(home.state, "x");
    expect(edited.state.buffer).toBe("x12345678");
    expect(edited.output.startsWith("\r\x1b[J$ x12345678")).toBe(true);
  });

  it("submits the line on Enter and moves below it", () => {
    const { state, output, actions } = feed(createEditor("$ "), "ip link\x01\r");
    expect(actions).toEqual([{ kind: "submit", line: "ip link" }]);
    expect(output.endsWith("\x1b[7C\r\n")).toBe(true);
    expect(state.history.entries).toEqual(["ip link"]);
  });

  it("Ctrl-C at the prompt prints ^C at the end of the line and drops the line", () => {
    const { state, output, actions } = feed(createEditor("$ "), "ping 10.0.0.1\x01\x03");
    expect(actions).toEqual([{ kind: "cancel" }]);
    expect(output.endsWith("^C\r\n")).toBe(true);
    expect(state.buffer).toBe("");
    expect(state.history.entries).toEqual([]);
  });

  it("Ctrl-L clears the screen and draws the line being typed at the top", () => {
    const { output, state } = feed(createEditor("$ "), "ip r\x0c");
    expect(output.endsWith("\x1b[H\x1b[2J$ ip r")).toBe(true);
    expect(state.buffer).toBe("ip r");
  });
});

describe("history", () => {
  it("walks back and forth with Up/Down and returns to what was being typed", () => {
    let { state } = feed(createEditor("$ "), "ip link\rip addr\rip ro");
    ({ state } = feed(state, UP));
    expect(state.buffer).toBe("ip addr");
    ({ state } = feed(state, UP));
    expect(state.buffer).toBe("ip link");
    const oldest = feed(state, UP);
    expect(oldest.state.buffer).toBe("ip link");
    expect(oldest.output).toBe("\x07");
    ({ state } = feed(state, DOWN + DOWN));
    expect([state.buffer, state.cursor]).toEqual(["ip ro", 5]);
  });
});

describe("tab completion", () => {
  const twoCandidates = { from: 11, candidates: ["ip netns exec", "ip netns"], common: "" };

  it("inserts the common prefix on the first Tab", () => {
    const typed = feed(createEditor("$ "), "ip netns e");
    const tab = press(typed.state, { type: "tab" });
    expect(tab.action).toEqual({ kind: "complete", partial: "ip netns e" });
    const done = applyCompletion(tab.state, "ip netns e", { from: 9, candidates: ["exec"], common: "exec" });
    expect(done.state.buffer).toBe("ip netns exec ");
    expect(done.state.cursor).toBe(14);
  });

  it("completes a word in the middle of the line, keeping what follows", () => {
    const typed = feed(createEditor("$ "), "ping ns -c 1" + LEFT.repeat(5));
    const tab = press(typed.state, { type: "tab" });
    const done = applyCompletion(tab.state, "ping ns", { from: 5, candidates: ["ns1", "ns2"], common: "ns" });
    expect(done.output).toBe("\x07");
    const more = applyCompletion(tab.state, "ping ns", { from: 5, candidates: ["nsa1", "nsa2"], common: "nsa" });
    expect([more.state.buffer, more.state.cursor]).toEqual(["ping nsa -c 1", 8]);
  });

  it("lists the candidates in columns on the second Tab and draws the line again", () => {
    const typed = feed(createEditor("$ ", 40), "ip netns exec ns");
    const first = press(typed.state, { type: "tab" });
    const answer = { from: 14, candidates: ["ns1", "ns2", "router"], common: "" };
    expect(applyCompletion(first.state, "ip netns exec ns", { ...answer, common: "ns" }).output).toBe("\x07");
    const second = press(first.state, { type: "tab" });
    const listed = applyCompletion(second.state, "ip netns exec ns", { ...answer, common: "ns" });
    expect(listed.output).toBe("\r\nns1     ns2     router\r\n$ ip netns exec ns");
    expect(listed.state.buffer).toBe("ip netns exec ns");
  });

  it("rings the bell when nothing matches, and ignores an answer for a line that changed", () => {
    const typed = feed(createEditor("$ "), "zz");
    const tab = press(typed.state, { type: "tab" });
    expect(applyCompletion(tab.state, "zz", { from: 0, candidates: [], common: "" }).output).toBe("\x07");
    expect(applyCompletion(tab.state, "z", twoCandidates).state).toBe(tab.state);
  });
});
