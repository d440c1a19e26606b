// Optimal string alignment distance with a small, bounded suggestion rule.
#include "base/name_suggestion.h"

#include <algorithm>

namespace vigil {
namespace {

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The most table cells one search for a suggestion computes over all its
// candidates: about a tenth of a second. A search that would need more
// (tens of thousands of long names) keeps the best it found so far.
constexpr std::size_t kMaxCells = 20000000;

// edit_distance(a, b) when it is at most `limit`, else limit + 1. Only the
// band |i - j| <= limit of the table can hold such a distance, so only it is
// computed; `cells` counts the cells computed.
std::size_t distance_within(std::string_view a, std::string_view b, std::size_t limit, std::size_t& cells) {
  const std::size_t n = a.size(), m = b.size();
  const std::size_t far = limit + 1;
  if ((n > m ? n - m : m - n) > limit) return far;
  std::vector<std::size_t> prev2(m + 1, far), prev(m + 1, far), cur(m + 1, far);
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t lo = i > limit ? i - limit : 1, hi = std::min(m, i + limit);
    cur[lo - 1] = i <= limit ? i : far;  // column 0, or just left of the band
    if (hi < m) cur[hi + 1] = far;        // just right of the band, read by the next row
    std::size_t row_best = cur[lo - 1];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1]))
        v = std::min(v, prev2[j - 2] + 1);
      cur[j] = std::min(v, far);
      row_best = std::min(row_best, cur[j]);
    }
    cells += hi + 1 - lo;
    if (row_best > limit) return far;  // every later row is at least as far
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], far);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  // Three rows: two back (for swaps), one back, current.
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1]))
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

std::optional<std::string> nearest_name(std::string_view word, const std::vector<std::string>& candidates) {
  const std::size_t limit = word.size() <= 3 ? 1 : std::max<std::size_t>(2, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  std::size_t cells = 0;
  for (const std::string& c : candidates) {
    if (c == word) return std::nullopt;
    // The distance is at least the difference in length: skip hopeless ones cheaply.
    const std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
    if (gap >= best_distance || cells > kMaxCells) continue;
    const std::size_t d = distance_within(word, c, best_distance - 1, cells);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  auto best = nearest_name(word, candidates);
  return best ? "; did you mean '" + *best + "'?" : std::string();
}

}  // namespace vigil
