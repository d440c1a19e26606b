// Typed indices for the model's entities. A PersonId cannot be passed where a
// ShiftId is expected, yet each is a plain int32 so flat arrays stay cheap.
#pragma once

#include <cstdint>
#include <functional>

namespace vigil {

template <class Tag>
struct Id {
  std::int32_t value = -1;

  constexpr Id() = default;
  constexpr explicit Id(std::int32_t v) : value(v) {}
  constexpr bool valid() const { return value >= 0; }
  constexpr std::size_t index() const { return static_cast<std::size_t>(value); }
  friend constexpr bool operator==(Id a, Id b) { return a.value == b.value; }
  friend constexpr auto operator<=>(Id a, Id b) { return a.value <=> b.value; }
};

using PersonId = Id<struct PersonTag>;
using ShiftId = Id<struct ShiftTag>;
using PlaceId = Id<struct PlaceTag>;

// Compact cell value stored in a roster: a shift index, or kOff.
using ShiftCode = std::int16_t;
inline constexpr ShiftCode kOff = -1;

}  // namespace vigil
