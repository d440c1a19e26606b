// The plan (officer and coordinator): the plan in force — rules kept or
// broken, wishes and their cost, fairness — and planning the unit anew: a
// plan job followed on its progress bar (cancel on the way), then its draft
// set beside the plan in force, to publish or discard.
import { showError } from '../app.js';
import { esc, fact, verdict } from '../lib/html.js';
import { followJob, jobHtml } from '../lib/job.js';
import { readSummary, ruleName } from '../lib/summary.js';

function fairnessHtml(summary, t) {
  const rows = summary.fairness.map((line) => {
    const m = /^(night watches|watch hours) per person:\s+min (\d+), max (\d+), spread (\d+)/.exec(line);
    const every = /^among the (\d+) present every day: night watches spread (\d+), watch hours spread (\d+)/.exec(line);
    const farthest = /^farthest from a fair share .*: (\d+) night watch(?:es)?, (\d+) h/.exec(line);
    if (every) return `<li>${esc(t('plan.fair_every_day', { n: every[1], nights: every[2], hours: every[3] }))}</li>`;
    if (farthest) return `<li>${esc(t('plan.fair_farthest', { nights: farthest[1], hours: farthest[2] }))}</li>`;
    if (!m) return `<li>${esc(line)}</li>`;
    const key = m[1] === 'night watches' ? 'plan.fair_nights' : 'plan.fair_hours';
    return `<li>${esc(t(key, { min: m[2], max: m[3], spread: m[4] }))}</li>`;
  });
  return `<ul class="fairness">${rows.join('')}</ul>`;
}

// The summary of one plan version (GET /api/plans/N) as tables.
export function summaryHtml(doc, ctx) {
  const { t, fmt } = ctx;
  const s = readSummary(doc.summary);
  const rules = s.rules.map((r) => `<tr><th scope="row">${esc(ruleName(r.rule, t))}</th>
    <td class="num">${r.off ? esc(t('plan.off')) : r.units}</td><td>${r.off ? '' : verdict(r.kept, t)}</td></tr>`).join('');
  const wishes = s.wishes.map((w) => `<tr><th scope="row">${esc(ruleName(w.rule, t))}</th>
    <td class="num">${w.off ? esc(t('plan.off')) : w.units}</td><td class="num">${w.cost ?? ''}</td></tr>`).join('');
  const broken = [...s.uncovered, ...s.broken];
  return `<div class="facts">
      ${fact(t('plan.version'), esc(doc.version))}
      ${fact(t('plan.state'), esc(t(`state.${doc.state}`)) + (doc.in_force ? ` · ${esc(t('plan.in_force'))}` : ''))}
      ${fact(t('plan.rules'), verdict(doc.all_hard_rules_kept, t), 'rules-verdict')}
      ${fact(t('plan.cost'), esc(doc.soft))}
      ${s.requests ? fact(t('plan.requests'), esc(t('plan.requests_met', { met: s.requests.met, of: s.requests.of }))) : ''}
    </div>
    <p class="stamp">${esc(t('plan.made', { author: doc.author, made: fmt.stampText(doc.made), reason: doc.reason }))}</p>
    ${broken.length ? `<div class="bad-box banner"><p><strong>✘ ${esc(t('plan.broken_list'))}</strong></p><ul>${broken.map((b) => `<li>${esc(b)}</li>`).join('')}</ul></div>` : ''}
    <div class="two">
      <section><h3>${esc(t('plan.rules_title'))}</h3><table class="rules"><thead><tr><th>${esc(t('plan.rule'))}</th>
        <th>${esc(t('plan.units'))}</th><th>${esc(t('plan.verdict'))}</th></tr></thead><tbody>${rules}</tbody></table></section>
      <section><h3>${esc(t('plan.wishes_title'))}</h3><table class="rules"><thead><tr><th>${esc(t('plan.wish'))}</th>
        <th>${esc(t('plan.units'))}</th><th>${esc(t('plan.cost_column'))}</th></tr></thead><tbody>${wishes}</tbody></table>
        <h3>${esc(t('plan.fairness'))}</h3>${fairnessHtml(s, t)}</section>
    </div>`;
}

