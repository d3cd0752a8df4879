// A Preact component of a web team: <breach-check> type-checks in JSX with its attributes.
import type {} from "breach-check/preact";

export function Security() {
  return (
    <section>
      <breach-check lang="fr" insurer="mutami" theme="auto" emit-events />
      <breach-check lang="en" sections="exposure" />
    </section>
  );
}
