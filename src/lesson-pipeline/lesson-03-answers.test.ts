/**
 * Lesson 3's quiz answers, computed by running the lesson's own lab networks
 * in the simulator: each quiz's situation is typed as lab-script commands on
 * top of the lab it talks about, and the facts the answer rests on (ping
 * statistics, rule counters, conntrack tuples, iptables exit codes) are read
 * from the transcript. A lesson can then never mark a choice correct that
 * the lab beside it contradicts. The Korean file must mark the same choices.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toString } from "hast-util-to-string";
import { visit } from "unist-util-visit";
import type { Element } from "hast";
import { compileLesson } from "./compile-lesson";
import { filesBeside } from "./lesson-files-node";
import { runLabScript } from "../sim/shell/exec";
import type { TranscriptStep } from "../sim/shell/transcript";

const FOLDER = "lessons/03-iptables-nat";
const ENGLISH = `${FOLDER}/index.md`;
const KOREAN = `${FOLDER}/index.ko.md`;

interface QuizAnswer {
  /** Every choice's text, in order. */
  choices: string[];
  /** Indexes of the choices marked correct. */
  correct: number[];
}

function quizzes(file: string): Map<string, QuizAnswer> {
  // A translation inherits the English front matter, as the course build does.
  const base = file === ENGLISH ? undefined : compileLesson(readFileSync(ENGLISH, "utf8"), ENGLISH, { files: filesBeside(ENGLISH) }).meta;
  const lesson = compileLesson(readFileSync(file, "utf8"), file, { files: filesBeside(file), ...(base ? { base } : {}) });
  expect(lesson.diagnostics).toEqual([]);
  const found = new Map<string, QuizAnswer>();
  visit(lesson.tree, "element", (node: Element) => {
    if (node.tagName !== "wb-widget" || node.properties.dataName !== "quiz") return;
    const answer: QuizAnswer = { choices: [], correct: [] };
    visit(node, "element", (choice: Element) => {
      if (choice.tagName !== "wb-quiz-choice") return;
      const text = choice.children.find((c): c is Element => c.type === "element" && c.tagName === "wb-quiz-choice-text");
      if (choice.properties.dataCorrect === "true") answer.correct.push(answer.choices.length);
      answer.choices.push(toString(text!).trim());
    });
    found.set(String(node.properties.dataAttrId), answer);
  });
  return found;
}

const english = quizzes(ENGLISH);

function correctTexts(id: string): string[] {
  const quiz = english.get(id);
  expect(quiz, id).toBeDefined();
  return quiz!.correct.map((index) => quiz!.choices[index]!);
}

