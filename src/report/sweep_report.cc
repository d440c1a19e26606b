// The sweep's table, summary and plot (see sweep_report.h).
#include "report/sweep_report.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace vigil {

using nlohmann::json;

json sweep_row_json(const SweepRow& r) {
  return {{"values", r.values}, {"seed", r.seed}, {"feasible", r.feasible}, {"hard", r.hard}, {"cost", r.cost}};
}

Result<SweepTable> sweep_table_from_shards(const ShardFile& whole) {
  SweepTable t;
  t.file = whole.header.inputs.value("sweep", json::object()).value("file", "");
  const json& p = whole.header.parameters;
  t.work = p.value("work", std::int64_t{0});
  if (p.contains("vary") && p["vary"].is_array())
    for (const json& a : p["vary"]) t.axes.push_back(a.value("name", ""));
  for (const ShardCase& c : whole.cases) {
    const json& j = c.result;
    auto bad = [&](const char* field) {
      return InputError{whole.path, 0, 0, fmt::format("case {}: \"{}\" missing or of the wrong type", c.index, field), ""};
    };
    if (!j.is_object()) return bad("result");
    SweepRow r;
    if (!j.contains("values") || !j["values"].is_array() || j["values"].size() != t.axes.size()) return bad("values");
    for (const json& v : j["values"]) {
      if (!v.is_number_integer()) return bad("values");
      r.values.push_back(v.get<std::int64_t>());
    }
    if (!j.contains("seed") || !j["seed"].is_number_unsigned()) return bad("seed");
    if (!j.contains("feasible") || !j["feasible"].is_boolean()) return bad("feasible");
    if (!j.contains("hard") || !j["hard"].is_number_integer()) return bad("hard");
    if (!j.contains("cost") || !j["cost"].is_number_integer()) return bad("cost");
    r.seed = j["seed"].get<std::uint64_t>();
    r.feasible = j["feasible"].get<bool>();
    r.hard = j["hard"].get<std::int64_t>();
    r.cost = j["cost"].get<std::int64_t>();
    t.rows.push_back(std::move(r));
  }
  return t;
}

namespace {

struct ValueSummary {
  std::int64_t value = 0;
  int cases = 0, feasible = 0;
  std::vector<std::int64_t> costs;  // of the feasible cases
  double share() const { return cases == 0 ? 0 : 100.0 * feasible / cases; }
  // The median cost of the feasible cases (the lower middle of an even count), -1 if none.
  std::int64_t median() {
    if (costs.empty()) return -1;
    std::sort(costs.begin(), costs.end());
    return costs[(costs.size() - 1) / 2];
  }
};

// Per value of axis `a`, in the order the sweep lists them.
std::vector<ValueSummary> by_value(const SweepTable& t, std::size_t a) {
  std::vector<ValueSummary> out;
  for (const SweepRow& r : t.rows) {
    auto it = std::find_if(out.begin(), out.end(), [&](const ValueSummary& s) { return s.value == r.values[a]; });
    if (it == out.end()) it = out.insert(out.end(), ValueSummary{r.values[a], 0, 0, {}});
    ++it->cases;
    if (r.feasible) {
      ++it->feasible;
      it->costs.push_back(r.cost);
    }
  }
  return out;
}

}  // namespace

