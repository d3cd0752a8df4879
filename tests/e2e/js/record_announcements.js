// Records what the password section's live region says, each time it changes
// (`window.__announcements`). Returns the region's aria-live politeness.
const region = document.querySelector('#w').shadowRoot.querySelector('.bc-password [aria-live]');
window.__announcements = [];
new MutationObserver(() => window.__announcements.push(region.textContent))
  .observe(region, { childList: true, characterData: true, subtree: true });
return region.getAttribute('aria-live');
