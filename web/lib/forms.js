// Form pieces shared by the views that change the plan (unit, repair, edit):
// a moment as a date-and-time field (or "day 3 14:00" when the plan has no
// start date), read back as a roster time for the API; and a loss or return
// posted as a repair.
import { esc } from './html.js';

// A field for a moment of the plan; `minute` null leaves it empty.
export function timeField(name, label, clock, minute, { required = false, hint = '' } = {}) {
  const calendar = clock.dateOf(0) !== null;
  const value = minute === null ? '' : calendar ? clock.toLocalInput(minute) : clock.apiTime(minute);
  const input = calendar
    ? `<input type="datetime-local" name="${name}" value="${esc(value)}"${required ? ' required' : ''}>`
    : `<input type="text" name="${name}" value="${esc(value)}" placeholder="day 3 14:00"${required ? ' required' : ''}>`;
  return `<label>${esc(label)} ${input}${hint ? `<small class="hint">${esc(hint)}</small>` : ''}</label>`;
}

// The field's moment as a roster time ("day 3 14:00"), "" when empty, or an Error in the page's words.
export function readTime(input, clock, t) {
  const text = input.value.trim();
  if (!text) return '';
  if (input.type !== 'datetime-local') return text;  // a roster time: the API checks it
  const minute = clock.fromLocalInput(text);
  if (minute === null) throw new Error(t('form.bad_time', { field: input.name, got: text }));
  return clock.apiTime(minute);
}

// A "from" field defaulting to now: left as it was drawn, it means now at the time of sending
// (the officer may take minutes to fill the form, and a moment before now is refused).
export function readFrom(input, clock, t, now) {
  if (input.value === input.defaultValue) return clock.apiTime(now);
  return readTime(input, clock, t);
}

// The events of one person's change of status (the unit view's form, the repair view's).
//   status: "wounded" | "on leave" | "gone" | "back" | any other reason of an absence
export function statusEvents(person, status, from, until) {
  if (status === 'back') return [{ available: person, from }];
  const event = { unavailable: person, from, reason: status };
  if (until && status !== 'gone') event.until = until;
  return [event];
}

// Posts the repair and returns the job's number. `now` is the page's now, sent so that a "from" of
// this very minute is not before the server's clock.
export async function startRepair(api, clock, now, events) {
  const body = { now: clock.apiTime(now), events };
  const { job } = await api.post('/api/repairs', body);
  return job;
}
