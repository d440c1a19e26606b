// The "now" view: what the duty officer checks at a glance at 3 am — who is
// on watch at each post and on guard at each rest center this watch and the
// next, who is where today, the next changeover, and whether the plan in
// force breaks any rule. Redrawn every minute while it is shown.
import { esc, personHref, verdict } from '../lib/html.js';
import { PlanIndex, watchedPlaces } from '../lib/plan.js';
import { readSummary } from '../lib/summary.js';
import { UnitClock, MINUTES_PER_DAY } from '../lib/time.js';

function names(list, watchers, t) {
  const items = list.map((n) => `<li><a href="${personHref(n)}">${esc(n)}</a></li>`);
  for (let i = list.length; i < watchers; ++i)
    items.push(`<li><strong class="uncovered">${esc(t('bill.uncovered'))}</strong></li>`);
  return items.join('');
}

function watchCards(ctx, clock, plan, now) {
  const { t } = ctx;
  const slotMinute = clock.slotStart(clock.dayOf(now), clock.slotOf(now));
  const next = slotMinute + clock.watch;
  const nextDay = plan.day(clock.dayOf(next));
  const today = plan.day(clock.dayOf(slotMinute));
  return watchedPlaces(ctx.unit).map((place) => {
    const guard = place.kind !== 'post';
    const onNow = today.watch(place.name, clock.slotOf(slotMinute));
    const onNext = next < clock.end ? nextDay.watch(place.name, clock.slotOf(next)) : [];
    const night = (m) => (clock.isNight(m) ? ` <span class="night-mark">☾ ${esc(t('bill.night'))}</span>` : '');
    return `<article class="card place-card${guard ? ' rest-card' : ''}">
      <h3>${esc(place.name)} <small>${esc(t(guard ? 'now.guard' : 'now.watch'))}</small></h3>
      <p class="label">${esc(t('now.this_watch'))} · <time>${esc(clock.slotLabel(slotMinute))}</time>${night(slotMinute)}</p>
      <ul class="on-watch" data-role="on-watch" data-place="${esc(place.name)}">${names(onNow, place.watchers, t)}</ul>
      ${next < clock.end ? `<p class="label">${esc(t('now.next_watch'))} · <time>${esc(clock.slotLabel(next))}</time>${night(next)}</p>
      <ul class="next-watch">${names(onNext, place.watchers, t)}</ul>` : ''}
    </article>`;
  }).join('');
}

function whereToday(ctx, plan, day) {
  const { t } = ctx;
  const today = plan.day(day);
  const rows = ctx.unit.places.map((place, i) => {
    const list = today.at[i];
    return `<tr><th scope="row">${esc(place.name)}</th><td class="num">${list.length}</td>
      <td>${list.map((n) => `<a href="${personHref(n)}">${esc(n)}</a>`).join(', ')}</td></tr>`;
  });
  if (today.away.length)
    rows.push(`<tr class="away-row"><th scope="row">${esc(t('now.away'))}</th><td class="num">${today.away.length}</td>
      <td>${today.away.map((n) => `<a href="${personHref(n)}">${esc(n)}</a>`).join(', ')}</td></tr>`);
  return `<table class="where"><thead><tr><th>${esc(t('now.place'))}</th><th>${esc(t('now.count'))}</th>
    <th>${esc(t('now.people'))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function rulesBox(ctx, doc) {
  const { t } = ctx;
  const summary = readSummary(doc.summary);
  const kept = doc.all_hard_rules_kept;
  const list = [...summary.uncovered, ...summary.broken];
  return `<section class="card ${kept ? 'ok-box' : 'bad-box'}" data-role="broken-rules">
    <h2>${esc(t('now.rules'))}</h2>
    <p>${verdict(kept, t)} — ${esc(kept ? t('now.all_kept', { v: doc.version }) : t('now.some_broken', { v: doc.version, hard: doc.hard }))}</p>
    ${list.length && !kept ? `<ul>${list.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''}
  </section>`;
}

function draw(main, ctx, clock, doc, plan) {
  const { t, fmt } = ctx;
  const wall = clock.wallNow(ctx.params.query);
  const now = Math.max(0, Math.min(wall, clock.end - 1));
  const day = clock.dayOf(now);
  const before = wall < 0;
  // Before the plan starts, its first changeover is the next one.
  const changeover = before ? 0 : (day + 1) * MINUTES_PER_DAY;
  const notice = before
    ? `<p class="notice">${esc(t('now.before_start', { when: fmt.moment(clock, 0, t), in: fmt.duration(-wall, t) }))}</p>`
    : wall >= clock.end ? `<p class="notice">${esc(t('now.after_end'))}</p>` : '';
  const untilChange = changeover - wall;
  main.innerHTML = `
    <h1>${esc(t('view.now'))} <small>${esc(fmt.moment(clock, now, t))} · ${esc(t('common.day', { n: day }))}</small></h1>
    ${notice}
    <section aria-labelledby="on-watch-title">
      <h2 id="on-watch-title">${esc(t('now.on_watch'))}</h2>
      <div class="cards">${watchCards(ctx, clock, plan, now)}</div>
    </section>
    <div class="two">
      <section class="card">
        <h2>${esc(t('now.changeover'))}</h2>
        <p class="big">${changeover < clock.end
          ? `${esc(fmt.moment(clock, changeover, t))} <small>(${esc(fmt.duration(Math.max(untilChange, 0), t))})</small>`
          : esc(t('now.plan_ends', { when: fmt.moment(clock, clock.end, t) }))}</p>
      </section>
      ${rulesBox(ctx, doc)}
    </div>
    <section>
      <h2>${esc(t('now.where_today', { day: fmt.day(clock, day, t, true) }))}</h2>
      ${whereToday(ctx, plan, day)}
    </section>
    <p class="stamp">${esc(t('common.version_stamp', { v: doc.version, made: fmt.stampText(doc.made) }))}</p>`;
}

export async function render(main, ctx) {
  const clock = new UnitClock(ctx.unit);
  let doc = await ctx.api.cached('/api/plans/current');
  let plan = new PlanIndex(ctx.unit, doc.plan);
  draw(main, ctx, clock, doc, plan);
  // A page left open on the officer's desk stays true: redrawn each minute,
  // with the plan in force read again (another officer may have published).
  const timer = setInterval(async () => {
    try {
      const fresh = await ctx.api.cached('/api/plans/current');
      if (fresh.version !== doc.version) {
        doc = fresh;
        plan = new PlanIndex(ctx.unit, doc.plan);
      }
    } catch { /* the server is away for a moment: the plan as last read is drawn */ }
    if (ctx.current()) draw(main, ctx, clock, doc, plan);
  }, 60000);
  ctx.onLeave(() => clearInterval(timer));
}
