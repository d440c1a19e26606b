// Rotation chart as SVG.
#include "report/rotation_chart.h"

#include <algorithm>

#include <fmt/format.h>

#include "eval/evaluation.h"
#include "model/wording.h"
#include "report/report_support.h"

namespace vigil {

namespace {

constexpr const char* kPostColours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
                                        "#e377c2", "#17becf", "#bcbd22", "#393b79", "#637939", "#ad494a"};
constexpr const char* kRestGreys[] = {"#a8a8a8", "#c8c8c8", "#888888", "#dadada"};

constexpr int kCell = 20, kRow = 18, kGap = 1, kTop = 58, kLeftPad = 10;

int text_width(const std::string& text, int char_width) {
  int chars = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++chars;
  return chars * char_width;
}

}  // namespace

std::string rotation_chart_svg(const Problem& problem, const Roster& roster) {
  const UnitLayout layout = make_unit_layout(problem);
  const int people = roster.people(), days = roster.days();

  // Colours of places.
  std::vector<std::string> colour(problem.places.size(), "#ffffff");
  int posts = 0, rests = 0;
  for (std::size_t i = 0; i < problem.places.size(); ++i) {
    if (problem.places[i].kind == PlaceKind::kPost) colour[i] = kPostColours[posts++ % std::size(kPostColours)];
    if (problem.places[i].kind == PlaceKind::kRestCenter) colour[i] = kRestGreys[rests++ % std::size(kRestGreys)];
  }

  // Places per person-day, and the groups by first post.
  std::vector<int> place(static_cast<std::size_t>(people) * days, -1);
  std::vector<int> first_post(static_cast<std::size_t>(people), static_cast<int>(problem.places.size()));
  for (int p = 0; p < people; ++p)
    for (int d = 0; d < days; ++d) {
      const int pl = unit_day(layout, roster, p, d).place;
      place[static_cast<std::size_t>(p) * days + d] = pl;
      if (pl >= 0 && problem.places[static_cast<std::size_t>(pl)].kind == PlaceKind::kPost &&
          first_post[static_cast<std::size_t>(p)] == static_cast<int>(problem.places.size()))
        first_post[static_cast<std::size_t>(p)] = pl;
    }
  std::vector<int> order(static_cast<std::size_t>(people));
  for (int p = 0; p < people; ++p) order[static_cast<std::size_t>(p)] = p;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    return first_post[static_cast<std::size_t>(a)] < first_post[static_cast<std::size_t>(b)];
  });

  int name_width = 60;
  for (const Person& person : problem.people) name_width = std::max(name_width, text_width(person.name, 7) + 12);
  const int left = kLeftPad + name_width;
  int groups = 0;
  for (std::size_t i = 0; i < order.size(); ++i)
    if (i == 0 || first_post[static_cast<std::size_t>(order[i])] != first_post[static_cast<std::size_t>(order[i - 1])]) ++groups;
  const int grid_height = (people + groups) * kRow;
  const int legend_items = posts + rests + 2;
  const int legend_top = kTop + grid_height + 16;
  const int legend_columns = std::max(1, (days * kCell + name_width) / 150);
  const int legend_rows = (legend_items + legend_columns - 1) / legend_columns;
  const int width = std::max(left + days * kCell + kLeftPad, kLeftPad + legend_columns * 150);
  const int height = legend_top + legend_rows * 20 + 10;

  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"11\">\n",
      width, height);
  out += "<defs><pattern id=\"absent\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999999\" stroke-width=\"2\"/></pattern></defs>\n";
  out += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", width, height);
  out += fmt::format("<text x=\"{}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Rotation: {}</text>\n", kLeftPad,
                     html_escape(problem.name));
  // Day labels: number and weekday.
  for (int d = 0; d < days; ++d) {
    const int x = left + d * kCell + kCell / 2;
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>", x, kTop - 20, d);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"9\">{}</text>\n", x, kTop - 8,
                       weekday_name(problem, d));
  }
  int y = kTop;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const int p = order[i];
    const int group = first_post[static_cast<std::size_t>(p)];
    if (i == 0 || group != first_post[static_cast<std::size_t>(order[i - 1])]) {
      const std::string label = group < static_cast<int>(problem.places.size())
                                    ? "first at " + problem.places[static_cast<std::size_t>(group)].name
                                    : std::string("never at a post");
      out += fmt::format("<text x=\"{}\" y=\"{}\" font-weight=\"bold\" font-size=\"10\">{}</text>\n", kLeftPad,
                         y + kRow - 5, html_escape(label));
      y += kRow;
    }
    const std::string name = html_escape(problem.people[static_cast<std::size_t>(p)].name);
    out += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", kLeftPad + 8, y + kRow - 5, name);
    const Person& person = problem.people[static_cast<std::size_t>(p)];
    for (int d = 0; d < days; ++d) {
      const int pl = place[static_cast<std::size_t>(p) * days + d];
      std::string fill, what;
      if (pl >= 0) {
        fill = colour[static_cast<std::size_t>(pl)];
        what = problem.places[static_cast<std::size_t>(pl)].name;
      } else if (!present_on_day(person, d)) {
        fill = "url(#absent)";
        what = "absent";
      } else {
        fill = "#ffffff";
        what = "not placed";
      }
      out += fmt::format("<rect class=\"cell\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\" "
                         "stroke-width=\"{}\"><title>{}, {}: {}</title></rect>\n",
                         left + d * kCell, y, kCell, kRow, fill, kGap, name, day_label(problem, d), html_escape(what));
    }
    y += kRow;
  }
  out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#666666\" stroke-width=\"1\"/>\n",
                     left, kTop, days * kCell, grid_height);
  // Legend.
  std::vector<std::pair<std::string, std::string>> items;
  for (std::size_t i = 0; i < problem.places.size(); ++i)
    if (problem.places[i].kind != PlaceKind::kWard)
      items.emplace_back(colour[i], problem.places[i].name + (problem.places[i].kind == PlaceKind::kRestCenter ? " (rest center)" : ""));
  items.emplace_back("#ffffff", "not placed");
  items.emplace_back("url(#absent)", "absent");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const int lx = kLeftPad + static_cast<int>(i % static_cast<std::size_t>(legend_columns)) * 150;
    const int ly = legend_top + static_cast<int>(i / static_cast<std::size_t>(legend_columns)) * 20;
    out += fmt::format("<rect class=\"legend\" x=\"{}\" y=\"{}\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"#666666\"/>"
                       "<text x=\"{}\" y=\"{}\">{}</text>\n",
                       lx, ly, items[i].first, lx + 20, ly + 11, html_escape(items[i].second));
  }
  out += "</svg>\n";
  return out;
}

}  // namespace vigil
