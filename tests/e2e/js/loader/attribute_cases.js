// `lang` and `notice-href` values on which two rules could disagree: JavaScript's trim and \s
// take U+FEFF and leave U+0085, Rust's trim and is_whitespace the other way round. Each case
// becomes a <breach-check> (set from script: HTML character references cannot make U+0085),
// plus one without notice-href to compare the widget's links with.
window.__attributeCases = [
  ['a', 'en_US', 'https://mutuelle.example/a'],
  ['b', 'EN-gb', 'https://mutuelle.example/b\uFEFF'],
  ['c', '\uFEFFen', '\uFEFFhttps://mutuelle.example/c'],
  ['d', 'en\uFEFF', 'https://mutuelle.example/d\u0085'],
  ['e', 'english', ' https://mutuelle.example/e\u3000'],
  ['f', 'en\u0085', 'javascript:alert(1)'],
  ['none', 'fr', null],
];
for (const [id, lang, href] of window.__attributeCases) {
  const el = document.createElement('breach-check');
  el.id = id;
  el.setAttribute('lang', lang);
  if (href !== null) el.setAttribute('notice-href', href);
  document.currentScript.after(el);
}
