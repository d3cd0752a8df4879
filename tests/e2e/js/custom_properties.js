// What the host's custom properties reach inside the widget of `host`: the show/hide
// button's text and border colours, the box's and the password field's corner radius, the
// box's and the field's font family.
// arguments: host (a CSS selector)
const [host] = arguments;
const r = document.querySelector(host).shadowRoot;
const bc = getComputedStyle(r.querySelector('.bc'));
const toggle = getComputedStyle(r.querySelector('.bc-toggle'));
const input = getComputedStyle(r.querySelector('[data-testid=password]'));
return [toggle.color, toggle.borderTopColor, bc.borderTopLeftRadius,
  input.borderTopLeftRadius, bc.fontFamily, input.fontFamily];