/** A lab script of the lesson, its hidden setup lines run as the lab runs them. */
function lab(name: string): string {
  return readFileSync(`${FOLDER}/${name}.lab`, "utf8").replace(/^#!hidden /gm, "");
}

/** Runs the lab plus the quiz's commands; returns the steps of the quiz's commands only. */
function scenario(base: string, commands: string[]): TranscriptStep[] {
  const setup = base === "" ? 0 : base.trimEnd().split("\n").length;
  const run = runLabScript(`${base.trimEnd()}\n${commands.join("\n")}\n`, { script: "quiz.lab" });
  return run.transcript.steps.slice(setup);
}

function stepFor(steps: TranscriptStep[], cmd: string): TranscriptStep {
  const step = steps.findLast((s) => s.cmd === cmd);
  expect(step, cmd).toBeDefined();
  return step!;
}

function received(step: TranscriptStep): number {
  const match = /(\d+) received/.exec(step.stdout);
  expect(match, step.stdout).not.toBeNull();
  return Number(match![1]);
}

/** `iptables -L CHAIN -v -n -x`: the packet counter of the policy and of every rule, in order. */
function counters(step: TranscriptStep): { policy: number; rules: number[] } {
  const policy = /policy \w+ (\d+) packets/.exec(step.stdout);
  const rules = step.stdout
    .split("\n")
    .filter((line) => /^\s*\d+\s+\d+\s/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
  return { policy: Number(policy?.[1]), rules };
}

describe("lesson 3 quiz answers agree with the simulator", () => {
  it("first-match-wins: the broad ACCEPT above decides, the DROP for pc is never read", () => {
    const steps = scenario(lab("filter"), [
      "ip netns exec web iptables -A INPUT -s 192.168.1.0/24 -p icmp -j ACCEPT",
      "ip netns exec web iptables -A INPUT -s 192.168.1.10 -j DROP",
      "ip netns exec pc ping -c 1 -W 1 192.168.1.20",
      "ip netns exec web iptables -L INPUT -v -n -x",
    ]);
    expect(received(stepFor(steps, "ip netns exec pc ping -c 1 -W 1 192.168.1.20"))).toBe(1);
    expect(counters(stepFor(steps, "ip netns exec web iptables -L INPUT -v -n -x")).rules).toEqual([1, 0]);
    expect(correctTexts("first-match-wins")).toEqual(["The ping is answered: rule 1 accepts it, and rule 2 is never read"]);
  });

  it("policy-drops-reply: the request passes rule 1, the reply meets the DROP policy; ESTABLISHED fixes it", () => {
    const ping = "ip netns exec pc ping -c 1 -W 1 203.0.113.50";
    const list = "ip netns exec r1 iptables -L FORWARD -v -n -x";
    const steps = scenario(lab("masquerade"), [
      "ip netns exec r1 iptables -t nat -A POSTROUTING -o r1-wan -j MASQUERADE",
      "ip netns exec r1 iptables -P FORWARD DROP",
      "ip netns exec r1 iptables -A FORWARD -i br0 -o r1-wan -j ACCEPT",
      ping,
      list,
    ]);
    expect(received(stepFor(steps, ping))).toBe(0);
    expect(counters(stepFor(steps, list))).toEqual({ policy: 1, rules: [1] });
    expect(correctTexts("policy-drops-reply")).toEqual(["The request goes out, the reply is dropped by the policy: 100% packet loss"]);

    // The explanation's fix.
    const fixed = scenario(lab("masquerade"), [
      "ip netns exec r1 iptables -t nat -A POSTROUTING -o r1-wan -j MASQUERADE",
      "ip netns exec r1 iptables -P FORWARD DROP",
      "ip netns exec r1 iptables -A FORWARD -i br0 -o r1-wan -j ACCEPT",
      "ip netns exec r1 iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
      ping,
    ]);
    expect(received(stepFor(fixed, ping))).toBe(1);
  });

  it("dnat-chain: iptables accepts a DNAT rule only in the chains marked correct", () => {
    const quiz = english.get("dnat-chain")!;
    const accepted = quiz.choices.filter((chain) => {
      const cmd = `iptables -t nat -A ${chain} -p tcp --dport 8080 -j DNAT --to-destination 192.168.1.20:80`;
      return stepFor(scenario("", [cmd]), cmd).exit === 0;
    });
    expect(quiz.choices).toEqual(["PREROUTING", "POSTROUTING", "INPUT", "FORWARD"]);
    expect(correctTexts("dnat-chain")).toEqual(accepted);
  });

  it("dnat-chain: the refusal and the kernel's reason quoted in the explanation", () => {
    const cmd = "iptables -t nat -A POSTROUTING -p tcp --dport 8080 -j DNAT --to-destination 192.168.1.20:80";
    const steps = scenario("", [cmd, "dmesg | tail -1", "iptables -t nat -A FORWARD -j ACCEPT"]);
    expect(stepFor(steps, cmd).stderr).toContain("RULE_APPEND failed (Invalid argument)");
    expect(stepFor(steps, "dmesg | tail -1").stdout).toContain("DNAT target: used from hooks POSTROUTING, but only usable from PREROUTING/OUTPUT");
    expect(stepFor(steps, "iptables -t nat -A FORWARD -j ACCEPT").stderr).toBe("iptables: No chain/target/match by that name.\n");
  });

  it("masquerade-reply-address: conntrack expects the reply at r1-wan's address", () => {
    const steps = scenario(lab("masquerade"), [
      "ip netns exec r1 iptables -t nat -A POSTROUTING -o r1-wan -j MASQUERADE",
      "ip netns exec pc ping -c 1 -W 1 203.0.113.50",
      "ip netns exec r1 conntrack -L",
    ]);
    const entry = stepFor(steps, "ip netns exec r1 conntrack -L").stdout.split("\n")[0]!;
    const destinations = [...entry.matchAll(/dst=(\S+)/g)].map((m) => m[1]);
    expect(destinations[0]).toBe("203.0.113.50");
    expect(correctTexts("masquerade-reply-address")).toEqual([destinations[1]]);
  });

  it("static-nat-without-forwarding: the DNATed ping is lost without a word", () => {
    const ping = "ip netns exec outside ping -c 1 -W 1 203.0.113.20";
    const steps = scenario(lab("static-nat"), [ping, "ip netns exec r1 sysctl -w net.ipv4.ip_forward=0", ping]);
    const on = steps.find((s) => s.cmd === ping)!;
    const off = stepFor(steps, ping);
    // With forwarding on, web (one router away) answers: the wrong choice quoting ttl=63 is what the lab shows.
    expect(on.stdout).toContain("64 bytes from 203.0.113.20: icmp_seq=1 ttl=63");
    expect(off.stdout).not.toContain("From ");
    const statistics = /^\d+ packets transmitted.*$/m.exec(off.stdout)![0].replace(/, time \S+$/, "");
    expect(correctTexts("static-nat-without-forwarding")).toEqual([statistics]);
  });

  it("reply-ctstate (ICMP): the first reply of a forwarded ping is ESTABLISHED", () => {
    const states = ["NEW", "ESTABLISHED", "RELATED", "INVALID"];
    // Counting rules (no target) count the echo replies in each state and let them go on; the ACCEPT lets ICMP through.
    const counted = scenario(lab("stateless"), [
      ...states.map((state) => `ip netns exec r1 iptables -I FORWARD 1 -p icmp --icmp-type echo-reply -m conntrack --ctstate ${state}`),
      "ip netns exec r1 iptables -A FORWARD -p icmp -j ACCEPT",
      "ip netns exec app ping -c 1 -W 1 10.0.2.10",
      "ip netns exec r1 iptables -L FORWARD -v -n -x",
    ]);
    // -I 1 reverses the order: INVALID, RELATED, ESTABLISHED, NEW, then the ACCEPT.
    expect(received(stepFor(counted, "ip netns exec app ping -c 1 -W 1 10.0.2.10"))).toBe(1);
    const rules = counters(stepFor(counted, "ip netns exec r1 iptables -L FORWARD -v -n -x")).rules;
    const byState = Object.fromEntries([...states].reverse().map((state, i) => [state, rules[i]]));
    const replyStates = states.filter((state) => byState[state] === 1);
    expect(correctTexts("reply-ctstate")).toEqual(replyStates);
  });

  it("reply-ctstate (TCP): MySQL's SYN-ACK is ESTABLISHED at r1", () => {
    const synAck = (state: string) => `ip netns exec r1 iptables -I FORWARD 1 -p tcp --tcp-flags SYN,ACK SYN,ACK -m conntrack --ctstate ${state}`;
    const states = ["NEW", "ESTABLISHED", "RELATED", "INVALID"];
    const steps = scenario(lab("stateful"), [...states.map(synAck), "ip netns exec app nc -z -w 2 10.0.2.10 3306", "ip netns exec r1 iptables -L FORWARD -v -n -x"]);
    expect(stepFor(steps, "ip netns exec app nc -z -w 2 10.0.2.10 3306").exit).toBe(0);
    const rules = counters(stepFor(steps, "ip netns exec r1 iptables -L FORWARD -v -n -x")).rules.slice(0, states.length);
    const byState = Object.fromEntries([...states].reverse().map((state, i) => [state, rules[i]]));
    expect(correctTexts("reply-ctstate")).toEqual(states.filter((state) => byState[state]! > 0));
  });

  it("nacl-reply-rule: only the ephemeral range (or everything) lets MySQL's replies through a stateless filter", () => {
    const connect = "ip netns exec app nc -z -w 2 10.0.2.10 3306";
    const works = (rule: string | null) =>
      stepFor(scenario(lab("stateless"), [...(rule ? [`ip netns exec r1 iptables -A FORWARD ${rule}`] : []), connect]), connect).exit === 0;
    const quiz = english.get("nacl-reply-rule")!;
    expect(quiz.choices).toHaveLength(4);
    const outcome = [
      works("-p tcp -s 10.0.2.0/24 -d 10.0.1.0/24 --dport 3306 -j ACCEPT"),
      works("-p tcp -s 10.0.2.0/24 -d 10.0.1.0/24 --dport 1024:65535 -j ACCEPT"),
      works(null),
      works("-s 0.0.0.0/0 -j ACCEPT"),
    ];
    expect(quiz.choices[1]).toContain("1024–65535");
    expect(outcome).toEqual([false, true, false, true]);
    // Of the two that work, the narrow one is the answer.
    expect(quiz.correct).toEqual([1]);
  });

  it("covers every quiz in the lesson", () => {
    expect([...english.keys()].sort()).toEqual(
      [
        "dnat-chain",
        "first-match-wins",
        "masquerade-reply-address",
        "nacl-reply-rule",
        "policy-drops-reply",
        "reply-ctstate",
        "static-nat-without-forwarding",
      ],
    );
  });

  it("the Korean lesson marks the same choices correct", () => {
    const korean = quizzes(KOREAN);
    expect([...korean.keys()]).toEqual([...english.keys()]);
    for (const [id, answer] of english) {
      const translated = korean.get(id)!;
      expect(translated.choices.length, id).toBe(answer.choices.length);
      expect(translated.correct, id).toEqual(answer.correct);
      // Numbers, addresses and chain names are not translated: the correct choices share them.
      const tokens = (indexes: number[], choices: string[]) => indexes.map((i) => choices[i]!).join(" ").match(/[\d./]+|\b[A-Z]{3,}\b/g);
      expect(tokens(translated.correct, translated.choices), id).toEqual(tokens(answer.correct, answer.choices));
    }
  });
});
