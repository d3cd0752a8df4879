// `attribute` of every element with data-testid=testid in host's shadow root, in order.
// arguments: host (a CSS selector), testid, attribute
const [host, testid, attribute] = arguments;
return [...document.querySelector(host).shadowRoot.querySelectorAll(`[data-testid="${testid}"]`)]
  .map((e) => e.getAttribute(attribute));
