/**
 * Maps the pipeline's `wb-*` elements to React components. The lesson
 * pipeline owns directive names and attribute schemas; this file owns only
 * which component shows each one. Heavy widgets are lazy chunks, so a lesson
 * downloads only the widgets it uses.
 */
import { Component, Suspense, lazy } from "react";
import type { ErrorInfo, ReactNode } from "react";
import type { Element } from "hast";
import { readCalloutAttrs, readWidgetAttrs } from "../../lesson-pipeline/directives/registry";
import type { DirectiveName, WidgetReading } from "../../lesson-pipeline/directives/registry";
import { useT } from "../i18n/use-t";
import { Callout } from "./callout/Callout";
import type { CalloutKind } from "./callout/Callout";
import { Quiz } from "./quiz/Quiz";
import styles from "./registry.module.css";

const SubnetExplorer = lazy(() => import("./subnet-explorer").then((m) => ({ default: m.SubnetExplorer })));
const Lab = lazy(() => import("./lab").then((m) => ({ default: m.LabFromLesson })));
const Mermaid = lazy(() => import("./mermaid/Mermaid").then((m) => ({ default: m.Mermaid })));

type Renderers = { [N in DirectiveName]?: (reading: Extract<WidgetReading, { name: N }>, node: Element, children: ReactNode) => ReactNode };

const renderers: Renderers = {
  "subnet-explorer": ({ attrs }) => (
    <SubnetExplorer id={attrs.id} cidr={attrs.cidr} cloud={attrs.cloud} borrow={attrs.borrow} split={attrs.split} />
  ),
  quiz: ({ attrs }, node) => <Quiz node={node} quizId={attrs.id ?? "quiz"} />,
  lab: ({ attrs }, node) => <Lab node={node} attrs={attrs} />,
};

interface WbProps {
  node: Element;
  children?: ReactNode;
}

function WidgetHost({ node, children }: WbProps) {
  const t = useT();
  const reading = readWidgetAttrs(node.properties);
  const render = reading ? (renderers[reading.name] as ((r: WidgetReading, n: Element, c: ReactNode) => ReactNode) | undefined) : undefined;
  if (!reading || !render) {
    const name = String(node.properties.dataName ?? "?");
    return <p className={styles.unknown}>{t("widget.unknown", { name })}</p>;
  }
  return (
    <WidgetBoundary name={reading.name}>
      <Suspense fallback={<div className={styles.placeholder} aria-hidden="true" />}>{render(reading, node, children)}</Suspense>
    </WidgetBoundary>
  );
}

function CalloutHost({ node, children }: WbProps) {
  const attrs = readCalloutAttrs(node.properties);
  const kind: CalloutKind = attrs?.kind === "tip" || attrs?.kind === "warning" ? attrs.kind : "note";
  return (
    <Callout kind={kind} title={attrs?.title}>
      {children}
    </Callout>
  );
}

function MermaidHost({ node }: WbProps) {
  return (
    <Suspense fallback={<div className={styles.placeholder} aria-hidden="true" />}>
      <Mermaid node={node} />
    </Suspense>
  );
}

/** Where the pipeline could not compile a directive, it leaves the problem in place. */
function DiagnosticHost({ node, children }: WbProps) {
  const line = node.properties.dataLine;
  const column = node.properties.dataColumn;
  return (
    <p className={styles.diagnostic} role="note">
      <code>
        {String(line)}:{String(column)}
      </code>{" "}
      {children}
    </p>
  );
}

/** One widget failing must not take the lesson down with it. */
class WidgetBoundary extends Component<{ name: string; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`widget ${this.props.name} failed`, error, info.componentStack);
  }

  override render() {
    return this.state.error ? <WidgetFailed message={this.state.error.message} /> : this.props.children;
  }
}

function WidgetFailed({ message }: { message: string }) {
  const t = useT();
  return (
    <p role="alert" className={styles.unknown}>
      {t("widget.failed", { message })}
    </p>
  );
}

/** The `components` mapping for hast-util-to-jsx-runtime. */
export const widgetComponents = {
  "wb-widget": WidgetHost,
  "wb-callout": CalloutHost,
  "wb-mermaid": MermaidHost,
  "wb-diagnostic": DiagnosticHost,
};
