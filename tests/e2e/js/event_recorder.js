// A host page's recorder of breach-check:* events, installed before the loader runs, two
// ways: what `document` hears (`__events`), and every dispatch of a `breach-check:` event
// anywhere (`__dispatched`), so that an event of an unexpected name or one that does not
// reach the document shows.
window.__events = [];
window.__dispatched = [];
for (const type of ['breach-check:ready', 'breach-check:verdict']) {
  document.addEventListener(type, (e) => window.__events.push({
    type: e.type,
    target: e.target.id || '',
    bubbles: e.bubbles,
    composed: e.composed,
    detail_is_null: e.detail === null,
    keys: e.detail && typeof e.detail === 'object' ? Object.keys(e.detail).sort() : [],
    detail: JSON.stringify(e.detail),
  }));
}
const hostDispatch = EventTarget.prototype.dispatchEvent;
EventTarget.prototype.dispatchEvent = function (event) {
  if (String(event.type).startsWith('breach-check:')) window.__dispatched.push(event.type);
  return hostDispatch.call(this, event);
};
