// What every widget on the page shows (the start of its text), for a timeout's message.
return [...document.querySelectorAll('breach-check')]
  .map((e) => (e.shadowRoot ? e.shadowRoot.textContent.slice(0, 200) : '(no shadow root)'))
  .join(' | ');
