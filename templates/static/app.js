// Irreversible actions ask once more. Without JavaScript the forms still work; the server checks every rule anyway.
document.addEventListener('submit', (event) => {
  const message = event.target.getAttribute && event.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) event.preventDefault();
});
// 打印案件摘要: the print style keeps the facts and the record, not the forms.
document.addEventListener('click', (event) => {
  if (event.target.closest && event.target.closest('[data-print]')) window.print();
});
// A CSV chosen with a file input fills the text box named by data-fill (UTF-8, as Excel's "CSV UTF-8" saves it).
document.addEventListener('change', (event) => {
  const target = event.target.getAttribute && event.target.getAttribute('data-fill');
  const file = target && event.target.files && event.target.files[0];
  if (!file) return;
  file.text().then((text) => { document.getElementById(target).value = text; });
});
