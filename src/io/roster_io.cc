// Roster readers and writers. Readers name the file, line and column of the
// first bad cell, and insist on every person and every day being present.
#include "io/roster_io.h"

#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/files.h"
#include "base/text.h"
#include "io/json_text.h"

namespace vigil {

namespace {

InputError error_at(const std::string& file, int line, int column, std::string message, std::string source = {}) {
  return InputError{file, line, column, std::move(message), std::move(source)};
}

}  // namespace

Result<Roster> parse_roster_csv(const Problem& problem, const std::string& raw_text, const std::string& file) {
  auto checked = text_input(raw_text, file);
  if (!checked) return checked.error();
  const std::string& text = *checked;
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(l);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty()) return error_at(file, 0, 0, "expected a header line 'employee,0,1,...', got an empty file");

  const auto header = split_csv(lines[0]);
  const int days = problem.days();
  if (static_cast<int>(header.size()) != days + 1)
    return error_at(file, 1, 1, fmt::format("expected a header with 'employee' and {} day columns, got {} columns", days,
                                            header.size()), lines[0]);
  {
    int column = static_cast<int>(header[0].size()) + 2;
    for (int d = 0; d < days; ++d) {
      if (header[static_cast<std::size_t>(d) + 1] != std::to_string(d))
        return error_at(file, 1, column, fmt::format("expected day column '{}', got '{}'", d, header[static_cast<std::size_t>(d) + 1]), lines[0]);
      column += static_cast<int>(header[static_cast<std::size_t>(d) + 1].size()) + 1;
    }
  }

  Roster roster(problem);
  std::vector<int> seen_on_line(problem.people.size(), 0);
  for (std::size_t li = 1; li < lines.size(); ++li) {
    const int line_no = static_cast<int>(li) + 1;
    if (lines[li].empty()) return error_at(file, line_no, 1, "expected a row 'employee,shift,...', got an empty line", lines[li]);
    const auto cells = split_csv(lines[li]);
    auto who = problem.find_person(cells[0]);
    if (!who) return error_at(file, line_no, 1, fmt::format("expected an employee of the instance, got '{}'", cells[0]), lines[li]);
    if (seen_on_line[who->index()])
      return error_at(file, line_no, 1, fmt::format("expected one row per employee, got '{}' again (first on line {})",
                                                    cells[0], seen_on_line[who->index()]), lines[li]);
    seen_on_line[who->index()] = line_no;
    if (static_cast<int>(cells.size()) != days + 1)
      return error_at(file, line_no, 1, fmt::format("expected {} cells after the employee, got {}", days, cells.size() - 1), lines[li]);
    int column = static_cast<int>(cells[0].size()) + 2;
    for (int d = 0; d < days; ++d) {
      const std::string& cell = cells[static_cast<std::size_t>(d) + 1];
      if (!cell.empty()) {
        auto s = problem.find_shift(cell);
        if (!s) return error_at(file, line_no, column, fmt::format("expected a shift ID or an empty cell, got '{}'", cell), lines[li]);
        roster.set(who->value, d, static_cast<ShiftCode>(s->value));
      }
      column += static_cast<int>(cell.size()) + 1;
    }
  }
  for (std::size_t p = 0; p < problem.people.size(); ++p)
    if (!seen_on_line[p])
      return error_at(file, 0, 0, fmt::format("expected a row for every employee, got none for '{}'", problem.people[p].name));
  return roster;
}

