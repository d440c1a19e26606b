// The change report between two plan versions (GET /api/changes, report/
// change_report.h) drawn for the duty officer who must act on it: the
// banner (every rule kept, or what is broken), the watches left UNCOVERED,
// what to do in the next 12 hours, and everyone affected, soonest first,
// each change old -> new. The report's phrases ("watch at post-2", "free")
// are put into the page's language; names and places stay as they are.
import { esc, personHref } from './html.js';

// One phrase of an item ("watch at post-2", "shower 14:30 at rest-1", "away (wounded)") in words of the page.
export function phrase(text, t) {
  const s = String(text ?? '');
  let m;
  if ((m = /^watch at (.+)$/.exec(s))) return t('chg.watch_at', { place: m[1] });
  if ((m = /^guard at (.+)$/.exec(s))) return t('chg.guard_at', { place: m[1] });
  if ((m = /^at (.+)$/.exec(s))) return t('chg.at', { place: m[1] });
  if ((m = /^away \((.*)\)$/.exec(s))) return t('chg.away', { reason: m[1] });
  if ((m = /^shower (\d\d:\d\d) at (.+)$/.exec(s))) return t('chg.shower_at', { time: m[1], place: m[2] });
  if ((m = /^shower (\d\d:\d\d)$/.exec(s))) return t('chg.shower', { time: m[1] });
  const fixed = { free: 'chg.free', 'no place': 'chg.no_place', away: 'chg.away_plain', 'no shower': 'chg.no_shower' };
  return fixed[s] ? t(fixed[s]) : s;
}

function arrow(before, after, t) {
  return `<span class="before">${esc(phrase(before, t))}</span> <span aria-hidden="true">→</span>` +
    `<span class="sr-only">${esc(t('chg.becomes'))}</span> <strong class="after">${esc(phrase(after, t))}</strong>`;
}

function banner(report, t) {
  const b = report.banner;
  if (b.all_rules_kept)
    return `<p class="banner ok-box"><strong>✔ ${esc(t('chg.all_kept'))}</strong> ` +
      `${esc(t('chg.affected', { people: report.people_affected, soon: report.changed_within_12h }))}</p>`;
  const broken = (b.broken || []).map((line) => `<li>${esc(line)}</li>`).join('');
  return `<div class="banner bad-box"><p><strong>✘ ${esc(t('chg.not_kept'))}</strong> ` +
    `${esc(t('chg.uncovered_count', { n: b.uncovered }))}</p>${broken ? `<ul>${broken}</ul>` : ''}</div>`;
}

function uncovered(report, ctx, clock) {
  const { t, fmt } = ctx;
  if (!report.uncovered.length) return '';
  const rows = report.uncovered.map((w) => {
    const cover = w.could_cover.map((c) => `${esc(c.name)} (${esc(c.at)})`).join(', ') || esc(t('chg.nobody'));
    return `<li><strong class="uncovered">${esc(t('bill.uncovered'))}</strong>
      ${esc(w.place)}, ${esc(fmt.moment(clock, w.start_minute, t))}–${esc(clock.clockOf(w.start_minute + clock.watch))}
      · ${esc(t('chg.missing', { n: w.missing }))}
      · ${esc(t('chg.could_cover'))}: ${cover}</li>`;
  }).join('');
  return `<section><h3>${esc(t('chg.uncovered_title'))}</h3><ul class="uncovered-list">${rows}</ul></section>`;
}

function actNow(report, ctx, clock) {
  const { t, fmt } = ctx;
  const title = `<h3>${esc(t('chg.act_now', { until: fmt.moment(clock, report.now_minute + 720, t) }))}</h3>`;
  if (!report.act_now.length) return `<section>${title}<p>${esc(t('chg.nothing_soon'))}</p></section>`;
  const rows = report.act_now.map((line) => {
    const [before, after] = String(line.what).split(' -> ');
    const what = line.lost ? `${esc(t('chg.removed'))}: ${esc(line.what)}` : arrow(before, after, t);
    return `<li><time>${esc(fmt.moment(clock, line.start_minute, t))}</time>
      <a href="${personHref(line.name)}">${esc(line.name)}</a>: ${what}</li>`;
  }).join('');
  return `<section class="act-now">${title}<ol>${rows}</ol></section>`;
}

function item(entry, ctx, clock) {
  const { t, fmt } = ctx;
  const soon = entry.within_12h ? ` <strong class="soon">${esc(t('chg.within_12h'))}</strong>` : '';
  const when = entry.kind === 'place'
    ? fmt.day(clock, entry.day, t)
    : `${fmt.moment(clock, entry.start_minute, t)}${entry.kind === 'watch' ? `–${clock.clockOf(entry.end_minute)}` : ''}`;
  return `<li><time>${esc(when)}</time> ${arrow(entry.before, entry.after, t)}${soon}</li>`;
}

function people(report, ctx, clock) {
  const { t } = ctx;
  if (!report.people.length) return `<p>${esc(t('chg.nobody_affected'))}</p>`;
  return report.people.map((p) => {
    const until = (text) => {
      const minute = clock.fromApiTime(text);
      return minute === null ? t('chg.for_good') : ctx.fmt.moment(clock, minute, t);
    };
    const lost = p.lost.map((l) => `<li class="lost">${esc(t('chg.lost', { reason: l.reason || '', until: until(l.until) }))}
      <details><summary>${esc(t('chg.removed_n', { n: l.removed.length }))}</summary>
      <ul>${l.removed.map((e) => item(e, ctx, clock)).join('')}</ul></details></li>`).join('');
    return `<article class="person-change">
      <h4><a href="${personHref(p.name)}">${esc(p.name)}</a></h4>
      <ul>${lost}${p.items.map((e) => item(e, ctx, clock)).join('')}</ul></article>`;
  }).join('');
}

// The whole review as HTML, inside [data-role=changes].
export function changesHtml(report, ctx, clock) {
  const { t } = ctx;
  return `<section data-role="changes" class="changes">
    <h2>${esc(t('chg.title', { from: report.replaces ?? '?', to: report.plan_version ?? '?' }))}</h2>
    ${banner(report, t)}
    ${uncovered(report, ctx, clock)}
    ${actNow(report, ctx, clock)}
    <section><h3>${esc(t('chg.people_title', { n: report.people_affected }))}</h3>${people(report, ctx, clock)}</section>
  </section>`;
}
