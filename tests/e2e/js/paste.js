// Pastes text into a field in one insertion, as a paste of plain text does: the editing
// command makes the same trusted beforeinput/input pair in every engine.
// arguments: host (a CSS selector), testid, text
const [host, testid, text] = arguments;
const field = document.querySelector(host).shadowRoot.querySelector(`[data-testid="${testid}"]`);
field.focus();
if (!document.execCommand('insertText', false, text)) {
  throw new Error('insertText was refused: the field did not take the paste');
}
return true;
