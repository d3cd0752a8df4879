// The relative luminance (0 black .. 1 white) of the computed background colour of the
// widget's root `.bc` inside the shadow root of `host`.
// arguments: host (a CSS selector)
const [host] = arguments;
const root = document.querySelector(host).shadowRoot.querySelector('.bc');
const [r, g, b] = getComputedStyle(root).backgroundColor.match(/[\d.]+/g).map(Number);
return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
