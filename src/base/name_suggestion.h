// The nearest valid name for a misspelt one, for "did you mean 'medic'?" hints
// in input errors. Distances ignore ASCII case and count a swap of two
// neighbouring letters as one edit (optimal string alignment distance).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

// Edits (insert, delete, substitute, swap two neighbours) that turn `a` into
// `b`, ignoring ASCII case.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, when it is close enough to be a likely
// misspelling: one edit for a word of up to 3 characters, else
// max(2, length of word / 3) edits. Ties go to the
// earlier candidate. nullopt when none is close, or when `word` is itself a
// candidate. The search is bounded: it computes only the part of each
// distance table that can hold a close answer, and about 20 million cells in
// all; past that it keeps the best found so far (a list of tens of thousands
// of long names may then go without a hint).
std::optional<std::string> nearest_name(std::string_view word, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" for the nearest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace vigil
