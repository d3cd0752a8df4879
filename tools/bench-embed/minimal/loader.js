/* The minimal app's loader, as the widget's loader does the same steps: define an element,
 * attach a shadow root, compile the wasm while it downloads, mount. The wasm-bindgen glue
 * (no-modules) is put in front of this file by bench.py. */
(function () {
  "use strict";
  var base = new URL(".", document.currentScript.src);
  var loading = null;
  function load() {
    if (!loading) {
      loading = WebAssembly.compileStreaming(fetch(new URL("minimal.wasm", base)))
        .then(function (module) {
          return wasm_bindgen({ module_or_path: module });
        });
    }
    return loading;
  }
  customElements.define("minimal-app", class extends HTMLElement {
    connectedCallback() {
      var root = this.attachShadow({ mode: "open" });
      var div = document.createElement("div");
      root.appendChild(div);
      load().then(function () {
        wasm_bindgen.mount(div);
      });
    }
  });
})();
