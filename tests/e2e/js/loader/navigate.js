// Navigates after this evaluation returns (a navigation during it would end the evaluation):
// to `path`, or Back when `path` is null.
(path) => {
  setTimeout(() => (path === null ? history.back() : location.assign(path)), 0);
  return true;
}
