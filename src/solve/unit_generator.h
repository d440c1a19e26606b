// Builds a complete, valid unit Problem of any size with the mix of the
// reference unit: a dozen nationalities with their names and languages,
// experience and skills in the reference proportions, forward posts and rest
// centers, the unit's rules and, on request, the reference events (people
// arriving from training, people on leave) and a few personal wishes.
//
// The same options and seed give the same Problem on every machine and
// standard library: the generator draws from std::mt19937_64 (whose sequence
// the standard fixes) through its own integer arithmetic, never through the
// std:: distributions or std::shuffle.
//
// Every generated unit is plannable in principle: before it is returned, the
// generator builds a witness plan for it (who is at which post or rest center
// on each day, post teams of disjoint watch pairs that share a language and
// never pair two novices, each team with its veteran, medic and Ukrainian
// speaker, guards and showers at the rest centers) that keeps every hard rule
// of docs/unit-rules.md. When the drawn people admit no such plan the draw is
// repeated with a derived seed, a bounded number of times.
#pragma once

#include <cstdint>
#include <optional>

#include "base/input_error.h"
#include "model/problem.h"
#include "model/roster.h"

namespace vigil {

struct GeneratorOptions {
  int people = 64;
  int posts = 4;
  int rest_centers = 1;
  int days = 28;
  std::uint64_t seed = 1;
  // 4 of 64 people arrive from training on day 10, 3 take a week's leave at
  // different times; larger units scale this (about 6 % and 5 %).
  bool reference_events = true;
};

// Limits of what the generator accepts (see generate_unit()).
inline constexpr int kGeneratorMinPeoplePerPost = 12;
inline constexpr int kGeneratorMaxPeople = 100000;
inline constexpr int kGeneratorMaxPosts = 2000;
inline constexpr int kGeneratorMaxDays = 3650;
inline constexpr long long kGeneratorMaxPersonDays = 5000000;

// The unit, or an error naming the first bad option ("people: expected at
// least 48 to hold 4 posts (12 per post), got 40"). InputError::file is
// "unit generator"; line and column are 0.
Result<Problem> generate_unit(const GeneratorOptions& options);

}  // namespace vigil
