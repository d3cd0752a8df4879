// What a server that does not know .wasm does: the same bytes as application/octet-stream.
// (Done in the page, as the test server types files by their extension.) The loader's
// warnings are recorded.
window.__warnings = [];
(() => {
  const warn = console.warn;
  console.warn = function (...args) {
    window.__warnings.push(args.map(String).join(' '));
    return warn.apply(this, args);
  };
  const original = window.fetch;
  window.fetch = function (input, init) {
    return original.call(this, input, init).then((response) => {
      if (!response.url.endsWith('.wasm')) return response;
      return new Response(response.body, {
        status: response.status,
        headers: { 'Content-Type': 'application/octet-stream' },
      });
    });
  };
})();
