// What the verdict of the widget `arguments[0]` shows before any disclosure is opened:
// [its whole height, the height from its top to the end of the first next steps (the whole
// height when the view has no such list), the number of visible words, the visible text].
// A word is a run of letters or digits; text counts when it is rendered (not in a closed
// <details> but for its summary, not visually hidden, not display:none), SVG text included.
const root = document.querySelector(arguments[0]).shadowRoot;
const verdict = root.querySelector('[data-testid="verdict"]');
const top = verdict.getBoundingClientRect().top;
const height = verdict.getBoundingClientRect().height;
const steps = verdict.querySelector('.bc-first .bc-steps');
const glance = steps ? steps.getBoundingClientRect().bottom - top : height;
const hidden = (el) => {
  for (let a = el; a && a !== verdict.parentNode; a = a.parentElement) {
    if (a.tagName === 'DETAILS' && !a.open && !el.closest('summary')) return true;
    const style = getComputedStyle(a);
    if (style.display === 'none' || style.visibility === 'hidden') return true;
    const r = a.getBoundingClientRect();
    if (style.overflow !== 'visible' && r.width <= 1 && r.height <= 1) return true;
  }
  return false;
};
const parts = [];
const walker = document.createTreeWalker(verdict, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (node.textContent.trim() && !hidden(node.parentElement)) parts.push(node.textContent);
}
const text = parts.join(' ').replace(/\s+/g, ' ').trim();
const words = (text.match(/[\p{L}\p{N}][\p{L}\p{N}’'./\-]*/gu) || []).length;
return [Math.round(height), Math.round(glance), words, text];
