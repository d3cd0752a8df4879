// What the page has stored: cookies, Web Storage entries and IndexedDB databases.
return (async () => ({
  cookies: document.cookie,
  local: localStorage.length,
  session: sessionStorage.length,
  indexed: (await indexedDB.databases()).map((d) => d.name),
}))();
