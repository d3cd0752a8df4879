// The element with data-testid=testid in the shadow root of the element `host` selects.
// arguments: host (a CSS selector), testid
const [host, testid] = arguments;
return document.querySelector(host).shadowRoot.querySelector(`[data-testid="${testid}"]`);
