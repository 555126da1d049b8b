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
// "Cases like mine" (issue 23): as the worker describes the problem, the library items and closed cases most like it,
// from /api/v1/library/similar; built with textContent, never as HTML. Without JavaScript the "先查一查" button does it.
(() => {
  const box = document.querySelector('[data-similar-to]');
  const out = box && document.getElementById(box.getAttribute('data-similar-to'));
  if (!box || !out) return;
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; };
  let timer; let asked = '';
  const show = (data) => {
    out.replaceChildren(el('h2', '和您情况相近的内容'));
    if (data.items.length) {
      out.append(el('h3', '法律规定与典型案例'));
      const ul = el('ul', '', 'plain');
      for (const i of data.items) {
        const li = el('li'); const a = el('a', i.title); a.href = i.url; a.target = '_blank'; a.rel = 'noopener';
        li.append(a, el('div', i.summary, 'muted')); ul.append(li);
      }
      out.append(ul);
    }
    if (data.cases.length) {
      out.append(el('h3', '已办结的类似诉求（已隐去姓名、电话和企业名称）'));
      const ul = el('ul', '', 'plain');
      for (const c of data.cases) {
        const li = el('li'); li.append(el('span', c.categoryLabel, 'tag'), ` ${c.outcomeLabel}`, el('div', c.excerpt, 'muted')); ul.append(li);
      }
      out.append(ul);
    }
    if (!data.items.length && !data.cases.length) out.append(el('p', '暂未找到相近的内容，您可以直接提交，工会会与您联系。'));
    out.hidden = false;
  };
  const ask = async () => {
    const text = box.value.trim().slice(0, 500);
    if (text.length < 4 || text === asked) return;
    asked = text;
    const category = (document.getElementById('category') || {}).value || '';
    const params = new URLSearchParams({ description: text });
    if (category) params.set('category', category);
    try {
      const res = await fetch(`/api/v1/library/similar?${params}`, { headers: { accept: 'application/json' } });
      if (res.ok && asked === text) show(await res.json());
    } catch { /* offline: the button still works */ }
  };
  box.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(ask, 600); });
})();
