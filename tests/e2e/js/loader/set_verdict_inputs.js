// Picks Viamedis and a 2020-01-01 contract start in `host`, as a script would: setting
// `.value` makes no event, so input and change are dispatched as a person's typing would.
(host) => {
  const root = document.querySelector(host).shadowRoot;
  const set = (testid, value) => {
    const field = root.querySelector(`[data-testid="${testid}"]`);
    field.value = value;
    for (const type of ['input', 'change']) field.dispatchEvent(new Event(type, { bubbles: true }));
  };
  set('operator', 'viamedis');
  set('contract-start', '2020-01-01');
  return true;
}
