#!/usr/bin/env python3
"""`make bench-embed`: what embedding the widget costs a host page, in one headless Chromium run.

    python3 tools/bench-embed/bench.py [--runs 7] [--kbps N] DIST MINIMAL

DIST is the release `dist/` (`make build`); MINIMAL holds the minimal Yew app the Makefile
builds with the same toolchain and release profile (minimal.js, minimal.wasm). Each is served
from 127.0.0.1 under /bc/, gzip -9 encoded as a CDN would send it, next to the same host page
(a heading and a notice, then the element). Loads alternate between the two, each in a fresh
Chromium process and profile (no cache), so the machine's drift hits both alike. A probe
installed before the loader reports, from navigation start:

- when the script was requested, and when the form is usable (the operator <select> is in
  the shadow root: a MutationObserver callback runs right after the change);
- the bytes of the bundle's files requested before that moment (the encoded body sizes the
  browser saw, that is gzip -9 bytes);
- for the widget, after a second of idling: whether the password engine's module or the
  dictionary was fetched (neither should be, before anyone uses the password section), then
  the first focus of the password field with a password typed, and when the meter rates it
  with the full dictionary.

Prints the medians of the loads as a Markdown table, the ratio to the minimal app beside
the times (absolute times on a shared machine drift, a ratio from one run much less).
A benchmark, not a test: it asserts nothing.
"""
import argparse
import datetime
import gzip
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys

# The server and the fresh-browser load are tools/measure-load.py's (its name is no module
# name, so it is loaded from its path).
_spec = importlib.util.spec_from_file_location(
    "measure_load", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "measure-load.py"))
measure_load = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(measure_load)

NOTICE = """<h1>Cyberattaques de 2024 chez les opérateurs de tiers payant</h1>
<p>Fin janvier et début février 2024, les opérateurs de tiers payant Viamedis et Almerys ont été
victimes d’intrusions. La CNIL a indiqué que plus de 33 millions de personnes étaient concernées.</p>
<p>L’outil ci-dessous vous aide à savoir si vous étiez probablement concerné et quoi faire.</p>"""

PAGES = {
    "widget": ("breach-check.js", '<breach-check lang="fr"></breach-check>'),
    "minimal": ("minimal.js", "<minimal-app></minimal-app>"),
}

