// The attacker's stand-in for the bundle's glue: it marks the page if it ever runs.
document.title = 'PWNED: attacker module ran on ' + location.origin;
window.__pwned = true;
export default async function init() {}
export function mount() { return { update() {}, park() {}, resume() {}, destroy() {}, free() {} }; }
export function provideDictionaries() {}
export function dictionariesUnavailable() {}
