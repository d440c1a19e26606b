// The mutable roster: for each person, day and lane, a shift or kOff. One flat
// array, person-major, so a person's line is contiguous for the line rules.
// A unit plan may also hold transfers: changes of place during a roster day,
// made by a repair at its `now` (model/unit.h, "Transfers").
#pragma once

#include <algorithm>
#include <vector>

#include "model/ids.h"

namespace vigil {

class Problem;

// A change of place during a roster day: from `minute` (unit minutes, inside
// `day`) the person is where the day's placement lane says; before it they
// were at `earlier` (a stay shift, or kOff: with the unit nowhere).
struct Transfer {
  int person = 0;
  int day = 0;
  int minute = 0;
  ShiftCode earlier = kOff;
  friend bool operator==(const Transfer&, const Transfer&) = default;
};

class Roster {
 public:
  Roster() = default;
  Roster(int people, int days, int lanes = 1)
      : people_(people), days_(days), lanes_(lanes),
        cells_(static_cast<std::size_t>(people) * days * lanes, kOff) {}
  // An empty roster shaped for the problem (people x days x lanes).
  explicit Roster(const Problem& p);

  int people() const { return people_; }
  int days() const { return days_; }
  int lanes() const { return lanes_; }

  ShiftCode at(int person, int day, int lane = 0) const { return cells_[offset(person, day, lane)]; }
  void set(int person, int day, ShiftCode s, int lane = 0) { cells_[offset(person, day, lane)] = s; }
  // A person's whole line (lanes_ == 1): days_ contiguous cells.
  const ShiftCode* line(int person) const { return &cells_[offset(person, 0, 0)]; }
  ShiftCode* line(int person) { return &cells_[offset(person, 0, 0)]; }

  const std::vector<ShiftCode>& cells() const { return cells_; }

  // Transfers, ordered by person and day, at most one per person and day.
  const std::vector<Transfer>& transfers() const { return transfers_; }
  const Transfer* transfer(int person, int day) const {
    for (const Transfer& t : transfers_)
      if (t.person == person && t.day == day) return &t;
    return nullptr;
  }
  // Adds `t`, or replaces the transfer of the same person and day.
  void set_transfer(const Transfer& t) {
    auto it = std::lower_bound(transfers_.begin(), transfers_.end(), t, [](const Transfer& a, const Transfer& b) {
      return a.person != b.person ? a.person < b.person : a.day < b.day;
    });
    if (it != transfers_.end() && it->person == t.person && it->day == t.day) *it = t;
    else transfers_.insert(it, t);
  }
  void clear_transfers() { transfers_.clear(); }

  friend bool operator==(const Roster&, const Roster&) = default;

 private:
  std::size_t offset(int person, int day, int lane) const {
    return (static_cast<std::size_t>(person) * days_ + day) * lanes_ + lane;
  }
  int people_ = 0, days_ = 0, lanes_ = 1;
  std::vector<ShiftCode> cells_;
  std::vector<Transfer> transfers_;
};

}  // namespace vigil
