// The benchmark reader. It walks the seven sections in their fixed order and
// stops at the first problem with a file:line:col message; a file it accepts
// is complete (every reference resolved, every number in range).
#include "io/nrp_reader.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>
#include <unordered_set>

#include <fmt/format.h>

#include "base/text.h"

namespace vigil {
namespace {

// The ranges the reader accepts (docs/limits.md gives the reasons). They keep
// every sum the evaluator forms inside 32 bits and every array the search
// builds, people x days x (shifts + 1) cells, within kMaxCells.
constexpr int kMaxDays = 3650;             // ten years
constexpr int kMaxShiftMinutes = 1440;     // one day
constexpr int kMaxRun = kMaxDays;          // MaxShifts, run lengths, days off
constexpr int kMaxTotalMinutes = kMaxDays * kMaxShiftMinutes;
constexpr int kMaxWeekends = 521;          // weekends touched by 3650 days
constexpr int kMaxWeight = 1000000;
constexpr int kMaxRequirement = 10000;
constexpr std::size_t kMaxShifts = 1000;
constexpr std::size_t kMaxEmployees = 10000;
constexpr std::size_t kMaxCells = 10000000;  // Instance24 has 150 x 364 x 33 = 1.8 million

struct Field {
  std::string text;
  int column = 1;  // 1-based column of the first character
};

std::vector<Field> split(const std::string& text, char sep, int first_column) {
  std::vector<Field> out;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(sep, start);
    if (end == std::string::npos) end = text.size();
    out.push_back({text.substr(start, end - start), first_column + static_cast<int>(start)});
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

class Parser {
 public:
  Parser(const std::string& text, std::string file) : file_(std::move(file)) {
    lines_ = split_lines(text);
    // A final newline leaves one empty line behind; it is not data.
    if (!lines_.empty() && lines_.back().empty()) lines_.pop_back();
  }

  Result<Problem> run() {
    Problem p;
    p.name = file_;
    use_default_rules(p, ProblemKind::kBenchmark);
    p.places.push_back(Place{"ward", 0});
    if (!horizon(p) || !shifts(p) || !staff(p) || !days_off(p) || !requests(p, true) ||
        !requests(p, false) || !cover(p))
      return *error_;
    if (auto problem_error = p.validate()) {
      fail(0, 0, *problem_error);
      return *error_;
    }
    return p;
  }

 private:
  // ---- line walking -------------------------------------------------------
  bool is_comment(std::size_t i) const { return !lines_[i].empty() && lines_[i][0] == '#'; }
  bool is_blank(std::size_t i) const {
    return lines_[i].find_first_not_of(" \t") == std::string::npos;
  }

  // Moves past blank lines and comments to the next section keyword.
  bool expect_section(const char* keyword) {
    while (next_ < lines_.size() && (is_blank(next_) || is_comment(next_))) ++next_;
    if (next_ >= lines_.size())
      return fail(static_cast<int>(lines_.size()), 0, fmt::format("expected {}, got the end of the file", keyword));
    if (lines_[next_] != keyword)
      return fail_at(next_, 1, fmt::format("expected {}, got '{}'", keyword, lines_[next_]));
    ++next_;
    return true;
  }

  // The data lines of the current section: up to the first blank line (or a
  // line that starts the next section), comments skipped.
  std::vector<std::size_t> section_lines() {
    std::vector<std::size_t> out;
    while (next_ < lines_.size() && !is_blank(next_) && lines_[next_].rfind("SECTION_", 0) != 0) {
      if (!is_comment(next_)) out.push_back(next_);
      ++next_;
    }
    return out;
  }

  // ---- errors -------------------------------------------------------------
  bool fail(int line, int column, std::string message) {
    InputError e;
    e.file = file_;
    e.line = line;
    e.column = column;
    e.message = std::move(message);
    if (line > 0 && static_cast<std::size_t>(line) <= lines_.size()) e.source_line = lines_[line - 1];
    error_ = std::move(e);
    return false;
  }
  bool fail_at(std::size_t line_index, int column, std::string message) {
    return fail(static_cast<int>(line_index) + 1, column, std::move(message));
  }

  bool fields(std::size_t li, std::size_t count, const char* layout, std::vector<Field>& out) {
    out = split(lines_[li], ',', 1);
    if (out.size() != count)
      return fail_at(li, 1, fmt::format("expected {} fields ({}), got {}", count, layout, out.size()));
    return true;
  }

  bool integer(std::size_t li, const Field& f, const char* what, int min_value, int max_value, int& out) {
    const char* b = f.text.data();
    const char* e = b + f.text.size();
    long long value = 0;
    auto [ptr, ec] = std::from_chars(b, e, value);
    if (f.text.empty() || ec != std::errc() || ptr != e)
      return fail_at(li, f.column, fmt::format("expected an integer for {}, got '{}'", what, f.text));
    if (value < min_value)
      return fail_at(li, f.column, fmt::format("expected {} to be at least {}, got {}", what, min_value, value));
    if (value > max_value)
      return fail_at(li, f.column, fmt::format("expected {} to be at most {}, got {}", what, max_value, value));
    out = static_cast<int>(value);
    return true;
  }

  bool short_name(std::size_t li, const Field& f, const char* what) {
    if (const std::size_t length = utf8_length(f.text); length > kMaxNameLength)
      return fail_at(li, f.column, fmt::format("expected {} of at most {} characters, got {}", what, kMaxNameLength, length));
    return true;
  }

  bool day(std::size_t li, const Field& f, const Problem& p, int& out) {
    if (!integer(li, f, "a day", 0, std::numeric_limits<int>::max(), out)) return false;
    if (out >= p.days())
      return fail_at(li, f.column, fmt::format("expected a day from 0 to {}, got {}", p.days() - 1, out));
    return true;
  }

  bool shift_ref(std::size_t li, const Field& f, const Problem& p, ShiftId& out) {
    auto id = p.find_shift(f.text);
    if (!id) return fail_at(li, f.column, fmt::format("expected a shift ID from SECTION_SHIFTS, got '{}'", f.text));
    out = *id;
    return true;
  }

  bool person_ref(std::size_t li, const Field& f, PersonId& out) {
    auto it = person_index_.find(f.text);
    if (it == person_index_.end())
      return fail_at(li, f.column, fmt::format("expected an employee ID from SECTION_STAFF, got '{}'", f.text));
    out = PersonId(it->second);
    return true;
  }

  // ---- sections -----------------------------------------------------------
  bool horizon(Problem& p) {
    if (!expect_section("SECTION_HORIZON")) return false;
    auto rows = section_lines();
    if (rows.size() != 1)
      return fail_at(rows.empty() ? next_ - 1 : rows[1], 1,
                     fmt::format("expected one line with the number of days, got {} lines", rows.size()));
    return integer(rows[0], Field{lines_[rows[0]], 1}, "the number of days", 1, kMaxDays, p.horizon.days);
  }

  bool shifts(Problem& p) {
    if (!expect_section("SECTION_SHIFTS")) return false;
    struct Pending { std::size_t line; std::vector<Field> successors; };
    std::vector<Pending> pending;
    for (std::size_t li : section_lines()) {
      if (p.shifts.size() == kMaxShifts)
        return fail_at(li, 1, fmt::format("expected at most {} shifts in SECTION_SHIFTS, got more", kMaxShifts));
      std::vector<Field> f;
      if (!fields(li, 3, "ShiftID, LengthInMinutes, Successors", f)) return false;
      if (f[0].text.empty()) return fail_at(li, 1, "expected a shift ID, got an empty field");
      if (!short_name(li, f[0], "a shift ID")) return false;
      if (p.find_shift(f[0].text))
        return fail_at(li, 1, fmt::format("expected a new shift ID, got '{}' a second time", f[0].text));
      ShiftKind s;
      s.name = f[0].text;
      s.place = PlaceId(0);
      if (!integer(li, f[1], "LengthInMinutes", 1, kMaxShiftMinutes, s.length_minutes)) return false;
      p.shifts.push_back(std::move(s));
      pending.push_back({li, f[2].text.empty() ? std::vector<Field>{} : split(f[2].text, '|', f[2].column)});
    }
    if (p.shifts.empty()) return fail_at(next_ > 0 ? next_ - 1 : 0, 0, "expected at least one shift in SECTION_SHIFTS");
    for (std::size_t i = 0; i < pending.size(); ++i) {
      for (const Field& f : pending[i].successors) {
        ShiftId id;
        if (!shift_ref(pending[i].line, f, p, id)) return false;
        p.shifts[i].forbidden_next.push_back(id);
      }
    }
    return true;
  }

  bool staff(Problem& p) {
    if (!expect_section("SECTION_STAFF")) return false;
    for (std::size_t li : section_lines()) {
      if (!room_for_employee(li, p)) return false;
      std::vector<Field> f;
      if (!fields(li, 8, "ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, "
                         "MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends", f))
        return false;
      if (f[0].text.empty()) return fail_at(li, 1, "expected an employee ID, got an empty field");
      if (!short_name(li, f[0], "an employee ID")) return false;
      if (person_index_.count(f[0].text))
        return fail_at(li, 1, fmt::format("expected a new employee ID, got '{}' a second time", f[0].text));
      Person person;
      person.name = f[0].text;
      WorkLimits& w = person.limits;
      w.max_per_shift.assign(p.shifts.size(), -1);
      for (const Field& item : split(f[1].text, '|', f[1].column)) {
        auto eq = item.text.find('=');
        if (eq == std::string::npos)
          return fail_at(li, item.column, fmt::format("expected ShiftID=limit in MaxShifts, got '{}'", item.text));
        ShiftId id;
        if (!shift_ref(li, Field{item.text.substr(0, eq), item.column}, p, id)) return false;
        if (w.max_per_shift[id.index()] >= 0)
          return fail_at(li, item.column, fmt::format("expected one limit per shift in MaxShifts, got '{}' twice", p.shifts[id.index()].name));
        if (!integer(li, Field{item.text.substr(eq + 1), item.column + static_cast<int>(eq) + 1},
                     "a MaxShifts limit", 0, kMaxRun, w.max_per_shift[id.index()]))
          return false;
      }
      for (std::size_t s = 0; s < p.shifts.size(); ++s)
        if (w.max_per_shift[s] < 0)
          return fail_at(li, f[1].column, fmt::format("expected a MaxShifts limit for shift '{}', got none", p.shifts[s].name));
      if (!integer(li, f[2], "MaxTotalMinutes", 0, kMaxTotalMinutes, w.max_total_minutes) ||
          !integer(li, f[3], "MinTotalMinutes", 0, kMaxTotalMinutes, w.min_total_minutes) ||
          !integer(li, f[4], "MaxConsecutiveShifts", 1, kMaxRun, w.max_consecutive_shifts) ||
          !integer(li, f[5], "MinConsecutiveShifts", 1, kMaxRun, w.min_consecutive_shifts) ||
          !integer(li, f[6], "MinConsecutiveDaysOff", 1, kMaxRun, w.min_consecutive_days_off) ||
          !integer(li, f[7], "MaxWeekends", 0, kMaxWeekends, w.max_weekends))
        return false;
      if (w.min_total_minutes > w.max_total_minutes)
        return fail_at(li, f[3].column, fmt::format("expected MinTotalMinutes at most MaxTotalMinutes ({}), got {}",
                                                    w.max_total_minutes, w.min_total_minutes));
      person_index_[person.name] = p.person_count();
      p.people.push_back(std::move(person));
    }
    if (p.people.empty()) return fail_at(next_ > 0 ? next_ - 1 : 0, 0, "expected at least one employee in SECTION_STAFF");
    return true;
  }

  // Refuses the employee on line `li` when one more would pass kMaxEmployees
  // or make the search's per (employee, day, shift) arrays pass kMaxCells.
  bool room_for_employee(std::size_t li, const Problem& p) {
    const std::size_t employees = p.people.size() + 1;
    if (employees > kMaxEmployees)
      return fail_at(li, 1, fmt::format("expected at most {} employees in SECTION_STAFF, got more", kMaxEmployees));
    const std::size_t cells = employees * static_cast<std::size_t>(p.days()) * (p.shifts.size() + 1);
    if (cells > kMaxCells)
      return fail_at(li, 1, fmt::format("expected employees x days x (shifts + 1) to be at most {}, got {} x {} x {} "
                                        "with this employee",
                                        kMaxCells, employees, p.days(), p.shifts.size() + 1));
    return true;
  }

  bool days_off(Problem& p) {
    if (!expect_section("SECTION_DAYS_OFF")) return false;
    std::vector<char> seen(p.people.size(), 0);
    for (std::size_t li : section_lines()) {
      auto f = split(lines_[li], ',', 1);
      PersonId who;
      if (!person_ref(li, f[0], who)) return false;
      if (seen[who.index()])
        return fail_at(li, 1, fmt::format("expected one line per employee, got '{}' a second time", f[0].text));
      seen[who.index()] = 1;
      auto& off = p.people[who.index()].required_days_off;
      for (std::size_t i = 1; i < f.size(); ++i) {
        int d = 0;
        if (!day(li, f[i], p, d)) return false;
        off.push_back(d);
      }
      std::sort(off.begin(), off.end());
      off.erase(std::unique(off.begin(), off.end()), off.end());
    }
    return true;
  }

  bool requests(Problem& p, bool on) {
    if (!expect_section(on ? "SECTION_SHIFT_ON_REQUESTS" : "SECTION_SHIFT_OFF_REQUESTS")) return false;
    // A repeated request would add its weight twice in the search's 32-bit
    // request costs; kMaxWeight keeps the sum of distinct ones in range.
    std::unordered_set<std::size_t> seen;
    for (std::size_t li : section_lines()) {
      std::vector<Field> f;
      if (!fields(li, 4, "EmployeeID, Day, ShiftID, Weight", f)) return false;
      ShiftRequest r;
      r.wants_shift = on;
      if (!person_ref(li, f[0], r.person) || !day(li, f[1], p, r.day) || !shift_ref(li, f[2], p, r.shift) ||
          !integer(li, f[3], "Weight", 0, kMaxWeight, r.weight))
        return false;
      const std::size_t key = (static_cast<std::size_t>(r.person.index()) * p.days() + r.day) * p.shifts.size() +
                              r.shift.index();
      if (!seen.insert(key).second)
        return fail_at(li, 1, fmt::format("expected one request per employee, day and shift, got '{}' day {} shift "
                                          "'{}' a second time",
                                          f[0].text, r.day, f[2].text));
      p.requests.push_back(r);
    }
    return true;
  }

  bool cover(Problem& p) {
    if (!expect_section("SECTION_COVER")) return false;
    std::vector<char> seen(static_cast<std::size_t>(p.days()) * p.shifts.size(), 0);
    for (std::size_t li : section_lines()) {
      std::vector<Field> f;
      if (!fields(li, 5, "Day, ShiftID, Requirement, WeightUnder, WeightOver", f)) return false;
      CoverDemand c;
      if (!day(li, f[0], p, c.day) || !shift_ref(li, f[1], p, c.shift) ||
          !integer(li, f[2], "Requirement", 0, kMaxRequirement, c.required) ||
          !integer(li, f[3], "WeightUnder", 0, kMaxWeight, c.weight_under) ||
          !integer(li, f[4], "WeightOver", 0, kMaxWeight, c.weight_over))
        return false;
      auto& mark = seen[static_cast<std::size_t>(c.day) * p.shifts.size() + c.shift.index()];
      if (mark)
        return fail_at(li, 1, fmt::format("expected one cover line per day and shift, got day {} shift '{}' a second time",
                                          c.day, f[1].text));
      mark = 1;
      p.cover.push_back(c);
    }
    while (next_ < lines_.size() && (is_blank(next_) || is_comment(next_))) ++next_;
    if (next_ < lines_.size())
      return fail_at(next_, 1, fmt::format("expected the end of the file after SECTION_COVER, got '{}'", lines_[next_]));
    return true;
  }

  std::string file_;
  std::vector<std::string> lines_;
  std::size_t next_ = 0;
  std::map<std::string, int> person_index_;
  std::optional<InputError> error_;
};

}  // namespace

Result<Problem> parse_nrp_instance(const std::string& text, const std::string& file_name) {
  auto checked = text_input(text, file_name);
  if (!checked) return checked.error();
  return Parser(*checked, file_name).run();
}

Result<Problem> read_nrp_instance(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InputError{path, 0, 0, "cannot open the file for reading", ""};
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parse_nrp_instance(buffer.str(), path);
}

}  // namespace vigil
