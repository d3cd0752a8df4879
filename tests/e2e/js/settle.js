// Resolves once every render the page has queued has run: two animation frames (the first
// runs before the next paint, the second after it), then one task.
return new Promise((resolve) =>
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(true), 0))));
