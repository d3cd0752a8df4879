// What the mounted widget `host` made of its lang and notice-href attributes: the language
// of its root, and the links of its verdict (the notice link is one of them when accepted).
(host) => {
  const root = document.querySelector(host).shadowRoot;
  const verdict = root.querySelector('[data-testid=verdict]');
  return {
    lang: root.querySelector('.bc').getAttribute('lang'),
    links: verdict ? [...verdict.querySelectorAll("a")].map((a) => a.getAttribute("href")) : [],
  };
}
