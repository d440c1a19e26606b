// The rotation: everyone x every day, each cell the place of the day as a
// colour AND a code (colour is never the only signal), days away hatched
// with a dash, people grouped by the team they start in. Rows are built as
// strings and parsed in batches: the first screen at once, the rest a batch
// per task after it, so a battalion (600 x 84 = 50 400 cells, about 1 s of
// parsing and layout in all) shows its first rows at once and stays
// responsive while the rest arrive; printing waits for none of it (the rest
// is added before the print). No listener per cell: one on the table (a cell
// opens that day's watch bill). The times are left on the table, for the
// page benchmark (tests/browser/bench.sh): data-render-ms to the first
// screen laid out, data-complete-ms to the last row.
import { esc, personHref } from '../lib/html.js';
import { placeClass, placeCodes } from '../lib/plan.js';
import { UnitClock } from '../lib/time.js';

// Teams: people grouped by their first post and the day they first go there (those who rotate together).
function groupPeople(people, places, placeIndex) {
  const groups = new Map();
  for (const person of people) {
    let key = '~';
    let place = -1;
    let day = -1;
    for (const d of person.days) {
      const i = d.place === null ? -1 : placeIndex.get(d.place);
      if (i !== undefined && i >= 0 && places[i].kind === 'post') {
        place = i;
        day = d.day;
        key = `${String(i).padStart(4, '0')}|${String(d.day).padStart(4, '0')}`;
        break;
      }
    }
    if (!groups.has(key)) groups.set(key, { place, day, people: [] });
    groups.get(key).people.push(person);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

function headerRow(ctx, clock, today) {
  const { t, fmt } = ctx;
  const cells = [`<th scope="col" class="name-col">${esc(t('rota.person'))}</th>`];
  for (let d = 0; d < clock.days; ++d) {
    const date = clock.dateOf(d * 1440);
    const top = date ? fmt.weekday.format(date) : t('rota.day_short');
    const bottom = date ? fmt.dayNumber.format(date) : String(d);
    const title = date ? `${fmt.dayLong.format(date)} · ${t('common.day', { n: d })}` : t('common.day', { n: d });
    const mark = d === today ? ` class="today" aria-current="date"` : '';
    cells.push(`<th scope="col"${mark}><a href="#/bill/${d}" title="${esc(title)}">` +
      `<span class="wd">${esc(top)}</span><span class="dn">${esc(bottom)}${d === today ? '•' : ''}</span></a></th>`);
  }
  return `<tr>${cells.join('')}</tr>`;
}

// The table's body as pieces in order: a team's heading (which starts a new
// <tbody>) and then one piece per person, whose row is built when it is added.
function bodyPieces(ctx, clock, people, today) {
  const { t, unit, fmt } = ctx;
  const places = unit.places;
  const placeIndex = new Map(places.map((p, i) => [p.name, i]));
  const codes = placeCodes(places);
  const cls = places.map((p, i) => placeClass(places, i));
  const span = clock.days + 1;
  const rowHtml = (person) => {
    const row = [`<tr data-name="${esc(person.name)}"><th scope="row"><a href="${personHref(person.name)}">${esc(person.name)}</a></th>`];
    for (const day of person.days) {
      const i = day.place === null ? -1 : placeIndex.get(day.place) ?? -1;
      const todayClass = day.day === today ? ' t' : '';
      if (i < 0) row.push(`<td class="away${todayClass}">–</td>`);
      else if (day.transfer) row.push(`<td class="${cls[i]}${todayClass}" title="${esc(`${day.transfer.from ?? '–'} → ${day.place} ${day.transfer.at}`)}">${codes[i]}*</td>`);
      else row.push(`<td class="${cls[i]}${todayClass}">${codes[i]}</td>`);
    }
    row.push('</tr>');
    return row.join('');
  };
  const pieces = [];
  for (const group of groupPeople(people, places, placeIndex)) {
    const title = group.place < 0
      ? t('rota.group_other')
      : t('rota.group', { place: places[group.place].name, day: fmt.day(clock, group.day, t) });
    pieces.push({ group: `<tr class="group"><th colspan="${span}" scope="rowgroup"><span>${esc(title)} (${group.people.length})</span></th></tr>` });
    for (const person of group.people) pieces.push({ row: () => rowHtml(person) });
  }
  return pieces;
}

// Adds pieces [from, to) to the table: a heading as a new <tbody>, rows
// into the last one, each run of rows parsed at once. Returns the rows added.
function appendPieces(table, pieces, from, to) {
  const added = [];
  let rows = '';
  const flush = () => {
    if (!rows) return;
    const body = table.tBodies[table.tBodies.length - 1];
    const before = body.rows.length;
    body.insertAdjacentHTML('beforeend', rows);
    for (let r = before; r < body.rows.length; ++r) added.push(body.rows[r]);
    rows = '';
  };
  for (let i = from; i < to; ++i) {
    if (pieces[i].group) {
      flush();
      table.insertAdjacentHTML('beforeend', `<tbody>${pieces[i].group}</tbody>`);
    } else {
      rows += pieces[i].row();
    }
  }
  flush();
  return added;
}

// Rows in the first batch (a screenful: a row is about 1.1 em of 16 px, plus
// a margin for scrolling) and in each later one.
const firstRows = () => Math.ceil(window.innerHeight / 16) + 15;
const BATCH_ROWS = 120;

function legendHtml(ctx) {
  const { t, unit } = ctx;
  const codes = placeCodes(unit.places);
  const items = unit.places.map((p, i) =>
    `<li><span class="swatch ${placeClass(unit.places, i)}">${esc(codes[i])}</span> ${esc(p.name)}</li>`);
  items.push(`<li><span class="swatch away">–</span> ${esc(t('rota.away'))}</li>`);
  items.push(`<li><span class="swatch plain">*</span> ${esc(t('rota.transfer'))}</li>`);
  items.push(`<li><span class="swatch plain today-swatch">•</span> ${esc(t('rota.today'))}</li>`);
  return `<ul class="legend" data-role="legend" aria-label="${esc(t('rota.legend'))}">${items.join('')}</ul>`;
}

export async function render(main, ctx) {
  const { api, t, go } = ctx;
  const doc = await api.cached('/api/plans/current');
  const clock = new UnitClock(ctx.unit);
  const wall = clock.wallNow(ctx.params.query);
  const today = wall >= 0 && wall < clock.end ? clock.dayOf(wall) : -1;
  const started = performance.now();
  const pieces = bodyPieces(ctx, clock, doc.plan.people, today);
  main.innerHTML = `
    <h1>${esc(t('view.rotation'))} <small>${esc(t('common.version_short', { v: doc.version }))}</small></h1>
    ${legendHtml(ctx)}
    <p class="controls"><label>${esc(t('rota.find'))} <input type="search" name="find" autocomplete="off"></label>
      <span class="hint">${esc(t('rota.hint'))}</span></p>
    <div class="rota-wrap" tabindex="0" aria-label="${esc(t('view.rotation'))}">
      <table data-role="rotation" class="rota" style="width: calc(var(--name-width) + ${clock.days} * var(--day-width))">
        <caption class="sr-only">${esc(t('rota.caption'))}</caption>
        <colgroup><col class="name-col">${'<col>'.repeat(clock.days)}</colgroup>
        <thead>${headerRow(ctx, clock, today)}</thead>
      </table>
    </div>`;
  const table = main.querySelector('table[data-role=rotation]');
  const find = main.querySelector('input[name=find]');
  const matches = (row) => {
    const wanted = find.value.trim().toLowerCase();
    return wanted === '' || row.dataset.name.toLowerCase().includes(wanted);
  };

  // The first screen now; the rest in batches (below), stopped when the view is left.
  let done = 0;
  const append = (count) => {
    let to = done;
    for (let rows = 0; to < pieces.length && rows < count; ++to) if (pieces[to].row) ++rows;
    for (const row of appendPieces(table, pieces, done, to)) row.hidden = !matches(row);
    done = to;
  };
  const finish = () => {
    if (done < pieces.length) append(Infinity);
  };
  append(firstRows());
  void table.offsetHeight;  // laid out now, so the time includes layout
  table.dataset.renderMs = (performance.now() - started).toFixed(1);
  const complete = () => {
    void table.offsetHeight;
    const ms = performance.now() - started;
    table.dataset.completeMs = ms.toFixed(1);
    console.info(`rotation: ${doc.plan.people.length} people x ${clock.days} days drawn in ${ms.toFixed(1)} ms`);
  };
  // Each batch after a frame is painted: the first screen shows before any
  // batch, and the page answers input between them.
  let timer = 0;
  let frame = 0;
  const later = (fn) => {
    frame = requestAnimationFrame(() => { timer = setTimeout(fn, 0); });
  };
  const more = () => {
    append(BATCH_ROWS);
    if (done < pieces.length) later(more);
    else complete();
  };
  if (done < pieces.length) frame = requestAnimationFrame(() => later(more));
  else complete();
  // A print (or the print preview) shows every row, even before the last batch.
  const beforePrint = () => {
    if (done < pieces.length) {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      finish();
      complete();
    }
  };
  window.addEventListener('beforeprint', beforePrint);
  ctx.onLeave(() => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    window.removeEventListener('beforeprint', beforePrint);
  });

  // One listener for every cell: a day's cell opens that day's bill with the person marked.
  table.addEventListener('click', (event) => {
    const cell = event.target.closest('td');
    if (!cell || event.target.closest('a')) return;
    const row = cell.parentElement;
    go(`#/bill/${cell.cellIndex - 1}?person=${encodeURIComponent(row.dataset.name)}`);
  });
  find.addEventListener('input', () => {
    for (const row of table.querySelectorAll('tr[data-name]')) row.hidden = !matches(row);
  });
}
