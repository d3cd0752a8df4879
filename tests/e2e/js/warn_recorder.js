// A host page's recorder of every console.warn, installed before the loader runs.
window.__warnings = [];
const hostWarn = console.warn;
console.warn = function (...args) {
  window.__warnings.push(args.map(String).join(' '));
  return hostWarn.apply(this, args);
};
