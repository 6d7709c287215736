import { useEffect } from "react";
import { Link, useLocation } from "wouter";
import { useT } from "../i18n/use-t";

export function NotFound() {
  const t = useT();
  const [path] = useLocation();
  useEffect(() => {
    document.title = `${t("notFound.title")} · Wirebook`;
  }, [t]);
  return (
    <div style={{ maxWidth: "40rem", margin: "0 auto", padding: "var(--wb-space-5) var(--wb-space-3)" }} data-testid="not-found">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body", { path })}</p>
      <p>
        <Link href="/">{t("notFound.back")}</Link>
      </p>
    </div>
  );
}
