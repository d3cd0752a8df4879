// The in-page half of `make bench` (the driver is examples/browser_bench.rs).
//
// One page load measures one meter, given by `?meter=`: ours (the wasm estimator built with
// `--features bench`), zxcvbn-ts 4.2 (core + common + fr + en) or zxcvbn 4.4.2. It times the
// start-up until the first rating, then every password of the corpus, then a few
// 256-character inputs, and leaves the figures in `window.__bench` for the driver.
//
// Timing: the browser's clock is coarse (5 µs here, cross-origin isolated), so each password
// is rated repeatedly until the batch lasts at least BATCH_MS, and its time is the batch
// divided by the repetitions. One untimed pass over the corpus warms every meter's JIT first.

const BATCH_MS = 2;
const MAX_REPS = 2000;

function loadScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.async = false; // keep the order of the language packs
    script.onload = resolve;
    script.onerror = () => reject(new Error("cannot load " + src));
    document.head.append(script);
  });
}

// Each loader returns a function password -> score (0–4), ready to use.
const METERS = {
  async ours(phases) {
    let t = performance.now();
    const mark = (name) => {
      const now = performance.now();
      phases.push([name, now - t]);
      t = now;
    };
    const glue = await import("/ours/breach_check.js");
    mark("glue");
    await glue.default({ module_or_path: "/ours/breach_check_bg.wasm" });
    mark("wasm");
    const [words, bytes] = await Promise.all([
      fetch("/context.json").then((r) => r.json()),
      fetch("/assets/breach-check.dict").then((r) => r.arrayBuffer()),
    ]);
    mark("fetch dictionary");
    const meter = new glue.BenchMeter(new Uint8Array(bytes), new Date().getFullYear(), words);
    mark("decode");
    return (password) => meter.score(password);
  },
  async "zxcvbn-ts"() {
    const base = "/npm/@zxcvbn-ts/";
    await Promise.all(
      ["core", "language-common", "language-en", "language-fr"].map((p) =>
        loadScript(base + p + "/dist/zxcvbn-ts.js"),
      ),
    );
    const ts = window.zxcvbnts;
    const zxcvbn = new ts.core.ZxcvbnFactory({
      dictionary: {
        ...ts["language-common"].dictionary,
        ...ts["language-en"].dictionary,
        ...ts["language-fr"].dictionary,
      },
      graphs: ts["language-common"].adjacencyGraphs,
      translations: ts["language-fr"].translations,
    });
    return (password) => zxcvbn.check(password).score;
  },
  async zxcvbn() {
    await loadScript("/npm/zxcvbn/dist/zxcvbn.js");
    return (password) => window.zxcvbn(password).score;
  },
};

// The corpus: one password a line; lines starting with "# " are comments, and a
// "# section: NAME" line starts a section.
function parseCorpus(text) {
  const entries = [];
  let section = "";
  for (const line of text.split("\n")) {
    if (line.startsWith("# ")) {
      const m = /^# section:\s*(\S+)/.exec(line);
      if (m) section = m[1];
      continue;
    }
    if (line.length > 0) entries.push({ section, password: line });
  }
  return entries;
}

function timeOne(rate, password) {
  let reps = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    rate(password);
    reps += 1;
    elapsed = performance.now() - start;
  } while (elapsed < BATCH_MS && reps < MAX_REPS);
  return elapsed / reps;
}

// Inputs of 256 characters, the kinds that make meters slow: random printable ASCII, short
// units repeated (zxcvbn's repeat matcher re-rates the unit), runs of symbols and digits
// (the l33t and date matchers), runs of one l33t digit and random digits (the slowest for
// ours, issue #18 / review F11), a keyboard walk and ordinary French words.
function longInputs() {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let random = "";
  for (let i = 0; i < 256; i++) random += String.fromCharCode(33 + Math.floor(next() * 94));
  let digits = "";
  for (let i = 0; i < 256; i++) digits += String.fromCharCode(48 + Math.floor(next() * 10));
  const fill = (unit) => unit.repeat(Math.ceil(256 / unit.length)).slice(0, 256);
  return {
    random,
    "aB3$ repeated": fill("aB3$"),
    "symbols and digits": fill(" .,?!'-/_:;+()@$\"#&*<>=[]\\~%^{}|1234567890"),
    "1@3$5!7|0 repeated": fill("1@3$5!7|0"),
    "a run of 1": fill("1"),
    "17 repeated": fill("17"),
    "random digits": digits,
    "keyboard walk": fill("azertyuiopqsdfghjklmwxcvbn"),
    "French words": fill("mot de passe soleil bonjour chocolat "),
  };
}

async function run() {
  const name = new URLSearchParams(location.search).get("meter");
  const load = METERS[name];
  if (!load) throw new Error("unknown meter " + name);

  // Start once the page has settled, so that no meter pays for the browser's own start.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const phases = [];
  const t0 = performance.now();
  const rate = await load(phases);
  rate("x");
  const startupMs = performance.now() - t0;

  const corpus = parseCorpus(await (await fetch("/corpus/bench.txt")).text());
  for (const { password } of corpus) rate(password); // warm-up, untimed
  const scores = [];
  const times = [];
  for (const { password } of corpus) {
    scores.push(rate(password));
    times.push(timeOne(rate, password));
  }
  const long = {};
  for (const [label, password] of Object.entries(longInputs())) {
    const start = performance.now();
    rate(password);
    long[label] = performance.now() - start;
  }
  return {
    meter: name,
    isolated: window.crossOriginIsolated === true,
    startupMs,
    phases,
    sections: corpus.map((e) => e.section),
    scores,
    times,
    long,
  };
}

run().then(
  (result) => {
    window.__bench = result;
    document.getElementById("status").textContent = "done";
  },
  (error) => {
    window.__bench = { error: String(error && error.stack ? error.stack : error) };
    document.getElementById("status").textContent = "failed: " + error;
  },
);
