// Irreversible actions ask once more. Without JavaScript the forms still work; the server checks every rule anyway.
document.addEventListener('submit', (event) => {
  const message = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});
// 打印案件摘要: the print style keeps the facts and the record, not the forms.
document.addEventListener('click', (event) => {
  if (event.target.closest && event.target.closest('[data-print]')) window.print();
});
