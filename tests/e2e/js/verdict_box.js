// Where the verdict of the widget `arguments[0]` stands in its document: [top, height] in CSS
// pixels, with 8 px of margin above and below (a screenshot's frame).
const verdict = document.querySelector(arguments[0]).shadowRoot
  .querySelector('[data-testid=verdict]');
const r = verdict.getBoundingClientRect();
return [Math.max(0, Math.floor(r.top + window.scrollY) - 8), Math.ceil(r.height) + 16];
