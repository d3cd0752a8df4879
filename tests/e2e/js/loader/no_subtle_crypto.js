// What a page on a non-secure origin (plain http:// other than localhost) sees: no
// SubtleCrypto, so a loader cannot ask the browser for a digest.
Object.defineProperty(Crypto.prototype, 'subtle', { get() { return undefined; }, configurable: true });
window.__subtleHidden = window.crypto.subtle === undefined;
