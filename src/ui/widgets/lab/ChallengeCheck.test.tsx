// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readWidgetAttrsOf } from "../../../lesson-pipeline/directives/registry";
import { compileBody, elements } from "../../../lesson-pipeline/testing";
import { BRIDGE_LAB } from "../../../sim/shell/exec/lab-session.fixtures";
import { readCheckLine } from "../../../sim/shell/exec/lab-session-check";
import { createInProcessApi } from "../../../worker/local-api";
import { LessonSlugContext } from "../../lesson/lesson-context";
import { SimProvider } from "../../sim/sim-context";
import { useProgress } from "../../store/progress-store";
import { LabFromLesson, LabWidget } from "./index";
import { FallbackTerminal } from "./terminal/FallbackTerminal";

/** ns1 must reach a network beyond its own: a default route via ns2 does it. */
const CHECK = `ip netns exec ns1 ip route get 10.9.9.9   # ns1 has no route to 10.9.9.9 yet
ip netns exec ns1 ip neigh show 192.168.1.20 | grep -q lladdr   # ns1 has not talked to ns2 yet`;

function renderChallenge(check = CHECK) {
  return render(
    <LessonSlugContext.Provider value="routing">
      <SimProvider api={createInProcessApi()}>
        <LabWidget scriptText={BRIDGE_LAB} title="Challenge" id="challenge" Terminal={FallbackTerminal} check={check} />
      </SimProvider>
    </LessonSlugContext.Provider>,
  );
}

function eventCount(): number {
  return within(screen.getByRole("list", { name: "Events" })).queryAllByRole("button").length;
}

async function typeIn(user: ReturnType<typeof userEvent.setup>, host: string, line: string) {
  await user.click(screen.getByRole("tab", { name: host }));
  const field = await screen.findByRole("textbox", { name: new RegExp(`Command on ${host}$`) });
  await user.type(field, `${line}{Enter}`);
  await waitFor(() => expect(field).not.toHaveAttribute("aria-busy", "true"));
}

beforeEach(() => {
  window.history.replaceState(null, "", "/lessons/routing");
  useProgress.setState({ lessons: {} });
});
afterEach(cleanup);

describe("ChallengeCheck in a lab", () => {
  it("names the first failing line, then says Solved once the student's commands fix it, and saves it", async () => {
    const user = userEvent.setup();
    renderChallenge();
    const button = await screen.findByRole("button", { name: "Check my solution" });
    await waitFor(() => expect(button).toBeEnabled());
    const result = screen.getByTestId("challenge-result");

    await user.click(button);
    await waitFor(() => expect(result).toHaveTextContent("Not yet: ns1 has no route to 10.9.9.9 yet"));
    expect(result).toHaveAttribute("role", "status");

    await typeIn(user, "ns1", "ip route add default via 192.168.1.20");
    await user.click(button);
    await waitFor(() => expect(result).toHaveTextContent("Not yet: ns1 has not talked to ns2 yet"));
    expect(useProgress.getState().lessons.routing?.challenges.challenge).toBeUndefined();

    await typeIn(user, "ns1", "ping -c 1 192.168.1.20");
    const events = eventCount();
    await user.click(button);
    await waitFor(() => expect(result).toHaveTextContent("Solved ✓"));
    expect(useProgress.getState().lessons.routing?.challenges.challenge?.solvedAt).toEqual(expect.any(Number));
    // The check ran on a copy: nothing it did reached the student's event log.
    expect(eventCount()).toBe(events);
  });

  it("names the failing command when its line has no message, and remembers a challenge solved before", async () => {
    const user = userEvent.setup();
    useProgress.getState().recordChallenge("routing", "challenge", 1);
    renderChallenge("ip netns exec ns1 ip route get 10.9.9.9");
    const result = screen.getByTestId("challenge-result");
    expect(result).toHaveTextContent("You have solved this challenge before.");
    const button = await screen.findByRole("button", { name: "Check my solution" });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    await waitFor(() => expect(result).toHaveTextContent("Not yet: ip netns exec ns1 ip route get 10.9.9.9 failed with exit status 2."));
    // A failed re-check does not take back a challenge solved before.
    expect(useProgress.getState().lessons.routing?.challenges.challenge).toEqual({ solvedAt: 1 });
  });

  it("gets its check from a lesson's ```check block, which never runs as part of the script", async () => {
    const user = userEvent.setup();
    // Run as a script line, the first check line would add a namespace, and a tab with it.
    const check = "ip netns add probe   # always passes\nip netns exec ns1 ip route get 10.9.9.9   # ns1 has no route to 10.9.9.9 yet";
    const lesson = compileBody(`:::lab{id="challenge"}\n\`\`\`sh\n${BRIDGE_LAB}\`\`\`\n\n\`\`\`check\n${check}\n\`\`\`\n:::\n`, { labShell: { readCheckLine } });
    expect(lesson.diagnostics).toEqual([]);
    const node = elements(lesson.tree, "wb-widget")[0]!;
    render(
      <SimProvider api={createInProcessApi()}>
        <LabFromLesson node={node} attrs={readWidgetAttrsOf("lab", node.properties)!} />
      </SimProvider>,
    );
    const button = await screen.findByRole("button", { name: "Check my solution" });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    await waitFor(() => expect(screen.getByTestId("challenge-result")).toHaveTextContent("Not yet: ns1 has no route to 10.9.9.9 yet"));
    expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual(["root", "ns1", "ns2"]);
  });
});
