// What sticks out of the viewport sideways, in every widget of the page: the viewport's
// width, the document's scroll width, and one line per element whose box crosses either
// edge (tag, classes, hook, its left..right and the start of its text).
const width = window.innerWidth;
const out = [];
const visit = (root) => {
  for (const el of root.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if ((r.width > 0 || r.height > 0) && (r.right > width + 1 || r.left < -1)) {
      out.push(el.tagName + '.' + [...el.classList].join('.') +
        (el.dataset.testid ? '[' + el.dataset.testid + ']' : '') +
        ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' ' +
        JSON.stringify(el.textContent.slice(0, 40)));
    }
    if (el.shadowRoot) visit(el.shadowRoot);
  }
};
for (const host of document.querySelectorAll('breach-check')) visit(host.shadowRoot);
return [width, document.documentElement.scrollWidth, out];
