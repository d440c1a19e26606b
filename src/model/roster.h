// The mutable roster: for each person, day and lane, a shift or kOff. One flat
// array, person-major, so a person's line is contiguous for the line rules.
#pragma once

#include <vector>

#include "model/ids.h"

namespace vigil {

class Problem;

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
  friend bool operator==(const Roster&, const Roster&) = default;

 private:
  std::size_t offset(int person, int day, int lane) const {
    return (static_cast<std::size_t>(person) * days_ + day) * lanes_ + lane;
  }
  int people_ = 0, days_ = 0, lanes_ = 1;
  std::vector<ShiftCode> cells_;
};

}  // namespace vigil
