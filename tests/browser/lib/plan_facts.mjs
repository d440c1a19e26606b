// Known answers read from the plan the server was started with (the
// roster.json of `vigil solve`), computed here without the page: who is on
// watch at a moment, a person's next watch, who is where on a day. The tests
// compare what the page shows with these.

const MINUTES_PER_DAY = 24 * 60;

function clockMinutes(text) {
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}

export class PlanFacts {
  // roster: the plan JSON; watchMinutes: the length of a watch (unit-64: 2 h).
  constructor(roster, watchMinutes = 120) {
    this.roster = roster;
    this.watchMinutes = watchMinutes;
    this.changeover = clockMinutes(roster.changeover);
    this.day0 = Date.parse(`${roster.start_date}T${roster.changeover}:00Z`);
  }

  names() {
    return this.roster.people.map((p) => p.name);
  }

  // Minutes from day 0's changeover to a moment (unit times read as UTC, as
  // the server's clock does).
  minuteOf(date) {
    return Math.floor((date.getTime() - this.day0) / 60000);
  }

  dayOf(date) {
    return Math.floor(this.minuteOf(date) / MINUTES_PER_DAY);
  }

  // Every watch of a person: {day, place, start ("HH:MM"), minute} in time order.
  watchesOf(name) {
    const person = this.roster.people.find((p) => p.name === name);
    if (!person) throw new Error(`no ${name} in the plan`);
    const watches = [];
    for (const day of person.days) {
      for (const watch of day.watches) {
        watches.push({ day: day.day, place: watch.place, start: watch.start,
                       minute: day.day * MINUTES_PER_DAY + watch.slot * this.watchMinutes });
      }
    }
    return watches.sort((a, b) => a.minute - b.minute);
  }

  // place -> names of those standing a watch there at the moment.
  onWatchAt(date) {
    const now = this.minuteOf(date);
    const byPlace = new Map();
    for (const name of this.names()) {
      for (const watch of this.watchesOf(name)) {
        if (watch.minute <= now && now < watch.minute + this.watchMinutes) {
          if (!byPlace.has(watch.place)) byPlace.set(watch.place, []);
          byPlace.get(watch.place).push(name);
        }
      }
    }
    return byPlace;
  }

  // The watch a person stands at the moment, if any, and the first one that
  // starts after it.
  currentAndNextWatch(name, date) {
    const now = this.minuteOf(date);
    const watches = this.watchesOf(name);
    return {
      current: watches.find((w) => w.minute <= now && now < w.minute + this.watchMinutes) || null,
      next: watches.find((w) => w.minute > now) || null,
    };
  }

  // The place a person is at on a roster day ("rest-1", "post-3"; null when away).
  placeOn(name, day) {
    const person = this.roster.people.find((p) => p.name === name);
    const entry = person && person.days.find((d) => d.day === day);
    return entry ? entry.place : null;
  }
}