HOST_PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><title>bench-embed</title>
<script src="/probe.js"></script>
<script src="/bc/{script}" defer></script></head>
<body>{notice}{element}</body></html>"""

# Installed before the loader. Watches every shadow root as it is attached and notes the
# moment the form is usable; then, when the root holds a password field, idles a second,
# focuses the field, types a password (one input event, as a paste makes) and notes when the
# meter rates it with the full dictionary. Reports once, by a POST to the bench's server.
PROBE = r"""(function () {
  var attach = Element.prototype.attachShadow, result = null;
  function resources() {
    return performance.getEntriesByType('resource')
      .filter(function (e) { return e.name.indexOf('/bc/') >= 0; })
      .map(function (e) {
        return { name: e.name.split('/').pop(), start: e.startTime, end: e.responseEnd,
                 bytes: e.encodedBodySize };
      });
  }
  function send() {
    var xhr = new XMLHttpRequest(); xhr.open('POST', '/result'); xhr.send(JSON.stringify(result));
  }
  function fullMeter(root) {
    var meter = root.querySelector('[data-testid=password-meter]');
    var bc = root.querySelector('.bc');
    return meter && bc && bc.dataset.dictionaries === 'ready' &&
      meter.hasAttribute('data-score') && !meter.hasAttribute('aria-busy');
  }
  function usePassword(root) {
    var field = root.querySelector('[data-testid=password]');
    if (!field) { send(); return; }
    setTimeout(function () {
      result.beforeFocus = resources();
      var watching = new MutationObserver(function () {
        if (fullMeter(root)) {
          watching.disconnect();
          result.fullMeter = performance.now();
          result.afterFocus = resources();
          send();
        }
      });
      watching.observe(root, { attributes: true, childList: true, subtree: true });
      result.focus = performance.now();
      field.focus({ preventScroll: true });
      field.value = 'motdepasse1';
      field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true,
        inputType: 'insertFromPaste', data: 'motdepasse1' }));
    }, 1000);
  }
  Element.prototype.attachShadow = function (init) {
    var root = attach.call(this, init);
    new MutationObserver(function (_, observer) {
      if (!result && root.querySelector('[data-testid=operator]')) {
        observer.disconnect();
        var script = resources().filter(function (e) { return /\.js$/.test(e.name); })[0];
        result = { usable: performance.now(), script: script ? script.start : -1,
                   atUsable: resources() };
        setTimeout(function () { usePassword(root); }, 0);
      }
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
})();"""

def gzip9(data):
    """gzip -9, as the size budget measures (the command itself when there is one)."""
    try:
        return subprocess.run(["gzip", "-9", "-n", "-c"], input=data, capture_output=True,
                              check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return gzip.compress(data, 9, mtime=0)


def bundle(kind, folder):
    """The files served under /bc/ for one bundle, gzip -9 encoded."""
    files = {}
    for name in os.listdir(folder):
        path = os.path.join(folder, name)
        if os.path.isfile(path) and os.path.splitext(name)[1] in (".js", ".wasm", ".dict"):
            with open(path, "rb") as f:
                files[name] = gzip9(f.read())
    script, element = PAGES[kind]
    if script not in files:
        sys.exit(f"bench-embed: {folder} has no {script}")
    page = HOST_PAGE.format(script=script, notice=NOTICE, element=element).encode()
    return files, page


def serve(files, page, results, kbps):
    """The host page, the probe and the bundle's files (gzip -9 encoded) under /bc/."""
    def respond(path):
        if path == "/x.html":
            return page, "text/html; charset=utf-8", False, False
        if path == "/probe.js":
            return PROBE.encode(), "text/javascript", False, False
        if path.startswith("/bc/") and path[4:] in files:
            kind = measure_load.TYPES.get(os.path.splitext(path)[1], "application/octet-stream")
            return files[path[4:]], kind, True, True
        return None

    return measure_load.start_server(respond, results, kbps)


def one_load(port, results, chromium):
    return measure_load.one_load(port, results, chromium, ["--window-size=1280,800"])


def before(sample, moment, entries="atUsable"):
    """Bytes of the bundle files requested before `moment` (ms from navigation start)."""
    return sum(e["bytes"] for e in sample.get(entries, []) if e["start"] <= moment)


def password_bytes(entries):
    """Bytes of the password section's files: the engine's module and the dictionary."""
    return sum(e["bytes"] for e in entries
               if e["name"].endswith(".dict") or e["name"] == "breach-check-password.wasm")


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def kb(value):
    return "—" if value is None else f"{value / 1000:.1f} KB"


def ms(value):
    return "—" if value is None else f"{value:.0f} ms"


def ratio(ours, theirs):
    return "" if ours is None or not theirs else f"{ours / theirs:.2f}×"


def chromium_version(chromium):
    try:
        out = subprocess.run([chromium, "--version"], capture_output=True, text=True, timeout=30)
        return out.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return chromium


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--kbps", type=float, default=0)
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM") or shutil.which("chromium")
                        or "/usr/bin/chromium")
    parser.add_argument("dist")
    parser.add_argument("minimal")
    args = parser.parse_args()

    served = {}
    for kind, folder in (("widget", args.dist), ("minimal", args.minimal)):
        files, page = bundle(kind, folder)
        results = []
        served[kind] = (serve(files, page, results, args.kbps), results, files)
    samples = {kind: [] for kind in served}
    for _ in range(args.runs):
        for kind, (server, results, _) in served.items():
            sample = one_load(server.server_address[1], results, args.chromium)
            if sample is None:
                print(f"bench-embed: a {kind} load did not report within 60 s", file=sys.stderr)
            else:
                samples[kind].append(sample)

    def figures(kind):
        got = samples[kind]
        if not got:
            return {}
        return {
            "bytes": median(before(s, s["usable"]) for s in got),
            "script": median(s["script"] for s in got),
            "usable": median(s["usable"] for s in got),
            "span": median(s["usable"] - s["script"] for s in got),
            "idle_dict": median(password_bytes(s["beforeFocus"]) if "beforeFocus" in s else None
                                for s in got),
            "full": median(s["fullMeter"] - s["focus"] if "fullMeter" in s else None for s in got),
            "dict": median(password_bytes(s["afterFocus"]) if "afterFocus" in s else None
                           for s in got),
            "loads": len(got),
        }

    ours, yardstick = figures("widget"), figures("minimal")
    today = datetime.date.today().isoformat()
    print(f"`make bench-embed`, {today}, {chromium_version(args.chromium)}, median of "
          f"{ours.get('loads', 0)} and {yardstick.get('loads', 0)} fresh loads"
          + (f", files sent at {args.kbps:g} KB/s" if args.kbps else ", loopback") + ":\n")
    print("| figure | breach-check | minimal Yew app | ratio |")
    print("|---|---|---|---|")
    rows = [
        ("bytes before the form is usable (gzip -9)", kb(ours.get("bytes")), kb(yardstick.get("bytes")),
         ratio(ours.get("bytes"), yardstick.get("bytes"))),
        ("password engine + dictionary bytes, 1 s after first paint, no password used",
         kb(ours.get("idle_dict")), "—", ""),
        ("navigation → script requested", ms(ours.get("script")), ms(yardstick.get("script")), ""),
        ("navigation → form usable", ms(ours.get("usable")), ms(yardstick.get("usable")),
         ratio(ours.get("usable"), yardstick.get("usable"))),
        ("**script requested → form usable**", ms(ours.get("span")), ms(yardstick.get("span")),
         ratio(ours.get("span"), yardstick.get("span"))),
        ("first focus → full meter (engine and dictionary fetched, password rated)",
         ms(ours.get("full")), "—", ""),
        ("password engine + dictionary bytes after the first focus", kb(ours.get("dict")), "—", ""),
    ]
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
