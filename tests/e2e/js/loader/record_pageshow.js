// Records each pageshow's `persisted`: true when Back restored the page from the
// back/forward cache, with its DOM as it was.
window.__shows = [];
window.addEventListener('pageshow', (event) => window.__shows.push(event.persisted));
