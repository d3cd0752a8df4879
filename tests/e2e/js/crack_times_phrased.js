// True when the first two crack times of `#w` are phrased in words, in French.
const dd = [...document.querySelector('#w').shadowRoot.querySelectorAll('.bc-times dd')];
const phrase = /^(moins d’une seconde|environ \d+ (secondes?|minutes?|heures?|jours?|mois|ans?)|des siècles)$/;
return dd.length >= 2 && dd.slice(0, 2).every((d) => phrase.test(d.textContent.trim()));
