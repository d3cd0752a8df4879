// How Safari 16.4–16.x and Firefox 101–114 answer: no <link rel="modulepreload">.
DOMTokenList.prototype.supports = function () { return false; };
