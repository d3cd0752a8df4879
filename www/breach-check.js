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
  // How long a removed element keeps its (emptied) app before it is destroyed.
  var RELEASE_AFTER_MS = 30000;
  var ATTRIBUTES = ["lang", "insurer", "operator", "sections", "theme", "emit-events", "notice-href"];
  // The SHA-384 of each file this loader reads, written in by tools/finish-dist.sh when dist/
  // is built, so that a host's integrity attribute on this one file extends to all of them.
  // A copy that was not built (the placeholders left as they are) checks nothing.
  var INTEGRITY = {};
  INTEGRITY[GLUE] = "@SRI:breach-check-glue.js@";
  INTEGRITY[WASM] = "@SRI:breach-check.wasm@";
  INTEGRITY[DICTIONARY] = "@SRI:breach-check.dict@";
  function integrity(file) {
    return /^sha384-[A-Za-z0-9+\/=]+$/.test(INTEGRITY[file]) ? INTEGRITY[file] : "";
  }

  var FALLBACK = {
    fr: "Ce module de vérification n’a pas pu se charger sur cette page.",
    en: "This check could not load on this page."
  };
  var NOTICE = { fr: "Consulter l’information de votre complémentaire", en: "Read your insurer’s notice" };

  // Reads one of the bundle's own files with the page's Fetch API, or with an XHR when that
  // fails: a host may have replaced it before this script ran (a wrapper that records calls,
  // a stub that throws). Either way, the bytes must match the file's hash.
  function get(file) {
    var url = new URL(file, base).href;
    var hash = integrity(file);
    return new Promise(function (resolve) {
      resolve(window.fetch(url, hash ? { integrity: hash } : {}));
    })
      .then(null, function (error) {
        console.warn("<breach-check> retrying " + file + " with an XHR:", error);
        return viaXhr(url, hash);
      })
      .then(function (response) {
        if (!response || !response.ok) {
          throw new Error(file + ": HTTP " + (response ? response.status : "no response"));
        }
        return response;
      });
  }

  function viaXhr(url, hash) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open("GET", url);
      xhr.responseType = "arraybuffer";
      xhr.onload = function () {
        resolve(xhr);
      };
      xhr.onerror = xhr.onabort = xhr.ontimeout = function () {
        reject(new Error(url + ": network error"));
      };
      xhr.send();
    }).then(function (xhr) {
      var ok = xhr.status >= 200 && xhr.status < 300;
      return (ok ? verify(xhr.response, hash) : Promise.resolve()).then(function () {
        var type = xhr.getResponseHeader("Content-Type") || "application/octet-stream";
        return new Response(xhr.response, { status: xhr.status, headers: { "Content-Type": type } });
      });
    });
  }

  // What the Fetch API's integrity option does, for bytes read by an XHR. Without SubtleCrypto
  // (a page that is not a secure context) a file with a hash is refused rather than trusted.
  function verify(bytes, hash) {
    if (!hash) return Promise.resolve();
    if (!window.crypto || !window.crypto.subtle) {
      return Promise.reject(new Error("cannot check the bundle's integrity on this page"));
    }
    return window.crypto.subtle.digest("SHA-384", bytes).then(function (digest) {
      var actual = "sha384-" + btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
      if (actual !== hash) throw new Error("integrity mismatch");
    });
  }

  // A dynamic import takes no integrity, but a module preloaded with one is the very module a
  // later import of that URL gets (the module map holds it): the glue is checked and read once.
  // Browsers without modulepreload (Safari before 17) load it unchecked.
  function preloadGlue() {
    var hash = integrity(GLUE);
    var link = document.createElement("link");
    if (!hash || !link.relList || !link.relList.supports("modulepreload")) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      link.rel = "modulepreload";
      link.integrity = hash;
      link.href = new URL(GLUE, base).href;
      link.onload = function () {
        link.remove();
        resolve();
      };
      link.onerror = function () {
        link.remove();
        reject(new Error(GLUE + " did not load or does not match its integrity"));
      };
      (document.head || document.documentElement).appendChild(link);
    });
  }

  var loading = null;
  function load() {
    if (!loading) {
      loading = preloadGlue()
        .then(function () {
          return import(new URL(GLUE, base).href);
        })
        .then(function (glue) {
          // A response, not a URL: the glue would otherwise read the wasm itself, unchecked.
          return glue.default({ module_or_path: get(WASM) }).then(function () {
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
        return get(DICTIONARY);
      })
      .then(function (response) {
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

  // The same rule as the widget's: an absolute http(s) URL, anything else gives no link.
  // The widget's rule too (src/embed.rs, is_web_url): an absolute http(s) URL with a host,
  // and no character a URL cannot hold.
  function safeHref(value) {
    value = value.trim();
    if (!/^https?:\/\/[^\/?#]/i.test(value) || /[\s\u0000-\u001f\u007f-\u009f"<>`]/.test(value)) return null;
    try {
      return new URL(value).href;
    } catch (e) {
      return null;
    }
  }

  // The fallback's few styles, as a constructable stylesheet like the widget's (no inline
  // style for a strict CSP to block). It follows the host's --bc-* properties.
  var FALLBACK_CSS =
    ":host{all:initial;display:block}" +
    "p{margin:0;padding:12px 16px;font:16px/1.5 var(--bc-font,system-ui,sans-serif);" +
    "color:var(--bc-text,#1c2733);background:var(--bc-bg,#fff);" +
    "border:1px solid var(--bc-border,#7a8896);border-radius:var(--bc-radius,8px)}" +
    "a{color:var(--bc-accent,#0b5c8a)}";
  var fallbackSheet = null;
  function fallbackSheets() {
    try {
      if (!fallbackSheet) {
        fallbackSheet = new CSSStyleSheet();
        fallbackSheet.replaceSync(FALLBACK_CSS);
      }
      return [fallbackSheet];
    } catch (e) {
      return [];
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
    root.adoptedStyleSheets = fallbackSheets();
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
      clearTimeout(el._bcRelease);
      if (el._bcWidget) {
        el._bcWidget.resume();
        return;
      }
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

    // Leaving the page empties the widget at once (what was typed is dropped) but keeps
    // its app for a while: a single-page app that moves or re-adds the element gets it back
    // without mounting a new one (Yew never frees the listeners of a mounted app). An element
    // that stays away is destroyed and freed.
    disconnectedCallback() {
      var el = this;
      var widget = el._bcWidget;
      el._bcGeneration = (el._bcGeneration || 0) + 1;
      if (!widget) return;
      widget.park();
      clearTimeout(el._bcRelease);
      el._bcRelease = setTimeout(function () {
        if (el.isConnected || el._bcWidget !== widget) return;
        widget.destroy();
        widget.free();
        el._bcWidget = null;
      }, RELEASE_AFTER_MS);
    }

    attributeChangedCallback() {
      if (this._bcWidget) this._bcWidget.update();
    }
  }

  window.customElements.define(TAG, BreachCheck);
})();
