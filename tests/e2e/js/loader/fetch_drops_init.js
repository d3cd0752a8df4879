// A "monitoring" wrapper of the kind the review found: it records calls and forwards only the
// URL, so the integrity option never reaches the browser's fetch.
window.__wrappedFetches = [];
(() => {
  const original = window.fetch;
  window.fetch = function (input) {
    window.__wrappedFetches.push(String((input && input.url) || input));
    return original(input);
  };
})();
