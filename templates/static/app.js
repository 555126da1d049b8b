// Irreversible actions ask once more. Without JavaScript the forms still work; the server checks every rule anyway.
document.addEventListener('submit', (event) => {
  const message = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});
