// Sets the height of the page's first <iframe> to `arguments[0]` CSS pixels, or gives it its
// earlier height back when `arguments[0]` is null; returns the frame.
const frame = document.querySelector('iframe');
if (arguments[0] === null) {
  frame.style.height = frame.dataset.height;
} else {
  frame.dataset.height ??= frame.style.height;
  frame.style.height = arguments[0] + 'px';
}
return frame;
