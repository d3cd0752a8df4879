// axe-core (already injected) over the whole page, open shadow roots included, with the
// WCAG 2.0/2.1 A and AA rules. Returns one `rule: help (targets)` line per violation.
return (async () => {
  const result = await axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  });
  return result.violations.map((v) =>
    v.id + ': ' + v.help + ' (' + v.nodes.map((n) => JSON.stringify(n.target)).join(', ') + ')');
})();
