import { useEffect } from "react";
import { Route, Switch } from "wouter";
import { SimProvider } from "../sim/sim-context";
import { Header } from "./Header";
import { Notices } from "./Notices";
import { NotFound } from "./NotFound";
import { Home } from "../home/Home";
import { LessonPage } from "../lesson/LessonPage";
import { simClient } from "./sim-client";
import { useApplyLocale, useApplyTheme } from "./use-theme";
import { useT } from "../i18n/use-t";

export function App() {
  useApplyTheme();
  useApplyLocale();
  const t = useT();
  useEffect(() => {
    document.title = t("app.name");
  }, [t]);
  return (
    <SimProvider api={simClient.api}>
      <Header />
      <Notices />
      <main id="main" tabIndex={-1}>
        <Switch>
          <Route path="/">
            <Home />
          </Route>
          <Route path="/lessons/:slug">{(params) => <LessonPage key={params.slug} slug={params.slug} />}</Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </main>
    </SimProvider>
  );
}
