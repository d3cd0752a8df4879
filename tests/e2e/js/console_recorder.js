// A host page's recorder of every console message and every breach-check:* event it hears,
// installed before the loader runs (`__console`, `__events`).
window.__console = [];
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir']) {
  const original = console[level];
  console[level] = function (...args) {
    window.__console.push(level + ': ' + args.map((a) => {
      try {
        return typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a));
      } catch (e) {
        return String(a);
      }
    }).join(' '));
    return original.apply(this, args);
  };
}
window.__events = [];
for (const type of ['breach-check:ready', 'breach-check:verdict']) {
  document.addEventListener(type, (e) => window.__events.push(type + ' ' + JSON.stringify(e.detail)));
}