std::string sweep_report_text(const SweepTable& t) {
  std::string out = fmt::format("vigil sweep {}: {} cases, {} moves each\n", t.file, t.rows.size(), t.work);
  std::string head;
  for (const std::string& a : t.axes) head += fmt::format("{:>16} ", a);
  out += head + fmt::format("{:>20} {:>8} {:>6} {:>12}\n", "seed", "feasible", "hard", "cost");
  for (const SweepRow& r : t.rows) {
    std::string line;
    for (std::int64_t v : r.values) line += fmt::format("{:>16} ", v);
    out += line + fmt::format("{:>20} {:>8} {:>6} {:>12}\n", r.seed, r.feasible ? "yes" : "no", r.hard, r.cost);
  }
  int feasible = 0;
  for (const SweepRow& r : t.rows) feasible += r.feasible ? 1 : 0;
  out += fmt::format("feasible: {} of {} cases\n", feasible, t.rows.size());
  for (std::size_t a = 0; a < t.axes.size(); ++a) {
    out += fmt::format("By {} (share of cases whose plan keeps every hard rule; median cost of those):\n", t.axes[a]);
    for (ValueSummary& s : by_value(t, a)) {
      const std::int64_t m = s.median();
      out += fmt::format("  {} = {}: {} of {} feasible ({:.1f} %), median cost {}\n", t.axes[a], s.value, s.feasible,
                         s.cases, s.share(), m < 0 ? std::string("-") : std::to_string(m));
    }
  }
  return out;
}

std::string sweep_plot_svg(const SweepTable& t) {
  // One panel per varied parameter, side by side: the share of feasible cases
  // (blue, left scale 0-100 %) and the median cost of those (orange, right
  // scale 0 to the panel's largest), the values evenly spaced.
  constexpr int kW = 360, kH = 240, kLeft = 50, kRight = 60, kTop = 30, kBottom = 40;
  const std::size_t panels = std::max<std::size_t>(1, t.axes.size());
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" font-family=\"sans-serif\" font-size=\"11\">\n",
      kW * panels, kH);
  if (t.axes.empty()) out += "<text x=\"20\" y=\"40\">No parameter varied: see the table.</text>\n";
  for (std::size_t a = 0; a < t.axes.size(); ++a) {
    std::vector<ValueSummary> values = by_value(t, a);
    const int x0 = static_cast<int>(a) * kW + kLeft, x1 = static_cast<int>(a + 1) * kW - kRight;
    const int y0 = kH - kBottom, y1 = kTop;
    std::int64_t top = 1;
    for (ValueSummary& s : values) top = std::max(top, s.median());
    out += fmt::format("<g><text x=\"{}\" y=\"18\" font-weight=\"bold\">{}</text>\n", x0, t.axes[a]);
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#888\"/>\n", x0, y1,
                       x1 - x0, y0 - y1);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1f77b4\">100 %</text>", x0 - 4, y1 + 4);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"#1f77b4\">0 %</text>\n", x0 - 4, y0 + 4);
    out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#ff7f0e\">{}</text>", x1 + 4, y1 + 4, top);
    out += fmt::format("<text x=\"{}\" y=\"{}\" fill=\"#ff7f0e\">0</text>\n", x1 + 4, y0 + 4);
    std::string share_line, cost_line;
    for (std::size_t i = 0; i < values.size(); ++i) {
      const double x = values.size() == 1 ? (x0 + x1) / 2.0
                                          : x0 + 10 + (x1 - x0 - 20) * static_cast<double>(i) / static_cast<double>(values.size() - 1);
      const double ys = y0 - (y0 - y1) * values[i].share() / 100.0;
      share_line += fmt::format("{:.1f},{:.1f} ", x, ys);
      out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" fill=\"#1f77b4\"/>", x, ys);
      if (const std::int64_t m = values[i].median(); m >= 0) {
        const double yc = y0 - (y0 - y1) * static_cast<double>(m) / static_cast<double>(top);
        cost_line += fmt::format("{:.1f},{:.1f} ", x, yc);
        out += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"6\" height=\"6\" fill=\"#ff7f0e\"/>", x - 3, yc - 3);
      }
      out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", x, y0 + 16, values[i].value);
    }
    out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#1f77b4\"/>\n", share_line);
    if (!cost_line.empty()) out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"#ff7f0e\"/>\n", cost_line);
    out += fmt::format("<text x=\"{}\" y=\"{}\">feasible share (blue), median cost (orange)</text></g>\n", x0, kH - 6);
  }
  out += "</svg>\n";
  return out;
}

}  // namespace vigil