function draftActions(version, ctx) {
  const { t } = ctx;
  return `<p class="actions"><button type="button" class="primary" data-action="publish" data-version="${version}">${esc(t('repair.publish', { v: version }))}</button>
    <button type="button" data-action="discard" data-version="${version}">${esc(t('repair.discard'))}</button></p>
    <div class="outcome" aria-live="polite"></div>`;
}

async function showDraft(container, version, ctx) {
  const { api, t } = ctx;
  const doc = await api.get(`/api/plans/${version}`);
  container.innerHTML = `<section class="card draft"><h2>${esc(t('plan.draft_title', { v: version }))}</h2>
    ${summaryHtml(doc, ctx)}${doc.state === 'draft' ? draftActions(version, ctx) : ''}</section>`;
}

export async function render(main, ctx) {
  const { api, t } = ctx;
  const { plans } = await api.get('/api/plans');
  const inForce = plans.find((p) => p.in_force);
  const doc = inForce ? await api.get(`/api/plans/${inForce.version}`) : null;
  const newestDraft = [...plans].reverse().find((p) => p.state === 'draft' && (!inForce || p.version > inForce.version));
  main.innerHTML = `
    <h1>${esc(t('view.plan'))}</h1>
    <section class="card">
      <h2>${esc(t('plan.new_title'))}</h2>
      <p>${esc(t('plan.new_help'))}</p>
      <form class="plan-form inline-form">
        <label>${esc(t('plan.seconds'))} <input type="number" name="seconds" min="1" max="3600" step="1" value="10"></label>
        <button type="submit" class="primary" data-action="plan">${esc(t('plan.start'))}</button>
      </form>
      <div class="job-slot"></div>
    </section>
    <div class="draft-slot"></div>
    <section class="card">
      <h2>${esc(inForce ? t('plan.in_force_title', { v: inForce.version }) : t('plan.none_in_force'))}</h2>
      ${doc ? summaryHtml(doc, ctx) : ''}
    </section>`;
  const draftSlot = main.querySelector('.draft-slot');
  if (newestDraft) await showDraft(draftSlot, newestDraft.version, ctx);

  const form = main.querySelector('.plan-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('[data-action=plan]');
    button.disabled = true;
    const seconds = Number(form.seconds.value) || 10;
    try {
      const { job } = await api.post('/api/jobs/plan', { seconds });
      const slot = main.querySelector('.job-slot');
      slot.innerHTML = jobHtml(t, job);
      const end = await followJob(slot.querySelector('.job'), job, ctx, seconds);
      if (end.state === 'failed') showError(new Error(end.message || t('job.failed')));
      if (end.state === 'done' && end.version) await showDraft(draftSlot, end.version, ctx);
    } catch (e) {
      showError(e);
    }
    button.disabled = false;
  });

  draftSlot.addEventListener('click', async (event) => {
    const button = event.target.closest('[data-action=publish], [data-action=discard]');
    if (!button) return;
    const publish = button.dataset.action === 'publish';
    const version = button.dataset.version;
    for (const b of draftSlot.querySelectorAll('.actions button')) b.disabled = true;
    try {
      await api.post(`/api/plans/${version}/${publish ? 'publish' : 'discard'}`);
      api.forget();
      draftSlot.querySelector('.outcome').innerHTML = publish
        ? `<p class="ok-box banner" data-role="published">✔ ${esc(t('repair.published', { v: version }))} <a href="#/now">${esc(t('view.now'))}</a></p>`
        : `<p class="notice" data-role="discarded">${esc(t('repair.discarded', { v: version }))}</p>`;
    } catch (e) {
      for (const b of draftSlot.querySelectorAll('.actions button')) b.disabled = false;
      showError(e);
    }
  });
}
