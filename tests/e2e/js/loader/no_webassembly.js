// A browser where WebAssembly is off or missing.
delete window.WebAssembly;
