// Deterministic shards of a long list of independent cases (issue 16): task I
// of N takes the cases whose index k has k % N == I, from the index alone, so
// every task of a job array agrees on the split without talking to the
// others, and the slices are balanced even when the list is ordered by cost
// (the resilience check's early changeovers are its dearest repairs). Each
// case's seed comes from the case (case_seed), never from the shard, so a
// case gives the same answer whichever task runs it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>

namespace vigil {

struct Shard {
  int index = 0;  // I, 0-based
  int count = 1;  // N
  bool contains(std::size_t case_index) const {
    return static_cast<std::int64_t>(case_index % static_cast<std::size_t>(count)) == index;
  }
  // How many of `total` cases fall to this shard.
  std::size_t size_of(std::size_t total) const;
  std::string text() const { return std::to_string(index) + "/" + std::to_string(count); }
};

// The most tasks a sweep may be split into (Slurm's MaxArraySize default is 1001;
// a site may raise it, a Kubernetes Indexed Job allows 100000).
inline constexpr int kMaxShards = 100000;

// Parses "I/N" (0 <= I < N <= kMaxShards). On a bad text returns false and
// sets `error` ("expected I/N with 0 <= I < N, got '8/8'").
bool parse_shard(const std::string& text, Shard& shard, std::string& error);

// A 64-bit seed for one case from the run's seed and the case's own numbers
// (splitmix64 over each in turn): independent of the shard and the order.
std::uint64_t case_seed(std::uint64_t seed, std::initializer_list<std::int64_t> parts);

}  // namespace vigil
