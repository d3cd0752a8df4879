// The harness's own first script on every test page (served by the test server, not part of
// the widget). It records, from before any script of the host or the widget runs:
// - every Content-Security-Policy violation the page reports (`__bcViolations`);
// - the longest stretch during which the page could not run a timer (`__bcLongestGap`, ms):
//   a task that blocks the page shows here in every engine (Chromium's `longtask` entries,
//   where they exist, go to `__bcLongestTask`).
window.__bcViolations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__bcViolations.push(e.violatedDirective + ' ' + e.blockedURI));
window.__bcLongestTask = 0;
try {
  new PerformanceObserver((list) => {
    for (const t of list.getEntries()) {
      window.__bcLongestTask = Math.max(window.__bcLongestTask, t.duration);
    }
  }).observe({ entryTypes: ['longtask'] });
} catch (e) {
  // Not every engine has long-task timing; the heartbeat below covers them all.
}
window.__bcLongestGap = 0;
let __bcLastBeat = performance.now();
setInterval(() => {
  const now = performance.now();
  window.__bcLongestGap = Math.max(window.__bcLongestGap, now - __bcLastBeat - 50);
  __bcLastBeat = now;
}, 50);
