// What the <breach-check> element `host` shows: its own content from the host page (through
// a slot, or not at all), the loader's fallback message, or the widget's hooks.
(host) => {
  // Through the prototype: a page may have forged document.querySelector (DOM clobbering).
  const el = Document.prototype.querySelector.call(document, host);
  const root = el.shadowRoot;
  const area = (node) => {
    if (!node) return 0;
    const r = node.getBoundingClientRect();
    const shown = node.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    return shown ? r.width * r.height : 0;
  };
  const own = [...el.children].reduce((sum, child) => sum + area(child), 0);
  const fallback = root && root.querySelector('[data-testid=fallback]');
  const link = fallback && fallback.querySelector('a');
  return {
    hostContent: own,
    fallbackArea: area(fallback),
    fallbackRole: fallback ? fallback.getAttribute('role') || '' : '',
    fallbackLang: fallback ? fallback.lang : '',
    fallbackText: fallback ? fallback.textContent : '',
    fallbackHref: link ? link.getAttribute('href') : '',
    widgetHooks: root ? root.querySelectorAll('[data-testid]:not([data-testid=fallback])').length : 0,
  };
}
