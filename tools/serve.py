#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 with the right MIME types (make serve)."""
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".dict": "application/octet-stream",
    }


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else "dist"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8080
    handler = functools.partial(Handler, directory=folder)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving {folder}/ at http://127.0.0.1:{port}/ (Ctrl-C to stop)", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
