/*! breach-check loader: the only file a host page references.
 *
 * It defines <breach-check>, attaches an open shadow root to each instance and hands it to
 * the Rust side (mount/update/destroy). The glue and the wasm are found next to this file,
 * so the whole dist/ folder can live under any path. It requests nothing else.
 */
(function () {
  "use strict";
  var TAG = "breach-check";
  if (!window.customElements || window.customElements.get(TAG)) return;

  // document.currentScript is only set while a classic script first runs.
  var self = document.currentScript;
  var base = new URL(".", self && self.src ? self.src : document.baseURI);
  var GLUE = "breach-check-glue.js";
  var WASM = "breach-check.wasm";
  var DICTIONARY = "breach-check.dict";
  var ATTRIBUTES = ["lang", "insurer", "operator", "sections", "theme", "emit-events", "notice-href"];

  var FALLBACK = {
    fr: "Ce module de vérification n’a pas pu se charger sur cette page.",
    en: "This check could not load on this page."
  };
  var NOTICE = { fr: "Consulter l’information de votre complémentaire", en: "Read your insurer’s notice" };

  var loading = null;
  function load() {
    if (!loading) {
      loading = import(new URL(GLUE, base).href).then(function (glue) {
        return glue.default({ module_or_path: new URL(WASM, base) }).then(function () {
          return glue;
        });
      });
    }
    return loading;
  }

  // The password dictionaries are loaded once per page, after a widget has painted, so the
  // exposure check never waits for them; every widget on the page shares them.
  var dictionaries = null;
  function loadDictionaries(glue) {
    if (dictionaries) return;
    dictionaries = new Promise(function (resolve) {
      setTimeout(resolve, 0);
    })
      .then(function () {
        return fetch(new URL(DICTIONARY, base));
      })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.arrayBuffer();
      })
      .then(
        function (buffer) {
          glue.provideDictionaries(new Uint8Array(buffer));
        },
        function (error) {
          console.warn("<breach-check> password dictionaries unavailable:", error);
          glue.dictionariesUnavailable();
        }
      );
  }

  function language(el) {
    return /^en\b/i.test(el.getAttribute("lang") || "") ? "en" : "fr";
  }

  function safeHref(value) {
    try {
      var url = new URL(value, document.baseURI);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // A short, accessible message instead of a blank box when the wasm cannot run.
  function showFallback(el, root) {
    var lang = language(el);
    var box = document.createElement("p");
    box.setAttribute("role", "alert");
    box.setAttribute("lang", lang);
    box.setAttribute("data-testid", "fallback");
    box.textContent = FALLBACK[lang] + " ";
    var href = safeHref(el.getAttribute("notice-href") || "");
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = NOTICE[lang];
      box.appendChild(link);
    }
    root.replaceChildren(box);
  }

  class BreachCheck extends HTMLElement {
    static get observedAttributes() {
      return ATTRIBUTES;
    }

    connectedCallback() {
      var el = this;
      var root = el.shadowRoot || el.attachShadow({ mode: "open" });
      var generation = (el._bcGeneration = (el._bcGeneration || 0) + 1);
      if (typeof WebAssembly !== "object") {
        showFallback(el, root);
        return;
      }
      load().then(
        function (glue) {
          // Removed (or removed and re-added) while loading: the latest connect wins.
          if (!el.isConnected || generation !== el._bcGeneration || el._bcWidget) return;
          el._bcWidget = glue.mount(el, root);
          loadDictionaries(glue);
        },
        function (error) {
          console.error("<breach-check> could not load:", error);
          if (generation === el._bcGeneration) showFallback(el, root);
        }
      ).catch(function (error) {
        console.error("<breach-check> could not start:", error);
        showFallback(el, root);
      });
    }

    disconnectedCallback() {
      this._bcGeneration = (this._bcGeneration || 0) + 1;
      if (this._bcWidget) {
        this._bcWidget.destroy();
        this._bcWidget.free();
        this._bcWidget = null;
      }
    }

    attributeChangedCallback() {
      if (this._bcWidget) this._bcWidget.update();
    }
  }

  window.customElements.define(TAG, BreachCheck);
})();
