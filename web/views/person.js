// One person's page, made for a phone at 390 px: the next watch from now,
// big; then each day from today on — the place, the watches (guard turns at
// a rest center) and the shower in clock order, with whom each watch is
// stood and the languages the two share; a link to their calendar (.ics)
// and their sheet (.txt), both in the page's language.
// Reads GET /api/plans/current/people/NAME (a viewer: their own); for anyone
// else a viewer may see, the plan in force without the languages.
import { esc, languagesText } from '../lib/html.js';
import { PlanIndex } from '../lib/plan.js';
import { UnitClock } from '../lib/time.js';

async function loadSchedule(ctx, name) {
  try {
    return await ctx.api.get(`/api/plans/current/people/${encodeURIComponent(name)}`);
  } catch (e) {
    if (e.status !== 403) throw e;
    const doc = await ctx.api.cached('/api/plans/current');
    const entry = doc.plan.people.find((p) => p.name === name);
    if (!entry) throw e;
    // Who stands each watch with them, from the plan (their languages are theirs to see, not ours).
    const plan = new PlanIndex(ctx.unit, doc.plan);
    const days = entry.days.map((day) => ({
      ...day,
      watches: day.watches.map((w) => ({ ...w, with: plan.day(day.day).watch(w.place, w.slot).filter((n) => n !== name) })),
    }));
    return { name, days, languages: null, partners: {}, slug: null, limited: true };
  }
}

// Every duty of the person with its unit minute, in clock order.
function duties(schedule, clock, placeKinds) {
  const out = [];
  for (const day of schedule.days) {
    for (const w of day.watches) {
      const minute = clock.minuteOf(day.day, w.start);
      out.push({ kind: placeKinds.get(w.place) === 'post' ? 'watch' : 'guard', day: day.day, minute, place: w.place, with: w.with || [] });
    }
    if (day.shower) out.push({ kind: 'shower', day: day.day, minute: clock.minuteOf(day.day, day.shower.start), place: day.shower.place });
  }
  return out.sort((a, b) => a.minute - b.minute);
}

function partnersHtml(duty, schedule, ctx) {
  const { t, locale } = ctx;
  if (!duty.with.length) return duty.kind === 'watch' ? ` · <strong class="uncovered">${esc(t('person.alone'))}</strong>` : '';
  return ` · ${esc(t('person.with'))} ${duty.with.map((n) => {
    const shared = (schedule.partners || {})[n];
    const langs = shared ? languagesText(shared, locale, t) : '';
    const words = shared && !langs ? ` <strong class="bad">${esc(t('person.no_shared'))}</strong>` : langs ? ` <span class="langs">— ${esc(langs)}</span>` : '';
    return `<span class="partner">${esc(n)}${words}</span>`;
  }).join('; ')}`;
}

function dutyHtml(duty, schedule, ctx, clock, placeOfDay) {
  const { t } = ctx;
  if (duty.kind === 'shower') {
    const where = duty.place !== placeOfDay ? ` ${esc(t('person.at', { place: duty.place }))}` : '';
    return `<li class="duty shower"><time>${esc(clock.clockOf(duty.minute))}</time> <span><strong>${esc(t('person.shower'))}</strong>${where}</span></li>`;
  }
  const night = clock.isNight(duty.minute) ? ` <span class="night-mark">☾ ${esc(t('bill.night'))}</span>` : '';
  // After midnight the date is the next one: said, so 02:00 is not read as the morning before.
  const date = clock.dateOf(duty.minute);
  const dayDate = clock.dateOf(duty.day * 1440);
  const nextDate = date && dayDate && date.getDate() !== dayDate.getDate()
    ? ` <small class="after-midnight">(${esc(ctx.fmt.dayShort.format(date))})</small>` : '';
  return `<li class="duty ${duty.kind}"><time>${esc(clock.slotLabel(duty.minute))}${nextDate}</time>
    <span><strong>${esc(t(duty.kind === 'watch' ? 'person.watch' : 'person.guard'))}</strong> ${esc(t('person.at', { place: duty.place }))}${night}${partnersHtml(duty, schedule, ctx)}</span></li>`;
}

function dayHtml(day, list, schedule, ctx, clock, today) {
  const { t, fmt } = ctx;
  const place = day.place === null ? `<span class="away-word">${esc(t('person.away'))}</span>` : esc(t('person.at', { place: day.place }));
  const moved = day.transfer ? ` <small>(${esc(t('person.moved', { from: day.transfer.from ?? '–', at: day.transfer.at }))})</small>` : '';
  const items = list.map((d) => dutyHtml(d, schedule, ctx, clock, day.place)).join('');
  return `<section class="pday${day.day === today ? ' today' : ''}"${day.day === today ? ' aria-current="date"' : ''}>
    <h3>${esc(fmt.day(clock, day.day, t, true))} <small>${esc(t('common.day', { n: day.day }))}</small>${day.day === today ? ` <span class="today-word">${esc(t('person.today'))}</span>` : ''}</h3>
    <p class="pday-place">${place}${moved}</p>
    ${items ? `<ol class="duties">${items}</ol>` : `<p class="muted">${esc(t('person.free_day'))}</p>`}
  </section>`;
}

