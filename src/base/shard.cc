// Shard slicing and per-case seeds (see shard.h).
#include "base/shard.h"

#include <charconv>

namespace vigil {

std::size_t Shard::size_of(std::size_t total) const {
  const auto n = static_cast<std::size_t>(count), i = static_cast<std::size_t>(index);
  return total / n + (i < total % n ? 1 : 0);
}

bool parse_shard(const std::string& text, Shard& shard, std::string& error) {
  const std::size_t slash = text.find('/');
  int index = -1, count = 0;
  bool ok = slash != std::string::npos;
  if (ok) {
    const char* first = text.data();
    const char* mid = first + slash;
    const char* last = first + text.size();
    auto a = std::from_chars(first, mid, index);
    auto b = std::from_chars(mid + 1, last, count);
    ok = a.ec == std::errc() && a.ptr == mid && b.ec == std::errc() && b.ptr == last && slash > 0;
  }
  if (!ok || count < 1 || count > kMaxShards || index < 0 || index >= count) {
    error = "expected I/N with 0 <= I < N <= " + std::to_string(kMaxShards) + " (task I of N, from 0), got '" + text + "'";
    return false;
  }
  shard.index = index;
  shard.count = count;
  return true;
}

namespace {
std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
}  // namespace

std::uint64_t case_seed(std::uint64_t seed, std::initializer_list<std::int64_t> parts) {
  std::uint64_t h = splitmix64(seed);
  for (std::int64_t p : parts) h = splitmix64(h ^ static_cast<std::uint64_t>(p));
  return h;
}

}  // namespace vigil
