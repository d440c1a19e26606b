// Hand edits (officer and coordinator) on the newest version kept: two
// people swap a day, or two watches change hands. People and watches are
// picked with taps (or dragged onto each other on a desktop). Score posts
// the edit: the API scores it at once and either makes a draft (then Save
// puts it in force, Discard throws it away) or refuses it with the rules it
// would break, shown in [data-role=broken]; with "force" ticked Save makes
// and publishes it all the same.
import { showError } from '../app.js';
import { esc } from '../lib/html.js';
import { PlanIndex, watchedPlaces } from '../lib/plan.js';
import { UnitClock } from '../lib/time.js';

// The chips to pick from: people by place on `day`, or every watch of `day` with who stands it.
function pickerHtml(mode, ctx, clock, plan, day, now) {
  const { t } = ctx;
  const index = plan.day(day);
  const chip = (attrs, label, disabled) =>
    `<button type="button" class="chip" draggable="${disabled ? 'false' : 'true'}" aria-pressed="false" ${attrs}${disabled ? ' disabled' : ''}>${label}</button>`;
  if (mode === 'day') {
    return ctx.unit.places.map((place, i) => `<div class="pick-group"><h3>${esc(place.name)}</h3>
      ${index.at[i].map((n) => chip(`data-person="${esc(n)}"`, esc(n), false)).join('')}</div>`).join('') +
      (index.away.length ? `<div class="pick-group"><h3>${esc(t('now.away'))}</h3>${index.away.map((n) => chip(`data-person="${esc(n)}"`, esc(n), false)).join('')}</div>` : '');
  }
  const places = watchedPlaces(ctx.unit);
  const rows = [];
  for (let slot = 0; slot < clock.slots; ++slot) {
    const minute = clock.slotStart(day, slot);
    const cells = places.map((p) => `<td>${index.watch(p.name, slot).map((n) =>
      chip(`data-person="${esc(n)}" data-minute="${minute}"`, esc(n), minute < now)).join('')}</td>`);
    rows.push(`<tr${clock.isNight(minute) ? ' class="night"' : ''}><th scope="row">${esc(clock.slotLabel(minute))}${clock.isNight(minute) ? ` ☾` : ''}</th>${cells.join('')}</tr>`);
  }
  return `<div class="table-wrap"><table class="bill"><thead><tr><th>${esc(t('bill.time'))}</th>
    ${places.map((p) => `<th>${esc(p.name)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function brokenHtml(list, t) {
  if (!list.length) return `<p class="ok">✔ ${esc(t('edit.breaks_nothing'))}</p>`;
  return `<p class="bad">✘ ${esc(t('edit.breaks', { n: list.length }))}</p><ul>${list.map((b) => `<li>${esc(b.text || b.rule)}</li>`).join('')}</ul>`;
}

function formHtml(ctx, clock, base, firstDay, day, mode) {
  const { t, fmt } = ctx;
  const options = [];
  for (let d = firstDay; d < clock.days; ++d)
    options.push(`<option value="${d}"${d === day ? ' selected' : ''}>${esc(fmt.day(clock, d, t))} · ${esc(t('common.day', { n: d }))}</option>`);
  return `
    <h1>${esc(t('view.edit'))} <small>${esc(t('edit.base', { v: base.version, state: t(`state.${base.state}`) }))}</small></h1>
    <p>${esc(t('edit.help'))}</p>
    <form class="card edit-form">
      <fieldset class="inline-form"><legend>${esc(t('edit.what'))}</legend>
        <label><input type="radio" name="mode" value="day"${mode === 'day' ? ' checked' : ''}> ${esc(t('edit.mode_day'))}</label>
        <label><input type="radio" name="mode" value="watches"${mode === 'watches' ? ' checked' : ''}> ${esc(t('edit.mode_watches'))}</label>
        <label>${esc(t('bill.day'))} <select name="day">${options.join('')}</select></label>
      </fieldset>
      <div class="picker"></div>
      <label>${esc(t('edit.reason'))} <input type="text" name="reason" maxlength="200"></label>
      <label class="check"><input type="checkbox" name="force"> ${esc(t('edit.force'))}</label>
      <div class="result" aria-live="polite"></div>
      <div class="edit-bar">
        <p class="picked" aria-live="polite"></p>
        <p class="actions"><button type="button" data-action="score" class="primary">${esc(t('edit.score'))}</button>
          <button type="button" data-action="save" disabled>${esc(t('edit.save'))}</button>
          <button type="button" data-action="discard" hidden>${esc(t('repair.discard'))}</button></p>
      </div>
    </form>`;
}

// The form's state: what is picked, the draft Score made (until saved or discarded), a refusal.
class EditForm {
  constructor(main, ctx, clock, base, doc, now, day, mode) {
    Object.assign(this, { ctx, clock, base, doc, now, day, mode });
    this.plan = new PlanIndex(ctx.unit, doc.plan);
    this.picked = [];     // [{person, minute}]
    this.pending = null;  // the version of a draft made by Score, not yet saved
    this.refused = false;
    this.form = main.querySelector('form');
    this.picker = this.form.querySelector('.picker');
    this.result = this.form.querySelector('.result');
    this.saveButton = this.form.querySelector('[data-action=save]');
    this.discardButton = this.form.querySelector('[data-action=discard]');
  }

  drawPicker() {
    this.picker.innerHTML = pickerHtml(this.mode, this.ctx, this.clock, this.plan, this.day, this.now);
    this.drawPicked();
  }

  drawPicked() {
    const { t } = this.ctx;
    for (const chip of this.picker.querySelectorAll('.chip')) {
      const on = this.picked.some((p) => p.person === chip.dataset.person && String(p.minute ?? '') === (chip.dataset.minute ?? ''));
      chip.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    const label = (p) => (p.minute === undefined ? p.person : `${p.person} ${this.clock.clockOf(p.minute)}`);
    this.form.querySelector('.picked').textContent = this.picked.length === 2
      ? t('edit.picked_two', { a: label(this.picked[0]), b: label(this.picked[1]) })
      : t('edit.pick_two', { n: 2 - this.picked.length });
  }

  // Picks (or unpicks) a chip; a third pick drops the first. `pair` sets both at once (a drop).
  pick(chip, pair = null) {
    const of = (c) => ({ person: c.person, minute: c.minute === undefined ? undefined : Number(c.minute) });
    if (pair) {
      this.picked = pair.map(of);
    } else {
      const p = of(chip.dataset);
      const at = this.picked.findIndex((q) => q.person === p.person && q.minute === p.minute);
      if (at >= 0) this.picked.splice(at, 1);
      else this.picked.push(p);
      if (this.picked.length > 2) this.picked.shift();
    }
    this.result.innerHTML = '';
    this.saveButton.disabled = true;
    this.drawPicked();
  }

  reset() {
    this.picked = [];
    this.result.innerHTML = '';
    this.saveButton.disabled = true;
    this.refused = false;
  }

  request(force, publish) {
    const { t, params } = this.ctx;
    if (this.picked.length !== 2) throw new Error(t('edit.pick_two', { n: 2 - this.picked.length }));
    const body = { kind: this.mode === 'day' ? 'swap-day' : 'swap-watches', people: this.picked.map((p) => p.person) };
    if (this.mode === 'day') body.day = `day ${this.day}`;
    else body.watches = this.picked.map((p) => this.clock.apiTime(p.minute));
    const reason = this.form.reason.value.trim();
    if (reason) body.reason = reason;
    if (force) body.force = true;
    if (publish) body.publish = true;
    body.now = this.clock.apiTime(this.clock.now(params.query));
    return body;
  }

  async dropPending() {
    if (this.pending === null) return;
    const version = this.pending;
    this.pending = null;
    this.discardButton.hidden = true;
    await this.ctx.api.post(`/api/plans/${version}/discard`);
  }

  async score() {
    const { api, t } = this.ctx;
    try {
      await this.dropPending();
      this.refused = false;
      const done = await api.post(`/api/plans/${this.base.version}/edits`, this.request(this.form.force.checked, false));
      this.pending = done.version;
      this.discardButton.hidden = false;
      this.saveButton.disabled = false;
      this.result.innerHTML = `<p>${esc(t('edit.scored', { edit: done.edit, v: done.version, hard: done.hard, soft: done.soft, before: this.doc.soft }))}</p>
        <div data-role="broken">${brokenHtml(done.broken, t)}</div>`;
    } catch (e) {
      if (e.status !== 422) return showError(e);
      this.refused = true;
      this.saveButton.disabled = !this.form.force.checked;
      this.result.innerHTML = `<p class="bad">${esc(e.message)}</p><div data-role="broken">${brokenHtml(e.details || [], t)}</div>
        <p>${esc(t('edit.force_hint'))}</p>`;
    }
    this.result.scrollIntoView({ block: 'nearest' });
  }

  // Save: the draft Score made goes in force; a refused edit, forced, is made and published at once.
  async save() {
    const { api, t } = this.ctx;
    try {
      let version = this.pending;
      if (version === null) version = (await api.post(`/api/plans/${this.base.version}/edits`, this.request(true, true))).version;
      else await api.post(`/api/plans/${version}/publish`);
      this.pending = null;
      api.forget();
      this.saveButton.disabled = true;
      this.discardButton.hidden = true;
      this.result.insertAdjacentHTML('beforeend', `<p class="ok-box banner" data-role="saved">✔ ${esc(t('repair.published', { v: version }))}
        <button type="button" data-action="again">${esc(t('edit.another'))}</button></p>`);
    } catch (e) {
      showError(e);
    }
  }

  listen() {
    const { picker, form } = this;
    picker.addEventListener('click', (e) => {
      const chip = e.target.closest('.chip');
      if (chip && !chip.disabled) this.pick(chip);
    });
    // Drag one chip onto another: those two are the pair.
    picker.addEventListener('dragstart', (e) => {
      const chip = e.target.closest('.chip');
      if (chip) e.dataTransfer.setData('text/plain', JSON.stringify({ person: chip.dataset.person, minute: chip.dataset.minute }));
    });
    picker.addEventListener('dragover', (e) => { if (e.target.closest('.chip:not([disabled])')) e.preventDefault(); });
    picker.addEventListener('drop', (e) => {
      const target = e.target.closest('.chip');
      if (!target) return;
      e.preventDefault();
      this.pick(null, [JSON.parse(e.dataTransfer.getData('text/plain') || '{}'), target.dataset]);
    });
    form.addEventListener('change', (e) => {
      if (e.target.name === 'force') {
        this.saveButton.disabled = !(this.pending !== null || (this.refused && e.target.checked));
        return;
      }
      if (e.target.name === 'mode') this.mode = e.target.value;
      else if (e.target.name === 'day') this.day = Number(e.target.value);
      else return;
      this.reset();
      this.drawPicker();
    });
    form.querySelector('[data-action=score]').addEventListener('click', () => this.score());
    this.saveButton.addEventListener('click', () => this.save());
    this.discardButton.addEventListener('click', async () => {
      try {
        await this.dropPending();
        this.reset();
        this.drawPicked();
      } catch (e) {
        showError(e);
      }
    });
    this.result.addEventListener('click', (e) => {
      if (e.target.closest('[data-action=again]')) this.ctx.go('#/edit');
    });
  }
}

export async function render(main, ctx) {
  const { api, t, params } = ctx;
  const clock = new UnitClock(ctx.unit);
  const now = clock.now(params.query);
  const { plans } = await api.get('/api/plans');
  const base = [...plans].reverse().find((p) => p.state !== 'discarded');
  if (!base) throw new Error(t('edit.no_plan'));
  const doc = await api.get(`/api/plans/${base.version}`);
  const firstDay = clock.dayOf(now);
  const asked = Number(params.query.get('day'));
  const day = Number.isInteger(asked) && asked >= firstDay && asked < clock.days ? asked : firstDay;
  const mode = params.query.get('mode') === 'watches' ? 'watches' : 'day';
  main.innerHTML = formHtml(ctx, clock, base, firstDay, day, mode);
  const form = new EditForm(main, ctx, clock, base, doc, now, day, mode);
  form.listen();
  form.drawPicker();
}
