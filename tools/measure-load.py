#!/usr/bin/env python3
"""Fresh-load timings of the embed, in headless Chromium, for one or more built bundles.

    python3 tools/measure-load.py [--runs 7] [--kbps N] DIST [DIST ...]

Each DIST (a built `dist/`, say the one before a change and the one after) is served from
127.0.0.1 under /bc/ next to a plain host page. Runs alternate between the bundles, each in a
fresh Chromium profile (no cache), so the machine's drift hits every bundle alike. The page
reports, from navigation start: when the loader was requested, and when the form is usable
(the operator <select> is in the shadow root). Prints the medians as a Markdown table.
With --kbps, the bundle's files are sent at about N kilobytes per second (a slow link, where
compiling while downloading shows).

A measurement tool, not a test: it asserts nothing. Figures from one run compare with each
other; absolute times on a shared machine drift.
"""
import argparse
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HOST_PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<link rel="icon" href="data:,"><title>load</title>
<script src="/probe.js"></script>
<script src="/bc/breach-check.js" defer></script></head>
<body><h1>Host</h1><breach-check lang="fr"></breach-check></body></html>"""

# Installed before the loader: watches every shadow root as it is attached, and reports the
# moment the form is usable (a MutationObserver callback runs right after the change).
PROBE = """(function () {
  var attach = Element.prototype.attachShadow, done = false;
  function report() {
    var script = performance.getEntriesByType('resource')
      .filter(function (e) { return /breach-check\\.js$/.test(e.name); })[0];
    var wasm = performance.getEntriesByType('resource')
      .filter(function (e) { return /\\.wasm$/.test(e.name); })[0];
    var body = JSON.stringify({ usable: performance.now(),
      script: script ? script.startTime : -1,
      wasmEnd: wasm ? wasm.responseEnd : -1 });
    var xhr = new XMLHttpRequest(); xhr.open('POST', '/result'); xhr.send(body);
  }
  Element.prototype.attachShadow = function (init) {
    var root = attach.call(this, init);
    new MutationObserver(function () {
      if (!done && root.querySelector('[data-testid=operator]')) { done = true; report(); }
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
})();"""

TYPES = {".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html"}


def start_server(respond, results, kbps):
    """Serves GETs from `respond(path)` on 127.0.0.1 (an ephemeral port) until the process ends.

    `respond` gives (body, content type, gzip-encoded, a bundle file) or None for a 404. POSTs
    (a probe's report) are parsed as JSON and appended to `results`. With `kbps`, bundle files
    are sent at about that many kilobytes per second. Shared with tools/bench-embed/bench.py.
    """
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def handle(self):
            try:
                super().handle()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the browser was closed while a file was still being sent

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            results.append(json.loads(self.rfile.read(length)))
            self.send_response(204)
            self.end_headers()

        def do_GET(self):
            answer = respond(self.path.split("?")[0])
            if answer is None:
                self.send_error(404)
                return
            body, kind, encoded, throttled = answer
            self.send_response(200)
            self.send_header("Content-Type", kind)
            if encoded:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if kbps and throttled:
                chunk = 16 * 1024
                for start in range(0, len(body), chunk):
                    self.wfile.write(body[start:start + chunk])
                    self.wfile.flush()
                    time.sleep(chunk / 1024 / kbps)
            else:
                self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def serve(dist, results, kbps):
    """The host page, the probe and the files of `dist` under /bc/, as they are on disk."""
    def respond(path):
        if path == "/x.html":
            return HOST_PAGE.encode(), "text/html; charset=utf-8", False, False
        if path == "/probe.js":
            return PROBE.encode(), "text/javascript", False, False
        if path.startswith("/bc/") and "/" not in path[4:] and ".." not in path:
            file = os.path.join(dist, path[4:])
            if os.path.isfile(file):
                with open(file, "rb") as f:
                    body = f.read()
                return body, TYPES.get(os.path.splitext(file)[1], "application/octet-stream"), False, True
        return None

    return start_server(respond, results, kbps)


def one_load(port, results, chromium, extra_args=()):
    """Opens the host page once in a fresh headless Chromium (a new profile, no cache) and
    returns what its probe reported, or None when it did not within 60 s."""
    profile = tempfile.mkdtemp(prefix="bc-load-")
    before = len(results)
    proc = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", *extra_args,
         "--user-data-dir=" + profile, "--remote-debugging-port=0",
         f"http://127.0.0.1:{port}/x.html"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while len(results) == before and time.time() < deadline:
        time.sleep(0.05)
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    shutil.rmtree(profile, ignore_errors=True)
    return results[before] if len(results) > before else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--kbps", type=float, default=0)
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("dists", nargs="+")
    args = parser.parse_args()
    servers = []
    for dist in args.dists:
        results = []
        servers.append((dist, serve(dist, results, args.kbps), results))
    samples = {dist: [] for dist in args.dists}
    for _ in range(args.runs):
        for dist, server, results in servers:
            sample = one_load(server.server_address[1], results, args.chromium)
            if sample is None:
                print(f"{dist}: a load did not report within 60 s", file=sys.stderr)
            else:
                samples[dist].append(sample)
    print("| bundle | loads | nav → script requested | nav → wasm received | nav → form usable "
          "| script → form usable | wasm received → form usable |")
    print("|---|---|---|---|---|---|---|")
    for dist in args.dists:
        got = samples[dist]
        if not got:
            continue
        med = lambda key: statistics.median(s[key] for s in got)
        span = statistics.median(s["usable"] - s["script"] for s in got)
        tail = statistics.median(s["usable"] - s["wasmEnd"] for s in got)
        print(f"| {dist} | {len(got)} | {med('script'):.0f} ms | {med('wasmEnd'):.0f} ms "
              f"| {med('usable'):.0f} ms | {span:.0f} ms | {tail:.0f} ms |")


if __name__ == "__main__":
    main()
