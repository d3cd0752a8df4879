// Sets a form control's value as a script can, and lets the widget hear it: setting `.value`
// makes no event, and the widget listens for input and change, like a person's typing makes.
// arguments: host (a CSS selector), testid, value. Returns the control's value afterwards.
const [host, testid, value] = arguments;
const field = document.querySelector(host).shadowRoot.querySelector(`[data-testid="${testid}"]`);
field.value = value;
for (const type of ['input', 'change']) field.dispatchEvent(new Event(type, { bubbles: true }));
return field.value;
