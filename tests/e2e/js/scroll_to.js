// Scrolls the window to `arguments[0]` CSS pixels from the top; returns [scrollY, innerHeight].
window.scrollTo(0, arguments[0]);
return [window.scrollY, window.innerHeight];
