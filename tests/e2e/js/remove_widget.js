// Removes the element `#w` from the page and keeps it in `window.__bcDetached`; returns how
// many nodes its shadow root still holds (0: emptied at once).
const e = document.querySelector('#w');
e.remove();
window.__bcDetached = e;
return e.shadowRoot.childNodes.length;
