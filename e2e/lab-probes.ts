/** What several e2e specs read from the page: axe's serious findings, and the packet dot frame by frame. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** axe's serious and critical WCAG 2.1 A/AA violations on the page, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}

export interface Frame {
  step: string;
  dot: string | null;
}

/** A lab's step counter and packet dot over `count` consecutive animation frames: the first lab, or the one titled `labTitle`. */
export function sampleFrames(page: Page, count: number, labTitle?: string): Promise<Frame[]> {
  const selector = `[data-testid="lab"]${labTitle === undefined ? "" : `[aria-label="${labTitle}"]`}`;
  return page.evaluate(
    ([n, labSelector]) =>
      new Promise<Frame[]>((resolve) => {
        const frames: Frame[] = [];
        const tick = () => {
          const lab = document.querySelector(labSelector);
          const step = Array.from(lab?.querySelectorAll("span") ?? []).find((span) => /^step \d+\/\d+$/.test(span.textContent ?? ""));
          const dot = lab?.querySelector('[data-testid="packet-dot"]');
          frames.push({ step: step?.textContent ?? "", dot: dot?.getAttribute("transform") ?? null });
          if (frames.length < n) requestAnimationFrame(tick);
          else resolve(frames);
        };
        requestAnimationFrame(tick);
      }),
    [count, selector] as const,
  );
}

/** Frames where the dot moved while the playhead stayed on the same event: gliding. */
export function glides(frames: readonly Frame[]): number {
  let moves = 0;
  for (let i = 1; i < frames.length; i++) {
    const [a, b] = [frames[i - 1]!, frames[i]!];
    if (a.step === b.step && a.dot !== null && b.dot !== null && a.dot !== b.dot) moves++;
  }
  return moves;
}