Result<Roster> parse_roster_json(const Problem& problem, const std::string& text, const std::string& file) {
  auto parsed = parse_json_text(text, file);
  if (!parsed) return parsed.error();
  const nlohmann::json& doc = *parsed;
  auto field_error = [&](const std::string& where, const std::string& expected) {
    return error_at(file, 0, 0, fmt::format("{}: expected {}", where, expected));
  };
  if (!doc.is_object()) return field_error("document", "an object with \"days\" and \"people\"");
  if (!doc.contains("days") || !doc["days"].is_number_integer()) return field_error("days", "an integer");
  // Compared as written (dump), not as an int: 4294967310 must not read as 14.
  if (doc["days"].dump() != std::to_string(problem.days()))
    return field_error("days", fmt::format("{} (the instance's horizon), got {}", problem.days(), doc["days"].dump()));
  if (!doc.contains("people") || !doc["people"].is_array()) return field_error("people", "an array");
  Roster roster(problem);
  std::vector<char> seen(problem.people.size(), 0);
  std::size_t i = 0;
  for (const auto& row : doc["people"]) {
    const std::string where = fmt::format("people[{}]", i++);
    if (!row.is_object() || !row.contains("name") || !row["name"].is_string())
      return field_error(where, "an object with a \"name\" string");
    const std::string name = row["name"].get<std::string>();
    auto who = problem.find_person(name);
    if (!who) return field_error(where + ".name", fmt::format("an employee of the instance, got '{}'", name));
    if (seen[who->index()]) return field_error(where + ".name", fmt::format("each employee once, got '{}' again", name));
    seen[who->index()] = 1;
    if (!row.contains("shifts") || !row["shifts"].is_array() || static_cast<int>(row["shifts"].size()) != problem.days())
      return field_error(where + ".shifts", fmt::format("an array of {} shift IDs or \"\"", problem.days()));
    for (int d = 0; d < problem.days(); ++d) {
      const auto& cell = row["shifts"][static_cast<std::size_t>(d)];
      if (cell.is_null()) continue;
      if (!cell.is_string()) return field_error(fmt::format("{}.shifts[{}]", where, d), "a shift ID string or \"\"");
      const std::string s = cell.get<std::string>();
      if (s.empty()) continue;
      auto id = problem.find_shift(s);
      if (!id) return field_error(fmt::format("{}.shifts[{}]", where, d), fmt::format("a shift ID, got '{}'", s));
      roster.set(who->value, d, static_cast<ShiftCode>(id->value));
    }
  }
  for (std::size_t p = 0; p < problem.people.size(); ++p)
    if (!seen[p]) return field_error("people", fmt::format("an entry for every employee, got none for '{}'", problem.people[p].name));
  return roster;
}

Result<Roster> read_roster(const Problem& problem, const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return InputError{path, 0, 0, "cannot open the file for reading", ""};
  const bool json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  return json ? parse_roster_json(problem, *text, path) : parse_roster_csv(problem, *text, path);
}

std::string roster_to_csv(const Problem& problem, const Roster& roster) {
  std::string out = "employee";
  for (int d = 0; d < roster.days(); ++d) out += fmt::format(",{}", d);
  out += '\n';
  for (int p = 0; p < roster.people(); ++p) {
    out += problem.people[static_cast<std::size_t>(p)].name;
    for (int d = 0; d < roster.days(); ++d) {
      out += ',';
      if (const ShiftCode s = roster.at(p, d); s >= 0) out += problem.shifts[static_cast<std::size_t>(s)].name;
    }
    out += '\n';
  }
  return out;
}

std::string roster_to_json(const Problem& problem, const Roster& roster) {
  nlohmann::json doc;
  doc["format"] = "vigil-roster";
  doc["version"] = 1;
  doc["instance"] = problem.name;
  doc["days"] = roster.days();
  auto& people = doc["people"] = nlohmann::json::array();
  for (int p = 0; p < roster.people(); ++p) {
    nlohmann::json shifts = nlohmann::json::array();
    for (int d = 0; d < roster.days(); ++d) {
      const ShiftCode s = roster.at(p, d);
      shifts.push_back(s >= 0 ? problem.shifts[static_cast<std::size_t>(s)].name : std::string());
    }
    people.push_back({{"name", problem.people[static_cast<std::size_t>(p)].name}, {"shifts", std::move(shifts)}});
  }
  return doc.dump(1) + "\n";
}

std::string write_roster(const Problem& problem, const Roster& roster, const std::string& path) {
  const bool json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  return write_file(path, json ? roster_to_json(problem, roster) : roster_to_csv(problem, roster));
}

}  // namespace vigil
