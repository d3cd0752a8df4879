// The number of nodes in the shadow root of `host`.
// arguments: host (a CSS selector)
const [host] = arguments;
const walker = document.createTreeWalker(document.querySelector(host).shadowRoot);
let n = 0;
while (walker.nextNode()) n++;
return n;
