// Reading a plan (the API's plan JSON, io/unit_roster_json.h) the way the
// views need it: who is where on a day, who stands each watch, and a short
// code for each place (the letter in a rotation cell, so colour is never the
// only signal).

// One code per place: posts by the number in their name ("post-3" -> "3") or
// their first letters, rest centers "R" (or "R1", "R2" when there are several).
export function placeCodes(places) {
  const rests = places.filter((p) => p.kind !== 'post');
  const codes = places.map((p, i) => {
    const number = (/(\d+)\s*$/.exec(p.name) || [])[1];
    if (p.kind !== 'post') return rests.length > 1 ? `R${number ?? rests.indexOf(p) + 1}` : 'R';
    return number ?? (p.name.replace(/[^\p{L}\p{N}]/gu, '').slice(0, 2).toUpperCase() || String(i + 1));
  });
  // Codes must tell places apart: when two are equal, posts are numbered in order instead.
  if (new Set(codes).size !== codes.length) {
    let post = 0;
    let rest = 0;
    return places.map((p) => (p.kind === 'post' ? String(++post) : `R${++rest}`));
  }
  return codes;
}

// The colour class of a place in the rotation and legend: posts cycle through
// 12 colours, rest centers are light.
export function placeClass(places, index) {
  if (index < 0) return 'away';
  if (places[index].kind !== 'post') return 'rest';
  let n = 0;
  for (let i = 0; i < index; ++i) if (places[i].kind === 'post') ++n;
  return `c${n % 12}`;
}

// A plan with lookups by day, built lazily (a battalion's plan is 600 x 84 days).
export class PlanIndex {
  constructor(unit, plan) {
    this.unit = unit;
    this.plan = plan;
    this.people = plan.people;
    this.places = unit.places;
    this.placeIndex = new Map(unit.places.map((p, i) => [p.name, i]));
    this.days = new Map();
  }

  // For day `d`: at[place] = names there (by the day's place), away = names placed nowhere,
  // watch(place, slot) = names on that watch, shower(name) = its start.
  day(d) {
    if (this.days.has(d)) return this.days.get(d);
    const at = this.places.map(() => []);
    const away = [];
    const watches = new Map();
    for (const person of this.people) {
      const day = person.days[d];
      if (!day) continue;
      const place = day.place === null ? -1 : this.placeIndex.get(day.place) ?? -1;
      if (place < 0) away.push(person.name);
      else at[place].push(person.name);
      for (const w of day.watches) {
        const key = `${w.place}|${w.slot}`;
        if (!watches.has(key)) watches.set(key, []);
        watches.get(key).push(person.name);
      }
    }
    const result = { at, away, watch: (place, slot) => watches.get(`${place}|${slot}`) || [] };
    this.days.set(d, result);
    return result;
  }

  person(name) {
    return this.people.find((p) => p.name === name) || null;
  }
}

// The places that keep a watch (posts) or a guard (rest centers), in the unit's order.
export function watchedPlaces(unit) {
  return unit.places.filter((p) => p.watchers > 0);
}
