// Time on the unit's clock, as the engine counts it (docs/unit-rules.md):
// a unit minute counts from the changeover of day 0; a roster day runs from
// its changeover (06:00) to the next, so 02:00 of day 3 is the night after
// day 3's calendar date. Times sent to the API are roster times
// ("day 3 14:00"), which need no time zone; dates shown on screen come from
// the plan's start date and follow the page's language.

export const MINUTES_PER_DAY = 1440;

export function clockMinutes(hhmm) {
  const [h, m] = String(hhmm).split(':').map(Number);
  return h * 60 + m;
}

function pad(n) {
  return String(n).padStart(2, '0');
}

export function clockLabel(minutes) {
  const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
}

export class UnitClock {
  constructor(unit) {
    this.days = unit.days;
    this.changeover = clockMinutes(unit.changeover || '06:00');
    this.watch = unit.watch_minutes || 120;
    this.slots = Math.floor(MINUTES_PER_DAY / this.watch);
    this.start = null;  // a Date at 00:00 local of day 0's calendar date
    if (unit.start_date) {
      const [y, mo, d] = unit.start_date.split('-').map(Number);
      this.start = { y, mo, d };
    }
    this.end = this.days * MINUTES_PER_DAY;
  }

  // The unit minute of clock `hhmm` on roster day `day` (a clock before the changeover is that day's night).
  minuteOf(day, hhmm) {
    return day * MINUTES_PER_DAY + ((clockMinutes(hhmm) - this.changeover + MINUTES_PER_DAY) % MINUTES_PER_DAY);
  }

  slotStart(day, slot) {
    return day * MINUTES_PER_DAY + slot * this.watch;
  }

  dayOf(minute) {
    return Math.floor(minute / MINUTES_PER_DAY);
  }

  slotOf(minute) {
    return Math.floor((minute - this.dayOf(minute) * MINUTES_PER_DAY) / this.watch);
  }

  clockOf(minute) {
    return clockLabel(this.changeover + minute);
  }

  // "14:00–16:00" for the watch slot starting at `minute`.
  slotLabel(minute) {
    return `${this.clockOf(minute)}–${this.clockOf(minute + this.watch)}`;
  }

  // A watch overlapping 22:00-06:00 is a night watch (the night-spread wish).
  isNight(minute) {
    const start = clockMinutes(this.clockOf(minute));
    const end = start + this.watch;
    const overlaps = (a, b) => start < b && a < end;
    return overlaps(0, 360) || overlaps(1320, 1440 + 360);
  }

  // The local Date of a unit minute, or null without a start date.
  dateOf(minute) {
    if (!this.start) return null;
    const { y, mo, d } = this.start;
    return new Date(y, mo - 1, d, 0, this.changeover + minute);
  }

  // The unit minute of a Date (the wall clock by default), or null without a start date.
  minuteAt(date = new Date()) {
    const zero = this.dateOf(0);
    if (!zero) return null;
    return Math.floor((date.getTime() - zero.getTime()) / 60000);
  }

  // Now on the unit's clock within the plan (a "?at=2026-12-09T14:00" in the address sets it, for a
  // look ahead); before the plan it is its first minute, after it its last. Without a start date: day 0.
  now(query) {
    const at = query && query.get('at');
    const raw = at ? this.fromLocalInput(at) : this.minuteAt();
    if (raw === null || Number.isNaN(raw)) return 0;
    return Math.max(0, Math.min(raw, this.end - 1));
  }

  // Now as it is, unclamped: before the plan it is negative (the first watch is still to come).
  // "?at=" in the address sets it as in now(); without a start date it is day 0's changeover.
  wallNow(query) {
    const at = query && query.get('at');
    const raw = at ? this.fromLocalInput(at) : this.minuteAt();
    return raw === null || Number.isNaN(raw) ? 0 : raw;
  }

  // "day 3 14:00": a time the API reads.
  apiTime(minute) {
    return `day ${this.dayOf(minute)} ${this.clockOf(minute)}`;
  }

  // "day 3 14:00" or "day 3" (the API's roster times) -> unit minute, or null.
  fromApiTime(text) {
    const m = /^day (\d+)(?: (\d\d:\d\d))?$/.exec(String(text ?? '').trim());
    if (!m) return null;
    return m[2] ? this.minuteOf(+m[1], m[2]) : +m[1] * MINUTES_PER_DAY;
  }

  // <input type=datetime-local> values: "2026-12-08T14:00" <-> unit minute.
  toLocalInput(minute) {
    const date = this.dateOf(minute);
    if (!date) return '';
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }

  fromLocalInput(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(String(text).trim());
    if (!m) return null;
    const date = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    return this.minuteAt(date);
  }
}

// Whether the browser has its own date words for `locale` (Debian's chromium
// has none for Georgian: Intl would answer in English).
export function browserKnows(locale) {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

// Dates from the catalog's own words (date.weekdays, date.months,
// date.day_month, date.with_weekday, date.format), for a language the
// browser does not know; each has the format(date) of an Intl formatter.
function catalogDates({ t, raw }) {
  const weekday = (date) => (raw('date.weekdays') || [])[(date.getDay() + 6) % 7] ?? '';
  const parts = (date) => ({
    d: date.getDate(),
    dd: pad(date.getDate()),
    mm: pad(date.getMonth() + 1),
    month: (raw('date.months') || [])[date.getMonth()] ?? '',
    year: date.getFullYear(),
  });
  const dayMonth = (date) => t('date.with_weekday', { weekday: weekday(date), date: t('date.day_month', parts(date)) });
  return {
    dayShort: { format: dayMonth },
    dayLong: { format: dayMonth },
    weekday: { format: weekday },
    dayNumber: { format: (date) => String(date.getDate()) },
    stamp: { format: (date) => `${t('date.format', parts(date))} ${pad(date.getHours())}:${pad(date.getMinutes())}` },
  };
}

// Dates in the page's language: Intl with the catalog's locale, or the
// catalog's own words where the browser does not know the language. Clock
// times stay "14:00": every language of the page reads the 24-hour clock.
export class Formats {
  // words: {t, raw} of the page's catalog (app.js); without it, Intl only.
  constructor(locale, words = null) {
    this.locale = locale;
    if (words && !browserKnows(locale)) {
      Object.assign(this, catalogDates(words));
      return;
    }
    this.dayShort = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' });
    this.dayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long' });
    this.weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' });
    this.dayNumber = new Intl.DateTimeFormat(locale, { day: 'numeric' });
    this.stamp = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  }

  // "Tue 8 Dec" for roster day `day` (its calendar date), or "day 8" in words without a start date.
  day(clock, day, t, long = false) {
    const date = clock.dateOf(day * MINUTES_PER_DAY);
    if (!date) return t('common.day', { n: day });
    return (long ? this.dayLong : this.dayShort).format(date);
  }

  // "Tue 8 Dec 14:00" (the calendar date of the moment itself: 02:00 is after midnight).
  moment(clock, minute, t) {
    const date = clock.dateOf(minute);
    if (!date) return `${t('common.day', { n: clock.dayOf(minute) })} ${clock.clockOf(minute)}`;
    return `${this.dayShort.format(date)} ${clock.clockOf(minute)}`;
  }

  // A UTC stamp of the API ("2026-12-14T09:30:00Z") in local time.
  stampText(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso || '' : this.stamp.format(date);
  }

  // "in 3 h 20 min", "in 2 d 13 h"
  duration(minutes, t) {
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    if (d > 0) return t('common.in_days', { d, h });
    return h > 0 ? t('common.in_hours', { h, m }) : t('common.in_minutes', { m });
  }
}
