// A page script of a web team that installed the package: the element, its attributes and
// its events are typed (tests/e2e/flows/package.rs type-checks this file).
import type { BreachCheckVerdictDetail } from "breach-check";

const widget = document.querySelector("breach-check");
if (widget) {
  widget.setAttribute("lang", "en");
  widget.setAttribute("theme", "auto");
  widget.setAttribute("sections", "exposure password");
  widget.setAttribute("insurer", "mutami");
  widget.setAttribute("emit-events", "");
  widget.addEventListener("breach-check:verdict", (event) => {
    const detail: BreachCheckVerdictDetail = event.detail;
    const exposed: boolean = detail.verdict === "exposed";
    console.log(exposed, detail.incidents.join(", "));
  });
}

// Listened to on the document too: the events bubble and are composed.
document.addEventListener("breach-check:ready", (event) => {
  const nothing: null = event.detail;
  console.log(nothing);
});

const created = document.createElement("breach-check");
created.setAttribute("operator", "viamedis");
created.setAttribute("id", "late");
document.body.append(created);
