// The unit's registry (officer and coordinator): everyone with nationality,
// languages, experience, skills and status now. Each row's status button
// opens a form (wounded until / on leave until / gone / back, from, until)
// that posts a repair and follows it on #/repair/<job>.
import { showError } from '../app.js';
import { esc, languagesText, personHref } from '../lib/html.js';
import { readFrom, readTime, startRepair, statusEvents, timeField } from '../lib/forms.js';
import { UnitClock } from '../lib/time.js';

const STATUSES = ['wounded', 'on leave', 'gone', 'back'];

// "day 3 (Thu 2026-12-10 06:00)" (the registry's moments) -> a date in the page's words.
function momentText(text, ctx, clock) {
  const m = /^(day \d+(?: \d\d:\d\d)?)/.exec(text || '');
  const minute = m ? clock.fromApiTime(m[1]) : null;
  return minute === null ? text || '' : ctx.fmt.moment(clock, minute, ctx.t);
}

function statusHtml(person, ctx, clock) {
  const { t } = ctx;
  const key = `status.${person.status}`;
  const word = t(key) === key ? person.status : t(key);
  const until = person.until ? ` ${t('unit.until', { when: momentText(person.until, ctx, clock) })}` : '';
  return `<span class="status status-${esc(person.status.replace(/\s+/g, '-'))}">${person.status === 'active' ? '' : '⚠ '}${esc(word)}${esc(until)}</span>`;
}

function rowHtml(person, ctx, clock) {
  const { t } = ctx;
  const cell = (label, html) => `<td data-label="${esc(t(label))}">${html}</td>`;
  return `<tr data-name="${esc(person.name)}">
    <th scope="row"><a href="${personHref(person.name)}">${esc(person.name)}</a></th>
    ${cell('unit.nationality', esc(person.nationality || ''))}
    ${cell('unit.languages', esc(languagesText(person.languages, ctx.locale, t)))}
    ${cell('unit.experience', esc(t(`experience.${person.experience}`)))}
    ${cell('unit.skills', esc(person.skills.join(', ')))}
    ${cell('unit.status', statusHtml(person, ctx, clock))}
    <td><button type="button" data-action="status" aria-label="${esc(t('unit.change_status_of', { name: person.name }))}">${esc(t('unit.change_status'))}</button></td>
  </tr>`;
}

function formHtml(person, ctx, clock, now) {
  const { t } = ctx;
  const options = STATUSES.map((s) => `<option value="${esc(s)}">${esc(t(`status.${s}`))}</option>`).join('');
  return `<tr class="status-form-row"><td colspan="7">
    <form class="status-form card" data-person="${esc(person.name)}">
      <h3>${esc(t('unit.form_title', { name: person.name }))}</h3>
      <label>${esc(t('unit.status'))} <select name="status">${options}</select></label>
      ${timeField('from', t('unit.from'), clock, now, { required: true })}
      ${timeField('until', t('unit.until_label'), clock, null, { hint: t('unit.until_hint') })}
      <p><button type="submit" class="primary" data-action="repair">${esc(t('unit.submit'))}</button>
        <button type="button" data-action="close">${esc(t('common.cancel'))}</button></p>
    </form></td></tr>`;
}

export async function render(main, ctx) {
  const { api, t, go, params } = ctx;
  const clock = new UnitClock(ctx.unit);
  const now = clock.now(params.query);
  // The page's now, given: the server's wall clock refuses moments outside the plan.
  const registry = await api.get(`/api/people?now=${encodeURIComponent(clock.apiTime(now))}`);
  const counts = {};
  for (const p of registry.people) counts[p.status] = (counts[p.status] || 0) + 1;
  const countText = Object.entries(counts).map(([s, n]) => `${t(`status.${s}`) === `status.${s}` ? s : t(`status.${s}`)}: ${n}`).join(' · ');
  main.innerHTML = `
    <h1>${esc(t('view.unit'))} <small>${esc(ctx.unit.name)}</small></h1>
    <p>${esc(t('unit.now', { when: ctx.fmt.moment(clock, now, t) }))} · ${esc(countText)}</p>
    <p class="controls"><label>${esc(t('rota.find'))} <input type="search" name="find" autocomplete="off"></label></p>
    <div class="table-wrap"><table data-role="people" class="people">
      <thead><tr><th scope="col">${esc(t('unit.name'))}</th><th scope="col">${esc(t('unit.nationality'))}</th>
        <th scope="col">${esc(t('unit.languages'))}</th><th scope="col">${esc(t('unit.experience'))}</th>
        <th scope="col">${esc(t('unit.skills'))}</th><th scope="col">${esc(t('unit.status'))}</th>
        <th scope="col"><span class="sr-only">${esc(t('unit.change_status'))}</span></th></tr></thead>
      <tbody>${registry.people.map((p) => rowHtml(p, ctx, clock)).join('')}</tbody>
    </table></div>`;

  const tbody = main.querySelector('table[data-role=people] tbody');
  const find = main.querySelector('input[name=find]');
  find.addEventListener('input', () => {
    const wanted = find.value.trim().toLowerCase();
    for (const row of tbody.querySelectorAll('tr[data-name]'))
      row.hidden = wanted !== '' && !row.dataset.name.toLowerCase().includes(wanted);
  });
  tbody.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    if (button.dataset.action === 'close') {
      const formRow = button.closest('tr');
      formRow.previousElementSibling.querySelector('[data-action=status]').focus();
      formRow.remove();
      return;
    }
    if (button.dataset.action !== 'status') return;
    for (const open of tbody.querySelectorAll('.status-form-row')) open.remove();
    const row = button.closest('tr');
    const person = registry.people.find((p) => p.name === row.dataset.name);
    row.insertAdjacentHTML('afterend', formHtml(person, ctx, clock, now));
    const form = row.nextElementSibling.querySelector('form');
    const untilInput = form.querySelector('[name=until]');
    const sync = () => { untilInput.disabled = ['gone', 'back'].includes(form.status.value); };
    form.status.addEventListener('change', sync);
    sync();
    form.status.focus();
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const submit = form.querySelector('[type=submit]');
      submit.disabled = true;
      try {
        const sent = clock.now(params.query);
        const from = readFrom(form.querySelector('[name=from]'), clock, t, sent);
        const until = untilInput.disabled ? '' : readTime(untilInput, clock, t);
        const job = await startRepair(api, clock, sent, statusEvents(person.name, form.status.value, from, until));
        go(`#/repair/${job}`);
      } catch (err) {
        submit.disabled = false;
        showError(err);
      }
    });
  });
}
