// Values the types must refuse: the type check of this file is expected to fail, once per
// line marked `error`, so the declarations are known not to accept anything.
import type {} from "breach-check";

const widget = document.createElement("breach-check");
widget.setAttribute("theme", "neon"); // error
widget.setAttribute("lang", "de"); // error
widget.setAttribute("sections", "exposure banana"); // error
widget.addEventListener("breach-check:verdict", (event) => {
  const wrong: number = event.detail.verdict; // error
  console.log(wrong);
});
