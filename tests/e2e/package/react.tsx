// A React 19 component of a web team: <breach-check> type-checks in JSX with its attributes.
import type {} from "breach-check/react";

export function Security() {
  return (
    <section>
      <breach-check lang="fr" insurer="mutami" theme="auto" emit-events notice-href="https://www.mutuelle.example/avis" />
      <breach-check lang="en" sections="password" />
    </section>
  );
}
