// Every attribute (of the document and of every open shadow root, recursively) whose name or
// value contains one of `needles`, as `TAG name=value` lines; and a line saying so when fewer
// than 50 attributes were walked (the walk itself would be broken).
// arguments: needles (an array of strings)
const [needles] = arguments;
const hits = [];
let seen = 0;
const visit = (root) => {
  for (const el of root.querySelectorAll('*')) {
    for (const a of el.attributes) {
      seen++;
      if (needles.some((n) => a.name.includes(n) || a.value.includes(n))) {
        hits.push(el.tagName + ' ' + a.name + '=' + a.value);
      }
    }
    if (el.shadowRoot) visit(el.shadowRoot);
  }
};
visit(document);
if (seen < 50) hits.push('only ' + seen + ' attributes walked');
return hits;
