// The watch bill: for one day (#/bill/<day>, today by default) every watch
// of every post and rest center side by side, a row per watch, night watches
// marked with a moon and the word, a watch short of people marked
// UNCOVERED in red with the word. #/bill/all lays out every day, one page
// each when printed. ?person=NAME marks that person.
import { esc, personHref } from '../lib/html.js';
import { PlanIndex, watchedPlaces } from '../lib/plan.js';
import { UnitClock } from '../lib/time.js';

function cell(names, watchers, mark, t) {
  const items = names.map((n) => {
    const link = `<a href="${personHref(n)}">${esc(n)}</a>`;
    return n === mark ? `<li><mark>${link}</mark></li>` : `<li>${link}</li>`;
  });
  for (let i = names.length; i < watchers; ++i)
    items.push(`<li><strong class="uncovered">${esc(t('bill.uncovered'))}</strong></li>`);
  return `<ul>${items.join('')}</ul>`;
}

function dayHtml(ctx, clock, plan, day, mark, now, version) {
  const { t, fmt } = ctx;
  const places = watchedPlaces(ctx.unit);
  const index = plan.day(day);
  const head = places.map((p) => `<th scope="col">${esc(p.name)}${p.kind !== 'post' ? ` <small>(${esc(t('now.guard'))})</small>` : ''}</th>`);
  const rows = [];
  let uncovered = 0;
  for (let slot = 0; slot < clock.slots; ++slot) {
    const minute = clock.slotStart(day, slot);
    const night = clock.isNight(minute);
    const current = now >= minute && now < minute + clock.watch;
    const cells = places.map((p) => {
      const names = index.watch(p.name, slot);
      if (names.length < p.watchers) uncovered += p.watchers - names.length;
      return `<td${names.length < p.watchers ? ' class="short"' : ''}>${cell(names, p.watchers, mark, t)}</td>`;
    });
    rows.push(`<tr class="${night ? 'night' : ''}${current ? ' current' : ''}">
      <th scope="row"><time>${esc(clock.slotLabel(minute))}</time>${night ? ` <span class="night-mark">☾ ${esc(t('bill.night'))}</span>` : ''}${current ? ` <span class="now-mark">◀ ${esc(t('bill.now'))}</span>` : ''}</th>${cells.join('')}</tr>`);
  }
  // On a phone the table is too wide: the same day as one list per place (CSS shows one or the other).
  const lists = places.map((p) => {
    const items = [];
    for (let slot = 0; slot < clock.slots; ++slot) {
      const minute = clock.slotStart(day, slot);
      const night = clock.isNight(minute) ? ` <span class="night-mark">☾ ${esc(t('bill.night'))}</span>` : '';
      items.push(`<li class="${clock.isNight(minute) ? 'night' : ''}"><time>${esc(clock.slotLabel(minute))}</time>${night}
        ${cell(index.watch(p.name, slot), p.watchers, mark, t)}</li>`);
    }
    return `<section class="bill-place"><h3>${esc(p.name)}${p.kind !== 'post' ? ` <small>(${esc(t('now.guard'))})</small>` : ''}</h3><ol>${items.join('')}</ol></section>`;
  }).join('');
  const verdictLine = uncovered
    ? `<p class="bad-box banner"><strong class="uncovered">${esc(t('bill.uncovered'))}</strong> ${esc(t('bill.uncovered_count', { n: uncovered }))}</p>`
    : '';
  return `<section class="bill-day" data-day="${day}">
    <h2>${esc(fmt.day(clock, day, t, true))} <small>${esc(t('common.day', { n: day }))} · ${esc(t('bill.runs', { from: clock.clockOf(0) }))} · ${esc(t('common.version_short', { v: version }))}</small></h2>
    ${verdictLine}
    <div class="table-wrap"><table class="bill" data-role="bill">
      <thead><tr><th scope="col">${esc(t('bill.time'))}</th>${head.join('')}</tr></thead>
      <tbody>${rows.join('')}</tbody></table></div>
    <div class="bill-lists">${lists}</div>
  </section>`;
}

function navHtml(ctx, clock, day) {
  const { t, fmt } = ctx;
  const options = [];
  for (let d = 0; d < clock.days; ++d)
    options.push(`<option value="${d}"${d === day ? ' selected' : ''}>${esc(fmt.day(clock, d, t))} · ${esc(t('common.day', { n: d }))}</option>`);
  const prev = day > 0 ? `<a class="button" href="#/bill/${day - 1}" rel="prev">← ${esc(t('bill.prev'))}</a>` : '';
  const next = day + 1 < clock.days ? `<a class="button" href="#/bill/${day + 1}" rel="next">${esc(t('bill.next'))} →</a>` : '';
  return `<p class="controls no-print">${prev}
    <label>${esc(t('bill.day'))} <select name="day">${options.join('')}</select></label>
    ${next}
    <button type="button" data-action="print">${esc(t('bill.print'))}</button>
    <a class="button" href="#/bill/all">${esc(t('bill.all_days'))}</a></p>`;
}

export async function render(main, ctx) {
  const { api, t, params, go } = ctx;
  const doc = await api.cached('/api/plans/current');
  const clock = new UnitClock(ctx.unit);
  const plan = new PlanIndex(ctx.unit, doc.plan);
  const now = clock.wallNow(params.query);
  const mark = params.query.get('person') || '';
  const stamp = `<p class="stamp">${esc(t('common.version_stamp', { v: doc.version, made: ctx.fmt.stampText(doc.made) }))}</p>`;
  if (params.path[0] === 'all') {
    const days = [];
    for (let d = 0; d < clock.days; ++d) days.push(dayHtml(ctx, clock, plan, d, mark, now, doc.version));
    main.innerHTML = `<h1>${esc(t('view.bill'))} · ${esc(t('bill.all_days'))}</h1>
      <p class="controls no-print"><button type="button" data-action="print">${esc(t('bill.print'))}</button>
      <a class="button" href="#/bill">${esc(t('bill.one_day'))}</a></p>${stamp}${days.join('')}`;
  } else {
    const today = clock.dayOf(Math.max(0, Math.min(now, clock.end - 1)));
    const asked = params.path.length ? Number(params.path[0]) : today;
    const day = Number.isInteger(asked) && asked >= 0 && asked < clock.days ? asked : today;
    main.innerHTML = `<h1>${esc(t('view.bill'))}</h1>${navHtml(ctx, clock, day)}${stamp}${dayHtml(ctx, clock, plan, day, mark, now, doc.version)}`;
    main.querySelector('select[name=day]').addEventListener('change', (e) => go(`#/bill/${e.target.value}`));
  }
  for (const button of main.querySelectorAll('[data-action=print]')) button.addEventListener('click', () => window.print());
}
