// Repair (officer and coordinator): someone is lost or back -> a repair job
// -> its progress -> the change review (banner, UNCOVERED, act now, everyone
// affected soonest first, old -> new) -> publish or discard the draft.
//   #/repair        the form: person, from (now), until (empty: for good), reason
//   #/repair/<job>  a repair job followed to its end and its draft reviewed
import { showError } from '../app.js';
import { changesHtml } from '../lib/changes.js';
import { readFrom, readTime, startRepair, statusEvents, timeField } from '../lib/forms.js';
import { esc } from '../lib/html.js';
import { followJob, jobHtml } from '../lib/job.js';
import { UnitClock } from '../lib/time.js';

const REASONS = ['wounded', 'on leave', 'sent home', 'killed', 'missing', 'back'];

async function formView(main, ctx, clock) {
  const { api, t, go, params } = ctx;
  const now = clock.now(params.query);
  const registry = await api.get(`/api/people?now=${encodeURIComponent(clock.apiTime(now))}`);
  const chosen = params.query.get('person') || '';
  const people = registry.people.map((p) => p.name).sort((a, b) => a.localeCompare(b));
  main.innerHTML = `
    <h1>${esc(t('view.repair'))}</h1>
    <p>${esc(t('repair.help'))}</p>
    <form class="card repair-form">
      <label>${esc(t('repair.person'))} <select name="person" required>
        <option value="">${esc(t('repair.choose'))}</option>
        ${people.map((n) => `<option${n === chosen ? ' selected' : ''}>${esc(n)}</option>`).join('')}</select></label>
      ${timeField('from', t('unit.from'), clock, now, { required: true })}
      ${timeField('until', t('unit.until_label'), clock, null, { hint: t('unit.until_hint') })}
      <label>${esc(t('repair.reason'))} <select name="reason">
        ${REASONS.map((r) => `<option value="${esc(r)}">${esc(t(`reason.${r}`))}</option>`).join('')}</select></label>
      <p><button type="submit" class="primary" data-action="repair">${esc(t('repair.start'))}</button></p>
    </form>`;
  const form = main.querySelector('form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('[data-action=repair]');
    button.disabled = true;
    try {
      if (!form.person.value) throw new Error(t('repair.no_person'));
      const sent = clock.now(params.query);
      const from = readFrom(form.querySelector('[name=from]'), clock, t, sent);
      const until = readTime(form.querySelector('[name=until]'), clock, t);
      const reason = form.reason.value;
      const job = await startRepair(api, clock, sent, statusEvents(form.person.value, reason, from, until));
      go(`#/repair/${job}`);
    } catch (e) {
      button.disabled = false;
      showError(e);
    }
  });
}

// The draft's review with its two buttons; `after` is told what was done.
export async function reviewDraft(container, ctx, clock, version) {
  const { api, t } = ctx;
  const { plans } = await api.get('/api/plans');
  const draft = plans.find((p) => p.version === version);
  if (!draft) throw new Error(t('repair.no_draft', { v: version }));
  const from = draft.parent || (plans.find((p) => p.in_force) || {}).version;
  const report = from ? await api.get(`/api/changes?from=${from}&to=${version}`) : null;
  const actions = draft.state === 'draft'
    ? `<p class="actions"><button type="button" class="primary" data-action="publish">${esc(t('repair.publish', { v: version }))}</button>
       <button type="button" data-action="discard">${esc(t('repair.discard'))}</button></p>`
    : `<p class="notice">${esc(t('repair.state', { v: version, state: t(`state.${draft.state}`) }))}</p>`;
  container.innerHTML = `${report ? changesHtml(report, ctx, clock) : ''}${actions}<div class="outcome" aria-live="polite"></div>`;
  const outcome = container.querySelector('.outcome');
  container.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-action=publish], [data-action=discard]');
    if (!button) return;
    const publish = button.dataset.action === 'publish';
    for (const b of container.querySelectorAll('.actions button')) b.disabled = true;
    try {
      await api.post(`/api/plans/${version}/${publish ? 'publish' : 'discard'}`);
      api.forget();
      outcome.innerHTML = publish
        ? `<p class="ok-box banner" data-role="published">✔ ${esc(t('repair.published', { v: version }))} <a href="#/now">${esc(t('view.now'))}</a></p>`
        : `<p class="notice" data-role="discarded">${esc(t('repair.discarded', { v: version }))}</p>`;
    } catch (e) {
      for (const b of container.querySelectorAll('.actions button')) b.disabled = false;
      showError(e);
    }
  });
}

async function jobView(main, ctx, clock, id) {
  const { api, t } = ctx;
  main.innerHTML = `<h1>${esc(t('view.repair'))}</h1>`;
  const first = await api.get(`/api/jobs/${id}`);  // a job the server no longer knows is an error, not a bar
  main.insertAdjacentHTML('beforeend', `${jobHtml(t, id)}<div class="review"></div>`);
  const expected = first.kind === 'repair' ? 1.5 : 0;
  const job = await followJob(main.querySelector('.job'), id, ctx, expected);
  if (!ctx.current()) return;
  if (job.state === 'failed') throw Object.assign(new Error(job.message || t('job.failed')), { field: '' });
  if (job.state !== 'done' || !job.version) return;
  await reviewDraft(main.querySelector('.review'), ctx, clock, job.version);
}

export async function render(main, ctx) {
  const clock = new UnitClock(ctx.unit);
  const id = ctx.params.path[0];
  if (id) await jobView(main, ctx, clock, id);
  else await formView(main, ctx, clock);
}
