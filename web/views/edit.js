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

export async function render(main, ctx) {
  const { api, t, fmt, params } = ctx;
  const clock = new UnitClock(ctx.unit);
  const now = clock.now(params.query);
  const { plans } = await api.get('/api/plans');
  const base = [...plans].reverse().find((p) => p.state !== 'discarded');
  if (!base) throw new Error(t('edit.no_plan'));
  const doc = await api.get(`/api/plans/${base.version}`);
  const plan = new PlanIndex(ctx.unit, doc.plan);
  const firstDay = clock.dayOf(now);
  const asked = Number(params.query.get('day'));
  let day = Number.isInteger(asked) && asked >= firstDay && asked < clock.days ? asked : firstDay;
  let mode = params.query.get('mode') === 'watches' ? 'watches' : 'day';
  let picked = [];     // [{person, minute}]
  let pending = null;  // a draft made by Score, not yet saved
  let refused = false;

  const options = [];
  for (let d = firstDay; d < clock.days; ++d)
    options.push(`<option value="${d}"${d === day ? ' selected' : ''}>${esc(fmt.day(clock, d, t))} · ${esc(t('common.day', { n: d }))}</option>`);
  main.innerHTML = `
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
  const form = main.querySelector('form');
  const picker = form.querySelector('.picker');
  const pickedLine = form.querySelector('.picked');
  const result = form.querySelector('.result');
  const save = form.querySelector('[data-action=save]');
  const discard = form.querySelector('[data-action=discard]');

  const label = (p) => (p.minute === undefined ? p.person : `${p.person} ${clock.clockOf(p.minute)}`);
  const drawPicked = () => {
    for (const chip of picker.querySelectorAll('.chip')) {
      const on = picked.some((p) => p.person === chip.dataset.person && String(p.minute ?? '') === (chip.dataset.minute ?? ''));
      chip.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
    pickedLine.textContent = picked.length === 2
      ? t('edit.picked_two', { a: label(picked[0]), b: label(picked[1]) })
      : t('edit.pick_two', { n: 2 - picked.length });
  };
  const reset = () => {
    picked = [];
    result.innerHTML = '';
    save.disabled = true;
    refused = false;
  };
  const drawPicker = () => {
    picker.innerHTML = pickerHtml(mode, ctx, clock, plan, day, now);
    drawPicked();
  };
  const toggle = (chip) => {
    const pick = { person: chip.dataset.person, minute: chip.dataset.minute === undefined ? undefined : Number(chip.dataset.minute) };
    const at = picked.findIndex((p) => p.person === pick.person && p.minute === pick.minute);
    if (at >= 0) picked.splice(at, 1);
    else picked.push(pick);
    if (picked.length > 2) picked.shift();
    result.innerHTML = '';
    save.disabled = true;
    drawPicked();
  };
  const request = (force, publish) => {
    if (picked.length !== 2) throw new Error(t('edit.pick_two', { n: 2 - picked.length }));
    const body = { kind: mode === 'day' ? 'swap-day' : 'swap-watches', people: picked.map((p) => p.person) };
    if (mode === 'day') body.day = `day ${day}`;
    else body.watches = picked.map((p) => clock.apiTime(p.minute));
    if (form.reason.value.trim()) body.reason = form.reason.value.trim();
    if (force) body.force = true;
    if (publish) body.publish = true;
    body.now = clock.apiTime(clock.now(params.query));
    return body;
  };
  const dropPending = async () => {
    if (pending === null) return;
    const version = pending;
    pending = null;
    discard.hidden = true;
    await api.post(`/api/plans/${version}/discard`);
  };

  picker.addEventListener('click', (e) => {
    const chip = e.target.closest('.chip');
    if (chip && !chip.disabled) toggle(chip);
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
    const from = JSON.parse(e.dataTransfer.getData('text/plain') || '{}');
    const minute = (m) => (m === undefined ? undefined : Number(m));
    picked = [{ person: from.person, minute: minute(from.minute) }, { person: target.dataset.person, minute: minute(target.dataset.minute) }];
    drawPicked();
  });
  form.addEventListener('change', (e) => {
    if (e.target.name === 'mode') mode = e.target.value;
    else if (e.target.name === 'day') day = Number(e.target.value);
    else if (e.target.name === 'force') {
      save.disabled = !(pending !== null || (refused && e.target.checked));
      return;
    } else return;
    reset();
    drawPicker();
  });

  form.querySelector('[data-action=score]').addEventListener('click', async () => {
    try {
      await dropPending();
      refused = false;
      const done = await api.post(`/api/plans/${base.version}/edits`, request(form.force.checked, false));
      pending = done.version;
      discard.hidden = false;
      save.disabled = false;
      result.innerHTML = `<p>${esc(t('edit.scored', { edit: done.edit, v: done.version, hard: done.hard, soft: done.soft, before: doc.soft }))}</p>
        <div data-role="broken">${brokenHtml(done.broken, t)}</div>`;
      result.scrollIntoView({ block: 'nearest' });
    } catch (e) {
      if (e.status === 422) {
        refused = true;
        save.disabled = !form.force.checked;
        result.innerHTML = `<p class="bad">${esc(e.message)}</p><div data-role="broken">${brokenHtml(e.details || [], t)}</div>
          <p>${esc(t('edit.force_hint'))}</p>`;
        result.scrollIntoView({ block: 'nearest' });
      } else showError(e);
    }
  });
  save.addEventListener('click', async () => {
    try {
      let version = pending;
      if (version === null) version = (await api.post(`/api/plans/${base.version}/edits`, request(true, true))).version;
      else await api.post(`/api/plans/${version}/publish`);
      pending = null;
      api.forget();
      save.disabled = true;
      discard.hidden = true;
      result.insertAdjacentHTML('beforeend', `<p class="ok-box banner" data-role="saved">✔ ${esc(t('repair.published', { v: version }))}
        <button type="button" data-action="again">${esc(t('edit.another'))}</button></p>`);
    } catch (e) {
      showError(e);
    }
  });
  discard.addEventListener('click', async () => {
    try {
      await dropPending();
      reset();
      drawPicked();
    } catch (e) {
      showError(e);
    }
  });
  result.addEventListener('click', (e) => {
    if (e.target.closest('[data-action=again]')) ctx.go('#/edit');
  });
  drawPicker();
}