function nextWatchHtml(all, schedule, ctx, clock, now) {
  const { t, fmt } = ctx;
  const next = all.find((d) => d.kind !== 'shower' && d.minute + clock.watch > now);
  if (!next) return `<section class="next-watch card" data-role="next-watch"><p class="big">${esc(t('person.no_more'))}</p></section>`;
  const onNow = next.minute <= now;
  const label = onNow ? t('person.on_watch_now') : t('person.next_watch');
  const when = onNow ? t('person.until', { time: clock.clockOf(next.minute + clock.watch) }) : fmt.duration(next.minute - now, t);
  return `<section class="next-watch card${onNow ? ' on-now' : ''}" data-role="next-watch">
    <p class="label">${esc(label)} · ${esc(when)}</p>
    <p class="next-day">${esc(fmt.day(clock, next.day, t, true))}</p>
    <p class="next-time"><time>${esc(clock.slotLabel(next.minute))}</time></p>
    <p class="next-place">${esc(t(next.kind === 'watch' ? 'person.watch' : 'person.guard'))} ${esc(t('person.at', { place: next.place }))}${clock.isNight(next.minute) ? ` · ☾ ${esc(t('bill.night'))}` : ''}</p>
    <p>${partnersHtml(next, schedule, ctx).replace(/^ · /, '')}</p>
  </section>`;
}

export async function render(main, ctx) {
  const { t, params, api } = ctx;
  const name = params.path[0] || ctx.user.person;
  if (!name) {
    // Someone without a person of their own (an officer): choose one.
    const doc = await api.cached('/api/plans/current');
    const names = doc.plan.people.map((p) => p.name).sort((a, b) => a.localeCompare(b));
    main.innerHTML = `<h1>${esc(t('view.person'))}</h1>
      <label>${esc(t('person.choose'))} <select name="person"><option value=""></option>
        ${names.map((n) => `<option>${esc(n)}</option>`).join('')}</select></label>`;
    main.querySelector('select[name=person]').addEventListener('change', (e) => {
      if (e.target.value) ctx.go(`#/person/${encodeURIComponent(e.target.value)}`);
    });
    return;
  }
  const schedule = await loadSchedule(ctx, name);
  const clock = new UnitClock(ctx.unit);
  const now = clock.wallNow(params.query);
  const today = now >= 0 && now < clock.end ? clock.dayOf(now) : now < 0 ? 0 : clock.days - 1;
  const kinds = new Map(ctx.unit.places.map((p) => [p.name, p.kind]));
  const all = duties(schedule, clock, kinds);
  const byDay = new Map();
  for (const d of all) byDay.set(d.day, [...(byDay.get(d.day) || []), d]);
  const days = schedule.days.map((day) => ({ day, html: dayHtml(day, byDay.get(day.day) || [], schedule, ctx, clock, today) }));
  const earlier = days.filter((d) => d.day.day < today).map((d) => d.html).join('');
  const coming = days.filter((d) => d.day.day >= today).map((d) => d.html).join('');
  // The sheet and the calendar in the page's language (a catalog of the page is one of the server's too).
  const file = (ext) => api.url(`/api/plans/current/files/people/${schedule.slug}.${ext}?lang=${encodeURIComponent(ctx.lang)}`);
  main.innerHTML = `
    <h1 class="person-name">${esc(schedule.name)}</h1>
    ${schedule.languages ? `<p class="speaks">${esc(t('person.speaks'))}: ${esc(languagesText(schedule.languages, ctx.locale, t))}</p>` : ''}
    ${nextWatchHtml(all, schedule, ctx, clock, now)}
    ${schedule.slug ? `<p class="links no-print"><a class="button" data-role="ics" href="${esc(file('ics'))}">${esc(t('person.calendar'))}</a>
      <a class="button" href="${esc(file('txt'))}">${esc(t('person.text'))}</a></p>` : ''}
    ${schedule.limited ? `<p class="muted">${esc(t('person.limited'))}</p>` : ''}
    <h2>${esc(t('person.days'))}</h2>
    ${coming}
    ${earlier ? `<details class="earlier"><summary>${esc(t('person.earlier'))}</summary>${earlier}</details>` : ''}`;
}
