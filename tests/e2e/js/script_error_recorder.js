// A host page's recorder of the scripts that failed to load (`__scriptErrors`: their URLs),
// an integrity refusal included.
window.__scriptErrors = [];
window.addEventListener('error', (e) => {
  if (e.target && e.target.src) window.__scriptErrors.push(e.target.src);
}, true);
