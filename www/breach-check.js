/*! breach-check loader: the only script a host page references.
 *
 * It defines <breach-check>, attaches an open shadow root to each instance and hands it to
 * the Rust side (mount/update/park/resume/destroy). The wasm-bindgen glue is part of this
 * file (tools/finish-dist.sh puts it in when dist/ is built), so a host's integrity attribute
 * on this one script covers all the JavaScript; the main wasm (in one of its two builds), the
 * two engines' modules and the dictionary file are read from next to this file and checked
 * against hashes built in here too.
 */
(function (glue) {
  "use strict";
  var TAG = "breach-check";
  if (!window.customElements || window.customElements.get(TAG)) return;

  // The page's own objects, taken from the prototypes before anything else runs. A document's
  // named elements hide its properties (DOM clobbering: <img name="currentScript" src="…">
  // stands in for document.currentScript, <img name="createElement"> for the method), so
  // nothing here is read through `document.<name>`.
  var doc = document;
  var createElement = Document.prototype.createElement;
  var scriptSrc = Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, "src").get;
  var currentScript = Object.getOwnPropertyDescriptor(Document.prototype, "currentScript").get;
  var querySelectorAll = Document.prototype.querySelectorAll;
  function element(name) {
    return createElement.call(doc, name);
  }

  // Where the rest of the bundle lives: next to this script, as the real <script> element
  // that is running says (only set while a classic script first runs). Anything else (a
  // module, an inline copy, a forged element) gives no base, and every widget the fallback.
  var base = null;
  var script = currentScript.call(doc);
  if (script instanceof HTMLScriptElement) {
    try {
      base = new URL(".", scriptSrc.call(script));
      if (!/^https?:$/.test(base.protocol)) base = null;
    } catch (e) {
      base = null;
    }
  }

  // The main module, in two builds from the same sources that share the one glue below: the
  // one most hosts get, without the message section, and the one with it, read instead for a
  // widget whose `sections` name `message` (see moduleFor). So a host that never shows the
  // section downloads none of its code.
  var WASM = "breach-check.wasm";
  var WASM_WITH_MESSAGE = "breach-check-with-message.wasm";
  var DICTIONARY = "breach-check.dict";
  // The password meter's estimator: a wasm module of its own, read with the dictionary the
  // first time a visitor uses a password section (see loadPassword).
  var PASSWORD_ENGINE = "breach-check-password.wasm";
  // The message check's engine: a wasm module of its own, read only when a visitor first uses
  // a message section (see loadMessageEngine).
  var MESSAGE_ENGINE = "breach-check-message.wasm";
  // How long a removed element keeps its (emptied) app before it is destroyed.
  var RELEASE_AFTER_MS = 30000;
  // How long the host's own content may stand in for a widget that is still loading (a
  // stalled CDN, a hung proxy) before the fallback message says it could not load.
  var PATIENCE_MS = 12000;
  var ATTRIBUTES = ["lang", "insurer", "operator", "sections", "theme", "emit-events", "notice-href"];

  // The SHA-384 of each file this loader reads, written in by tools/finish-dist.sh when dist/
  // is built, so that a host's integrity attribute on this one file extends to them.
  var INTEGRITY = {};
  INTEGRITY[WASM] = "@SRI:breach-check.wasm@";
  INTEGRITY[WASM_WITH_MESSAGE] = "@SRI:breach-check-with-message.wasm@";
  INTEGRITY[DICTIONARY] = "@SRI:breach-check.dict@";
  INTEGRITY[PASSWORD_ENGINE] = "@SRI:breach-check-password.wasm@";
  INTEGRITY[MESSAGE_ENGINE] = "@SRI:breach-check-message.wasm@";
  function pinned(file) {
    return /^sha384-[A-Za-z0-9+\/]{64}$/.test(INTEGRITY[file]);
  }

  // The wasm-bindgen glue's exports (init, mount, provideDictionaries…); null in a copy
  // that was not built.
  var bindings = glue();

  // Why this copy cannot run at all; null when it can.
  var problem =
    !bindings || !pinned(WASM) || !pinned(WASM_WITH_MESSAGE) || !pinned(DICTIONARY) || !pinned(PASSWORD_ENGINE)
    ? "this copy of breach-check.js was not built: use the one `make build` writes to dist/"
    : !base
      ? "its own URL is unknown: load breach-check.js with <script src>, not as a module or inline"
      : typeof WebAssembly !== "object"
        ? "this browser has no WebAssembly"
        : null;

  var FALLBACK = {
    fr: "Ce module de vérification n’a pas pu se charger sur cette page.",
    en: "This check could not load on this page."
  };
  var NOTICE = { fr: "Consulter l’information de votre complémentaire", en: "Read your insurer’s notice" };

  // ---- Reading the bundle's files, checked against their hashes -------------------------

  // The page's fetch, as it is when this script starts. A host may have wrapped it (a
  // monitoring script, say), and a wrapper may drop the integrity option: only the browser's
  // own fetch is trusted to check it.
  var pageFetch = window.fetch;
  var nativeFetch =
    typeof pageFetch === "function" &&
    /^function fetch\(\) \{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(pageFetch));
  // Only in a secure context (https:, or http://localhost); elsewhere the digest below.
  var subtle = window.crypto && window.crypto.subtle;
  // The browser checks the integrity option itself only when SubtleCrypto is missing and the
  // fetch is the native one. In every other case the bytes are checked here, so the option is
  // not passed at all: with it, a fetch holds the response back until the whole body is in,
  // and the wasm could not compile while it downloads.
  var browserChecks = !subtle && nativeFetch;

  // Opens one of the bundle's files: the page's fetch first, an XHR only when a fetch the page
  // put in place of the browser's own throws, rejects or gives something that is no Response
  // (a broken wrapper, a stub that refuses every call). An HTTP answer, a 404 say, is the
  // server's word, and the browser's own fetch failing (the network, or its integrity check
  // refusing the bytes: a 404 checked with the integrity option fails that way too) would
  // fail the same way again: neither is asked twice. Resolves to the response and whether
  // the browser already checked it.
  function open(file) {
    var url = new URL(file, base).href;
    return new Promise(function (resolve) {
      resolve(pageFetch.call(window, url, browserChecks ? { integrity: INTEGRITY[file] } : {}));
    })
      .then(function (response) {
        if (!(response instanceof Response)) throw new Error("the page's Fetch API gave no Response");
        return { response: response, checked: browserChecks };
      })
      .then(
        function (opened) {
          if (!opened.response.ok) throw new Error(file + ": HTTP " + opened.response.status);
          return opened;
        },
        function (error) {
          if (nativeFetch) throw error;
          console.warn("<breach-check> retrying " + file + " with an XHR:", error);
          return viaXhr(url).then(function (response) {
            return { response: response, checked: false };
          });
        }
      );
  }

  function viaXhr(url) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open("GET", url);
      xhr.responseType = "arraybuffer";
      xhr.onload = function () {
        if (xhr.status < 200 || xhr.status > 299 || xhr.status === 204) {
          reject(new Error(url + ": HTTP " + xhr.status));
          return;
        }
        var type = xhr.getResponseHeader("Content-Type") || "application/octet-stream";
        resolve(new Response(xhr.response, { status: xhr.status, headers: { "Content-Type": type } }));
      };
      xhr.onerror = xhr.onabort = xhr.ontimeout = function () {
        reject(new Error(url + ": network error"));
      };
      xhr.send();
    });
  }

  // The bytes of an opened file, once they match its hash (a mismatch rejects).
  function verifiedBytes(file, opened) {
    return opened.response.arrayBuffer().then(function (bytes) {
      if (opened.checked) return bytes;
      var digest = subtle
        ? subtle.digest("SHA-384", bytes)
        : Promise.resolve().then(function () {
            return sha384(new Uint8Array(bytes));
          });
      return digest.then(function (digest) {
        var actual = "sha384-" + btoa(String.fromCharCode.apply(null, new Uint8Array(digest)));
        if (actual !== INTEGRITY[file]) throw new Error(file + " does not match its integrity hash");
        return bytes;
      });
    });
  }

  // Compiles one of the bundle's wasm modules while it downloads (compileStreaming reads the
  // response as it arrives) and checks a copy of the same bytes alongside; the module is
  // instantiated (by the glue, or by the engines' loaders below), and so runs its code, only
  // once the hash matched. A server that sends the wasm with another
  // MIME type than application/wasm makes the streaming compile fail: the module is then
  // compiled from the checked bytes, after the download.
  function compileWasm(file) {
    return open(file).then(function (opened) {
      var response = opened.response;
      var copy = { response: response.clone(), checked: opened.checked };
      var streaming =
        typeof WebAssembly.compileStreaming === "function"
          ? WebAssembly.compileStreaming(response).then(null, function (error) {
              var type = response.headers.get("Content-Type") || "(none)";
              if (!/^application\/wasm\b/i.test(type)) {
                console.warn(
                  "<breach-check> " + file + " is served as " + type + ", not application/wasm: " +
                    "compiling it after the download instead of during it."
                );
              }
              return error;
            })
          : Promise.resolve(null);
      return verifiedBytes(file, copy).then(function (bytes) {
        return streaming.then(function (module) {
          return module instanceof WebAssembly.Module ? module : WebAssembly.compile(bytes);
        });
      });
    });
  }

  // Sections::parse, loosely: a token `message` in any ASCII case among the ones split on
  // ASCII white space. Loose on purpose: a list the widget then refuses (an unknown token
  // beside `message`) costs a download, a list it takes never gets the module without the
  // section.
  function wantsMessage(el) {
    return /(^|[\t\n\f\r ])message($|[\t\n\f\r ])/i.test(el.getAttribute("sections") || "");
  }

  // Which main module a widget gets: the one with the message section when it shows that
  // section, or when another widget of the page has or will have that module (one download
  // for the page instead of two); the one without otherwise.
  function moduleFor(el) {
    return wantsMessage(el) || modules[WASM_WITH_MESSAGE] || messageOnPage ? WASM_WITH_MESSAGE : WASM;
  }

  // The main modules, each loaded once per page and instantiated in a glue of its own (the
  // glue keeps its module in its closure): a page whose widgets need both runs both, and
  // each gets the engines and the dictionary the page loaded once.
  var modules = {};
  function load(file) {
    if (!modules[file]) {
      var exports = Object.keys(modules).length ? glue() : bindings;
      var asked = false;
      modules[file] = compileWasm(file).then(function (module) {
        return exports({ module_or_path: module }).then(function () {
          exports.setPasswordLoader(function () {
            if (asked) return;
            asked = true;
            loadPassword(exports);
          });
          return exports;
        });
      });
    }
    return modules[file];
  }

  // ---- The password engine and its dictionaries, on first use -----------------------------

  // How long the meter waits for the engine's module, and then for the dictionary file,
  // before it says what it lacks (either is still taken if it arrives later).
  var PASSWORD_PATIENCE_MS = 10000;

  // The estimator (its matchers, feedback texts and built-in word list) is a module of its
  // own, with no glue and no imports, and the full dictionaries are a file: most visitors
  // never type a password, so both are fetched once per page, when a visitor first uses a
  // password section (it scrolls into view, takes the focus or gets input): the widget asks
  // through the function given to setPasswordLoader. Every widget on the page shares them.
  // The module is compiled while it downloads and instantiated once its hash matched; the
  // dictionary file, once checked, is written into the module, which decodes it.
  var password = null;
  // The page's one engine and dictionary: fetched on the first ask, written into the engine
  // once.
  function passwordParts() {
    if (!password) {
      // Outside the widget's own call, so that a failure here is never a failure there.
      var later = new Promise(function (resolve) {
        setTimeout(resolve, 0);
      });
      var engine = later
        .then(function () {
          return compileWasm(PASSWORD_ENGINE);
        })
        .then(function (module) {
          // A Module in, an Instance out; no imports at all.
          return WebAssembly.instantiate(module, {});
        })
        .then(function (instance) {
          return passwordEngineCalls(instance.exports);
        });
      var dictionary = later.then(function () {
        return open(DICTIONARY).then(function (opened) {
          return verifiedBytes(DICTIONARY, opened);
        });
      });
      password = {
        engine: engine,
        dictionary: Promise.all([engine, dictionary]).then(function (both) {
          return both[0].dictionary(new Uint8Array(both[1]));
        })
      };
    }
    return password;
  }

  // Hands the engine and the dictionary to one main module's widgets (asked once per module).
  function loadPassword(exports) {
    var parts = passwordParts();
    var engineSettled = false, dictionarySettled = false;
    var enginePatience = setTimeout(function () {
      if (engineSettled) return;
      console.error("<breach-check> the password meter is still loading after " + PASSWORD_PATIENCE_MS / 1000 + " s.");
      exports.passwordEngineUnavailable();
    }, PASSWORD_PATIENCE_MS);
    var dictionaryPatience = setTimeout(function () {
      if (dictionarySettled) return;
      console.warn("<breach-check> the password dictionaries are taking long: rating with the built-in list.");
      exports.dictionariesUnavailable();
    }, PASSWORD_PATIENCE_MS);
    parts.engine.then(
      function (calls) {
        engineSettled = true;
        clearTimeout(enginePatience);
        exports.providePasswordEngine(calls);
      },
      function (error) {
        engineSettled = true;
        clearTimeout(enginePatience);
        console.error("<breach-check> the password meter could not load:", error);
        exports.passwordEngineUnavailable();
      }
    );
    parts.dictionary.then(
      function (loaded) {
        dictionarySettled = true;
        clearTimeout(dictionaryPatience);
        if (loaded) {
          exports.dictionariesReady();
        } else {
          console.error("<breach-check> the dictionary file is unusable: rating with the built-in list.");
          exports.dictionariesUnavailable();
        }
      },
      function (error) {
        dictionarySettled = true;
        clearTimeout(dictionaryPatience);
        console.warn("<breach-check> password dictionaries unavailable:", error);
        exports.dictionariesUnavailable();
      }
    );
  }

  // What the widget calls: rate(request bytes) -> answer bytes, over the engine's exports
  // (alloc(len) -> where to write; rate(len) -> where the answer is, its u32 little-endian
  // length first; dictionary(len) -> 1 when the file written there decoded). The buffers are
  // the engine's own. A failure answers no bytes, which the section reads as "could not rate".
  function passwordEngineCalls(exports) {
    var memory = exports.memory, alloc = exports.alloc, rate = exports.rate, dictionary = exports.dictionary;
    if (
      !(memory instanceof WebAssembly.Memory) ||
      typeof alloc !== "function" ||
      typeof rate !== "function" ||
      typeof dictionary !== "function"
    ) {
      throw new Error(PASSWORD_ENGINE + " does not have the expected exports");
    }
    function write(bytes) {
      var at = alloc(bytes.length) >>> 0;
      new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
    }
    return {
      rate: function (request) {
        try {
          write(request);
          var answer = rate(request.length) >>> 0;
          var length = new DataView(memory.buffer).getUint32(answer, true);
          return new Uint8Array(memory.buffer, answer + 4, length).slice();
        } catch (error) {
          console.error("<breach-check> the password meter failed:", error.name);
          return new Uint8Array(0);
        }
      },
      dictionary: function (bytes) {
        try {
          write(bytes);
          return dictionary(bytes.length) === 1;
        } catch (error) {
          console.error("<breach-check> the password meter could not take the dictionary:", error.name);
          return false;
        }
      }
    };
  }

  // ---- The message engine: a second wasm module, on first use ---------------------------

  // Most hosts never show the message section, and its engine (the Public Suffix List, the
  // IDNA and confusables tables) weighs more than the rest of the first paint: it is a module
  // of its own, with no glue and no imports, fetched once per page when a visitor first
  // focuses or types in a message text box, and checked against its hash like the main wasm
  // (a mismatch, a refusal or a module that wants imports fails closed). The widget shows
  // that it is loading, then rates what was pasted meanwhile; a load that fails or stalls is
  // said in the section, never a blank box.
  var messageEngine = null;

  // Listens, on one widget's shadow root, for the first use of its message text box. The
  // box exists only in a widget whose sections include `message`, so in the main module
  // with the section.
  function watchMessageUse(root) {
    if (root._bcWatchesMessage) return;
    root._bcWatchesMessage = true;
    function onUse(event) {
      var target = event.target;
      if (!(target instanceof HTMLTextAreaElement) || target.getAttribute("data-testid") !== "message") return;
      root.removeEventListener("focusin", onUse, true);
      root.removeEventListener("input", onUse, true);
      loadMessageEngine();
    }
    root.addEventListener("focusin", onUse, true);
    root.addEventListener("input", onUse, true);
  }

  // Loads the engine once for the page and hands it to every widget, or says it is
  // unavailable (after PATIENCE_MS for a stalled load; a module that arrives later still
  // takes over).
  function loadMessageEngine() {
    if (messageEngine) return;
    var settled = false;
    messageEngine = load(WASM_WITH_MESSAGE)
      .then(function (exports) {
        var patience = setTimeout(function () {
          if (settled) return;
          console.error("<breach-check> the message check is still loading after " + PATIENCE_MS / 1000 + " s.");
          exports.messageEngineUnavailable();
        }, PATIENCE_MS);
        return instantiateMessageEngine().then(
          function (engine) {
            settled = true;
            clearTimeout(patience);
            exports.provideMessageEngine(engine);
          },
          function (error) {
            settled = true;
            clearTimeout(patience);
            console.error("<breach-check> the message check could not load:", error);
            exports.messageEngineUnavailable();
          }
        );
      })
      .catch(function (error) {
        console.error("<breach-check> the message check could not start:", error);
      });
  }

  // The engine, compiled while it downloads and instantiated, with no imports at all, once
  // its hash matched.
  function instantiateMessageEngine() {
    if (!pinned(MESSAGE_ENGINE)) return Promise.reject(new Error(MESSAGE_ENGINE + " has no pinned hash"));
    return compileWasm(MESSAGE_ENGINE)
      .then(function (module) {
        return WebAssembly.instantiate(module, {});
      })
      .then(function (instance) {
        return messageEngineCalls(instance.exports);
      });
  }

  // What the widget calls: check(request bytes) -> answer bytes, over the engine's exports
  // (alloc(len) -> where to write the request; check(len) -> where the answer is, its u32
  // little-endian length first). Both buffers are the engine's own. A failure answers no
  // bytes, which the section reads as "could not check".
  function messageEngineCalls(exports) {
    var memory = exports.memory, alloc = exports.alloc, check = exports.check;
    if (!(memory instanceof WebAssembly.Memory) || typeof alloc !== "function" || typeof check !== "function") {
      throw new Error(MESSAGE_ENGINE + " does not have the expected exports");
    }
    return {
      check: function (request) {
        try {
          var at = alloc(request.length) >>> 0;
          new Uint8Array(memory.buffer, at, request.length).set(request);
          var answer = check(request.length) >>> 0;
          var length = new DataView(memory.buffer).getUint32(answer, true);
          return new Uint8Array(memory.buffer, answer + 4, length).slice();
        } catch (error) {
          console.error("<breach-check> the message check failed:", error);
          return new Uint8Array(0);
        }
      }
    };
  }

  // ---- The attributes the fallback reads, by the widget's own rules ----------------------

  // Rust's str::trim and char::is_whitespace (Unicode White_Space), which the widget uses:
  // unlike JavaScript's trim and \s they keep U+FEFF and take U+0085.
  var SPACE = "\\t-\\r \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var TRIM = new RegExp("^[" + SPACE + "]+|[" + SPACE + "]+$", "g");
  // What the widget refuses in a notice-href: white space, control characters (Unicode Cc),
  // U+FEFF, quotes, angle brackets, backticks.
  var NOT_IN_HREF = new RegExp("[" + SPACE + "\\x00-\\x1f\\x7f-\\x9f\\ufeff\"<>`]");
  function attribute(el, name) {
    return (el.getAttribute(name) || "").replace(TRIM, "");
  }

  // Lang::parse: the primary subtag, before the first '-' or '_' (en, en-GB, en_US), in any
  // ASCII case; anything else is French.
  function language(el) {
    return /^en$/i.test(attribute(el, "lang").split(/[-_]/)[0]) ? "en" : "fr";
  }

  // is_web_url: an absolute http(s) URL with a host, and no character a URL cannot hold.
  function noticeHref(el) {
    var value = attribute(el, "notice-href");
    return /^https?:\/\/[^\/?#]/i.test(value) && !NOT_IN_HREF.test(value) ? value : null;
  }

  // ---- What an element shows when there is no widget ------------------------------------

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

  // While the widget loads, the shadow root holds only a slot: the host's own content inside
  // the element (a paragraph and a link to its notice, as the README advises) stays on
  // screen, styled by the host, until the widget replaces it.
  function showHostContent(root) {
    root.adoptedStyleSheets = [];
    root.replaceChildren(element("slot"));
  }

  // A short, accessible message instead of a blank box when the wasm cannot run, or has not
  // arrived in time.
  function showFallback(el, root) {
    var lang = language(el);
    var box = element("p");
    box.setAttribute("role", "alert");
    box.setAttribute("lang", lang);
    box.setAttribute("data-testid", "fallback");
    box.textContent = FALLBACK[lang] + " ";
    var href = noticeHref(el);
    if (href) {
      var link = element("a");
      link.setAttribute("href", href);
      link.textContent = NOTICE[lang];
      box.appendChild(link);
    }
    root.adoptedStyleSheets = fallbackSheets();
    root.replaceChildren(box);
  }

  // ---- Back/forward cache: what was typed does not come back ------------------------------

  // A page kept in the back/forward cache keeps its DOM, input values included, and Back
  // shows it again: the password a visitor typed would be there for the next person at the
  // computer. So every widget is emptied when the page is hidden into the cache, and comes
  // back empty when it is shown again.
  var mounted = new Set();
  var hidden = [];
  window.addEventListener("pagehide", function (event) {
    if (!event.persisted) return;
    mounted.forEach(function (el) {
      if (el.isConnected && el._bcWidget) {
        el._bcWidget.park();
        hidden.push(el);
      }
    });
  });
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    hidden.splice(0).forEach(function (el) {
      if (el.isConnected && el._bcWidget) el._bcWidget.resume();
    });
  });

  function release(el) {
    var widget = el._bcWidget;
    el._bcWidget = null;
    mounted.delete(el);
    try {
      widget.destroy();
      widget.free();
    } catch (e) {
      // Already torn down with its wasm instance: nothing left to free.
    }
  }

  if (problem) console.error("<breach-check> cannot run: " + problem + ".");

  class BreachCheck extends HTMLElement {
    static get observedAttributes() {
      return ATTRIBUTES;
    }

    connectedCallback() {
      var el = this;
      var root = el.shadowRoot || el.attachShadow({ mode: "open" });
      var generation = (el._bcGeneration = (el._bcGeneration || 0) + 1);
      clearTimeout(el._bcRelease);
      // Given the message section while on the module without it: it starts again on the one
      // with it (what was typed in it is dropped).
      if (el._bcWidget && el._bcModule === WASM && wantsMessage(el)) release(el);
      if (el._bcWidget) {
        el._bcWidget.resume();
        return;
      }
      if (problem) {
        showFallback(el, root);
        return;
      }
      watchMessageUse(root);
      showHostContent(root);
      var current = function () {
        return el.isConnected && generation === el._bcGeneration && !el._bcWidget;
      };
      var patience = setTimeout(function () {
        if (current()) {
          console.error("<breach-check> still loading after " + PATIENCE_MS / 1000 + " s: showing the fallback.");
          showFallback(el, root);
        }
      }, PATIENCE_MS);
      // A wasm that arrives after the fallback showed still mounts: the message was a stand-in
      // for a slow network, and the working widget replaces it.
      load((el._bcModule = moduleFor(el)))
        .then(
          function (exports) {
            clearTimeout(patience);
            // Removed (or removed and re-added) while loading: the latest connect wins.
            if (!current()) return;
            var widget = (el._bcWidget = exports.mount(el, root));
            mounted.add(el);
            // Yew renders in a microtask, so by the next task the form is there. A page that
            // broke a DOM method the renderer needs (<img name="createTextNode"> hides the
            // document's own) leaves a half-drawn box: the fallback replaces it.
            setTimeout(function () {
              if (el._bcWidget === widget && el.isConnected && !root.querySelector("[data-testid]")) {
                console.error("<breach-check> the widget did not render on this page.");
                release(el);
                showFallback(el, root);
              }
            }, 0);
          },
          function (error) {
            clearTimeout(patience);
            console.error("<breach-check> could not load:", error);
            if (generation === el._bcGeneration) showFallback(el, root);
          }
        )
        .catch(function (error) {
          console.error("<breach-check> could not start:", error);
          if (el._bcWidget) release(el);
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
        release(el);
      }, RELEASE_AFTER_MS);
    }

    attributeChangedCallback(name) {
      // Loading or running the module without the message section, and now asked for it.
      if (name === "sections" && this._bcModule === WASM && wantsMessage(this) && this.isConnected) {
        this.connectedCallback();
        return;
      }
      if (this._bcWidget) this._bcWidget.update();
    }
  }

  // Whether a widget already in the document when the element is defined shows the message
  // section: then every widget of the page gets the module with it.
  var messageOnPage = Array.prototype.some.call(querySelectorAll.call(doc, TAG), wantsMessage);
  window.customElements.define(TAG, BreachCheck);

  // SHA-384 (FIPS 180-4), for a page without SubtleCrypto (not a secure context) whose fetch
  // is not the browser's own, or that fell back to an XHR: there the integrity option cannot
  // be relied on, and the bytes are still checked. 64-bit words are pairs of 32-bit halves
  // (high, low), each sum carrying from the low half. The constants are derived as the
  // standard defines them, from the first primes' roots, with BigInt, once.
  var shaRounds = null;
  var shaStart = null;
  function rootBits(prime, degree) {
    // The first 64 bits of the fraction of prime^(1/degree): the integer root of
    // prime * 2^(64 * degree), modulo 2^64, by Newton's method from a double's estimate.
    var big = BigInt, target = big(prime) << big(64 * degree), n = big(degree), one = big(1);
    var root = big(Math.floor(Math.pow(prime, 1 / degree) * 4294967296)) << big(32);
    for (var step = 0; step < 6; step++) root = ((n - one) * root + target / root ** (n - one)) / n;
    while (root ** n > target) root -= one;
    while ((root + one) ** n <= target) root += one;
    var half = big(0xffffffff);
    return [Number((root >> big(32)) & half) | 0, Number(root & half) | 0];
  }
  function sha384(bytes) {
    if (!shaRounds) {
      var primes = [];
      for (var candidate = 2; primes.length < 80; candidate++) {
        if (primes.every(function (p) { return candidate % p; })) primes.push(candidate);
      }
      shaRounds = new Int32Array(160);
      shaStart = new Int32Array(16);
      primes.forEach(function (prime, i) {
        shaRounds.set(rootBits(prime, 3), 2 * i);
        // SHA-384 starts from the square roots of the 9th to 16th primes.
        if (i >= 8 && i < 16) shaStart.set(rootBits(prime, 2), 2 * (i - 8));
      });
    }
    var K = shaRounds, H = shaStart.slice(), W = new Int32Array(160), i, low, next;
    var size = Math.ceil((bytes.length + 17) / 128) * 128, block = new Uint8Array(size);
    block.set(bytes);
    block[bytes.length] = 0x80;
    var view = new DataView(block.buffer), bits = bytes.length * 8;
    view.setUint32(size - 8, Math.floor(bits / 4294967296));
    view.setUint32(size - 4, bits >>> 0);
    for (var offset = 0; offset < size; offset += 128) {
      for (i = 0; i < 32; i++) W[i] = view.getInt32(offset + 4 * i);
      for (i = 32; i < 160; i += 2) {
        // W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]
        var xh = W[i - 30], xl = W[i - 29];
        var s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
        var s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
        xh = W[i - 4];
        xl = W[i - 3];
        var s1h = ((xh >>> 19) | (xl << 13)) ^ ((xl >>> 29) | (xh << 3)) ^ (xh >>> 6);
        var s1l = ((xl >>> 19) | (xh << 13)) ^ ((xh >>> 29) | (xl << 3)) ^ ((xl >>> 6) | (xh << 26));
        low = (s0l + s1l) | 0;
        var high = (s0h + s1h + ((low >>> 0) < (s0l >>> 0))) | 0;
        next = (low + W[i - 13]) | 0;
        high = (high + W[i - 14] + ((next >>> 0) < (low >>> 0))) | 0;
        low = (next + W[i - 31]) | 0;
        W[i] = (high + W[i - 32] + ((low >>> 0) < (next >>> 0))) | 0;
        W[i + 1] = low;
      }
      var ah = H[0], al = H[1], bh = H[2], bl = H[3], ch = H[4], cl = H[5], dh = H[6], dl = H[7];
      var eh = H[8], el = H[9], fh = H[10], fl = H[11], gh = H[12], gl = H[13], hh = H[14], hl = H[15];
      for (i = 0; i < 160; i += 2) {
        // t1 = h + Σ1(e) + Ch(e, f, g) + K[t] + W[t]
        var sh = ((eh >>> 14) | (el << 18)) ^ ((eh >>> 18) | (el << 14)) ^ ((el >>> 9) | (eh << 23));
        var sl = ((el >>> 14) | (eh << 18)) ^ ((el >>> 18) | (eh << 14)) ^ ((eh >>> 9) | (el << 23));
        var t1l = (hl + sl) | 0, t1h = (hh + sh + ((t1l >>> 0) < (hl >>> 0))) | 0;
        var x = (el & fl) ^ (~el & gl);
        next = (t1l + x) | 0;
        t1h = (t1h + ((eh & fh) ^ (~eh & gh)) + ((next >>> 0) < (x >>> 0))) | 0;
        t1l = (next + K[i + 1]) | 0;
        t1h = (t1h + K[i] + ((t1l >>> 0) < (next >>> 0))) | 0;
        next = (t1l + W[i + 1]) | 0;
        t1h = (t1h + W[i] + ((next >>> 0) < (t1l >>> 0))) | 0;
        t1l = next;
        // t2 = Σ0(a) + Maj(a, b, c)
        sh = ((ah >>> 28) | (al << 4)) ^ ((al >>> 2) | (ah << 30)) ^ ((al >>> 7) | (ah << 25));
        sl = ((al >>> 28) | (ah << 4)) ^ ((ah >>> 2) | (al << 30)) ^ ((ah >>> 7) | (al << 25));
        x = (al & bl) ^ (al & cl) ^ (bl & cl);
        var t2l = (sl + x) | 0;
        var t2h = (sh + ((ah & bh) ^ (ah & ch) ^ (bh & ch)) + ((t2l >>> 0) < (x >>> 0))) | 0;
        hh = gh; hl = gl; gh = fh; gl = fl; fh = eh; fl = el;
        el = (dl + t1l) | 0;
        eh = (dh + t1h + ((el >>> 0) < (dl >>> 0))) | 0;
        dh = ch; dl = cl; ch = bh; cl = bl; bh = ah; bl = al;
        al = (t1l + t2l) | 0;
        ah = (t1h + t2h + ((al >>> 0) < (t1l >>> 0))) | 0;
      }
      var state = [ah, al, bh, bl, ch, cl, dh, dl, eh, el, fh, fl, gh, gl, hh, hl];
      for (i = 0; i < 16; i += 2) {
        low = (H[i + 1] + state[i + 1]) | 0;
        H[i] = (H[i] + state[i] + ((low >>> 0) < (state[i + 1] >>> 0))) | 0;
        H[i + 1] = low;
      }
    }
    var digest = new Uint8Array(48), out = new DataView(digest.buffer);
    for (i = 0; i < 12; i++) out.setInt32(4 * i, H[i]);
    return digest;
  }
})(
  // The wasm-bindgen glue (`--target no-modules`), put in by tools/finish-dist.sh in place of
  // the marker line below, followed by `return wasm_bindgen;`. It lives out here, in a
  // function of its own, so that it sees none of the loader's names (its `self` is the
  // global one). It is given no `document`: its only use would be a guess at the wasm's URL
  // from document.currentScript, which markup can forge, and the loader always hands it the
  // compiled module instead.
  function (document) {
    "use strict";
    return null; // @GLUE@
  }
);
