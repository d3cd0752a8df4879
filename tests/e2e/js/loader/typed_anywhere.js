// Whether `secret` is anywhere in `host`'s widget: an input's value or the rendered text.
(host, secret) => {
  const root = document.querySelector(host).shadowRoot;
  const values = [...root.querySelectorAll('input, textarea')].map((field) => field.value);
  return values.some((value) => value.includes(secret)) || root.textContent.includes(secret);
}
