// History (officer and coordinator): every plan version — state, whether in
// force, author, when, why — newest first; tick two to read the change
// report from the older to the newer.
import { showError } from '../app.js';
import { changesHtml } from '../lib/changes.js';
import { esc } from '../lib/html.js';
import { UnitClock } from '../lib/time.js';

function rowHtml(plan, ctx) {
  const { t, fmt } = ctx;
  return `<tr data-version="${plan.version}"${plan.in_force ? ' class="in-force"' : ''}>
    <td><input type="checkbox" name="pick" value="${plan.version}" aria-label="${esc(t('history.pick', { v: plan.version }))}"></td>
    <th scope="row">${plan.version}</th>
    <td>${esc(t(`state.${plan.state}`))}</td>
    <td>${plan.in_force ? `<strong>✔ ${esc(t('history.in_force'))}</strong>` : ''}</td>
    <td>${esc(plan.author)}</td>
    <td><time datetime="${esc(plan.made)}">${esc(fmt.stampText(plan.made))}</time></td>
    <td>${esc(plan.reason)}</td>
  </tr>`;
}

export async function render(main, ctx) {
  const { api, t } = ctx;
  const clock = new UnitClock(ctx.unit);
  const { plans } = await api.get('/api/plans');
  const newestFirst = [...plans].reverse();
  main.innerHTML = `
    <h1>${esc(t('view.history'))}</h1>
    <p>${esc(t('history.help'))}</p>
    <div class="table-wrap"><table data-role="versions" class="versions">
      <thead><tr><th scope="col"><span class="sr-only">${esc(t('history.choose'))}</span></th>
        <th scope="col">${esc(t('history.version'))}</th><th scope="col">${esc(t('history.state'))}</th>
        <th scope="col">${esc(t('history.in_force'))}</th><th scope="col">${esc(t('history.author'))}</th>
        <th scope="col">${esc(t('history.time'))}</th><th scope="col">${esc(t('history.reason'))}</th></tr></thead>
      <tbody>${newestFirst.map((p) => rowHtml(p, ctx)).join('')}</tbody>
    </table></div>
    <p class="controls"><button type="button" data-action="compare" disabled>${esc(t('history.compare'))}</button></p>
    <div class="report" aria-live="polite"></div>`;
  const table = main.querySelector('table[data-role=versions]');
  const compare = main.querySelector('[data-action=compare]');
  const report = main.querySelector('.report');
  const picked = () => [...table.querySelectorAll('input[name=pick]:checked')].map((box) => Number(box.value));

  const show = async () => {
    const [a, b] = picked().sort((x, y) => x - y);
    report.innerHTML = `<p class="loading">${esc(t('common.loading'))}</p>`;
    try {
      const changes = await api.get(`/api/changes?from=${a}&to=${b}`);
      report.innerHTML = changesHtml(changes, ctx, clock);
    } catch (e) {
      report.innerHTML = '';
      showError(e);
    }
  };
  // Two ticked: the report at once; a third tick unticks the oldest choice.
  const order = [];
  table.addEventListener('change', (event) => {
    const box = event.target;
    if (box.name !== 'pick') return;
    const v = Number(box.value);
    if (box.checked) order.push(v);
    else order.splice(order.indexOf(v), 1);
    while (order.length > 2) {
      const dropped = order.shift();
      table.querySelector(`input[name=pick][value="${dropped}"]`).checked = false;
    }
    compare.disabled = order.length !== 2;
    if (order.length === 2) show();
  });
  compare.addEventListener('click', show);
}
