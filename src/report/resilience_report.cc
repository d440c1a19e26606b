// The resilience report in words and its cases as JSON (see resilience_report.h).
#include "report/resilience_report.h"

#include <algorithm>

#include <fmt/format.h>

namespace vigil {

using nlohmann::json;

json loss_row_json(const LossRow& r) {
  json j = {{"day", r.day}, {"person", r.person}, {"who", r.who}, {"when", r.when},
            {"repaired", r.repaired}, {"hard_left", r.hard_left}};
  if (r.second >= 0) j["second"] = r.second;
  if (!r.repaired) {
    j["first_problem"] = r.first_problem;
    j["consequences"] = r.consequences;
  }
  return j;
}

Result<LossRow> loss_row_from_json(const json& j, const std::string& where) {
  auto bad = [&](const char* field, const char* what) {
    return InputError{where, 0, 0, fmt::format("\"{}\": expected {}", field, what), ""};
  };
  if (!j.is_object()) return InputError{where, 0, 0, "expected a resilience case (an object)", ""};
  LossRow r;
  if (!j.contains("day") || !j["day"].is_number_integer()) return bad("day", "a whole number");
  if (!j.contains("person") || !j["person"].is_number_integer()) return bad("person", "a whole number");
  if (!j.contains("who") || !j["who"].is_string()) return bad("who", "a string");
  if (!j.contains("when") || !j["when"].is_string()) return bad("when", "a string");
  if (!j.contains("repaired") || !j["repaired"].is_boolean()) return bad("repaired", "true or false");
  if (!j.contains("hard_left") || !j["hard_left"].is_number_integer()) return bad("hard_left", "a whole number");
  r.day = j["day"].get<int>();
  r.person = j["person"].get<int>();
  if (j.contains("second")) {
    if (!j["second"].is_number_integer()) return bad("second", "a whole number");
    r.second = j["second"].get<int>();
  }
  r.who = j["who"].get<std::string>();
  r.when = j["when"].get<std::string>();
  r.repaired = j["repaired"].get<bool>();
  r.hard_left = j["hard_left"].get<std::int64_t>();
  if (!r.repaired) {
    if (!j.contains("first_problem") || !j["first_problem"].is_string()) return bad("first_problem", "a string");
    r.first_problem = j["first_problem"].get<std::string>();
    if (!j.contains("consequences") || !j["consequences"].is_array()) return bad("consequences", "a list of strings");
    for (const json& c : j["consequences"]) {
      if (!c.is_string()) return bad("consequences", "a list of strings");
      r.consequences.push_back(c.get<std::string>());
    }
  }
  return r;
}

int repaired_count(const ResilienceSummary& summary) {
  int n = 0;
  for (const LossRow& r : summary.rows) n += r.repaired ? 1 : 0;
  return n;
}

std::string resilience_report_text(const ResilienceSummary& s, int listed) {
  std::vector<const LossRow*> weak;
  for (const LossRow& r : s.rows)
    if (!r.repaired) weak.push_back(&r);
  std::stable_sort(weak.begin(), weak.end(), [](const LossRow* a, const LossRow* b) { return a->hard_left > b->hard_left; });
  std::string out = fmt::format(
      "vigil resilience {}: {} {} (lost for good at each changeover tested), {} repairs of at most {} moves; seed {}\n",
      s.scenario, s.rows.size(), s.pairs ? "losses of two people" : "single losses", s.rows.size(), s.work_per_case,
      s.seed);
  const char* what = s.pairs ? "loss of two" : "single loss";
  if (weak.empty()) out += fmt::format("Every {} can be repaired keeping every hard rule.\n", what);
  else out += fmt::format("Weakest points ({} losses the repair could not absorb; worst first):\n", weak.size());
  for (std::size_t i = 0; i < weak.size() && static_cast<int>(i) < listed; ++i) {
    const LossRow& c = *weak[i];
    std::string consequence;
    for (std::size_t k = 0; k < c.consequences.size(); ++k)
      consequence += (k == 0 ? "" : k + 1 == c.consequences.size() ? " and " : ", ") + c.consequences[k];
    out += fmt::format("  - losing {} on {} {} ({} hard unit{} left; first: {})\n", c.who, c.when, consequence,
                       c.hard_left, c.hard_left == 1 ? "" : "s", c.first_problem);
  }
  if (static_cast<int>(weak.size()) > listed) out += fmt::format("  ... and {} more\n", weak.size() - listed);
  const int repaired = repaired_count(s);
  const double score = s.rows.empty() ? 100.0 : 100.0 * repaired / static_cast<double>(s.rows.size());
  out += fmt::format("resilience score: {:.1f} % of {} repaired ({} of {})\n", score,
                     s.pairs ? "losses of two" : "single losses", repaired, s.rows.size());
  return out;
}

}  // namespace vigil
