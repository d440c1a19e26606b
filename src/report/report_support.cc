// Dates, the unit day view, escaping, slugs and nearest names for the reports.
#include "report/report_support.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <set>

#include <fmt/format.h>

#include "model/wording.h"
#include "report/catalogs.h"

namespace vigil {

CalendarDate date_at(const Problem& problem, const CalendarDate& day0, int unit_minute) {
  return calendar_date_at(day0, problem.horizon.day_start_minute, unit_minute);
}

std::string calendar_when(const Problem& problem, const std::optional<CalendarDate>& day0, int start_minute,
                          int end_minute) {
  const int changeover = problem.horizon.day_start_minute;
  const auto day_of = [](int m) { return m / kMinutesPerDay - (m % kMinutesPerDay < 0 ? 1 : 0); };
  const auto clock = [&](int m) { return clock_label(((changeover + m) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay); };
  // The calendar day the start falls on, counted from day 0: after midnight, the next one.
  const int calendar_day = day_of(changeover + start_minute);
  const std::string date = day0 ? fmt::format("{} {}", weekday_short(day0->plus_days(calendar_day).weekday()),
                                              day0->plus_days(calendar_day).iso())
                                 : weekday_short(problem.horizon.first_weekday + calendar_day);
  return fmt::format("{} {}{}{} (day {})", date, clock(start_minute), end_minute > start_minute ? "-" : "",
                     end_minute > start_minute ? clock(end_minute) : std::string(), day_of(start_minute));
}

std::optional<CalendarDate> start_date_of(const Problem& problem, const OutputOptions& options, std::string* error) {
  const int first = ((problem.horizon.first_weekday % 7) + 7) % 7;
  if (options.start_date.empty()) return problem.start_date;
  const auto date = parse_date(options.start_date);
  if (!date) {
    if (error) *error = fmt::format("start date: expected a date YYYY-MM-DD, got '{}'", options.start_date);
    return std::nullopt;
  }
  if (date->weekday() != first) {
    if (error)
      *error = fmt::format("start date: expected a {} (day 0 of the scenario), got {}, a {}", weekday_short(first),
                           date->iso(), weekday_short(date->weekday()));
    return std::nullopt;
  }
  return date;
}

std::string date_suffix(const std::optional<CalendarDate>& day0, int day, const char* separator) {
  return day0 ? separator + day0->plus_days(day).iso() : std::string();
}

std::string plan_stamp_text(const PlanStamp& stamp) { return plan_stamp_text(stamp, english_catalog()); }

std::string plan_stamp_text(const PlanStamp& stamp, const Catalog& language) {
  if (stamp.version <= 0) return {};
  std::string made;
  if (stamp.made.size() >= 16) {
    const auto date = parse_date(stamp.made.substr(0, 10));
    made = language.text("stamp.made", {{"date", date ? language.date(*date) : stamp.made.substr(0, 10)},
                                        {"time", stamp.made.substr(11, 5)}});
  }
  const std::string why = stamp.reason.empty() ? "" : "; " + stamp.reason;
  if (stamp.replaces > 0)
    return language.text("stamp.replacing", {{"version", std::to_string(stamp.version)},
                                             {"made", made},
                                             {"replaces", std::to_string(stamp.replaces)},
                                             {"reason", why}});
  return language.text("stamp.first", {{"version", std::to_string(stamp.version)}, {"made", made}, {"reason", why}});
}

const char* watch_word(const Place& place) { return place.kind == PlaceKind::kRestCenter ? "Guard" : "Watch"; }

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

struct Transliteration {
  std::uint32_t from, to;  // code point range, inclusive
  const char* ascii;
};

// Accented Latin letters (Latin-1 Supplement, Latin Extended-A) and Cyrillic
// (Ukrainian national romanisation where letters differ).
constexpr Transliteration kTransliterations[] = {
    {0xC0, 0xC5, "a"}, {0xC6, 0xC6, "ae"}, {0xC7, 0xC7, "c"}, {0xC8, 0xCB, "e"}, {0xCC, 0xCF, "i"},
    {0xD0, 0xD0, "d"}, {0xD1, 0xD1, "n"}, {0xD2, 0xD6, "o"}, {0xD8, 0xD8, "o"}, {0xD9, 0xDC, "u"},
    {0xDD, 0xDD, "y"}, {0xDE, 0xDE, "th"}, {0xDF, 0xDF, "ss"}, {0xE0, 0xE5, "a"}, {0xE6, 0xE6, "ae"},
    {0xE7, 0xE7, "c"}, {0xE8, 0xEB, "e"}, {0xEC, 0xEF, "i"}, {0xF0, 0xF0, "d"}, {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"}, {0xF8, 0xF8, "o"}, {0xF9, 0xFC, "u"}, {0xFD, 0xFD, "y"}, {0xFE, 0xFE, "th"},
    {0xFF, 0xFF, "y"},
    {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"},
    {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
    {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"},
    {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"},
    {0x400, 0x400, "e"}, {0x401, 0x401, "io"}, {0x402, 0x402, "dj"}, {0x403, 0x403, "g"}, {0x404, 0x404, "ie"},
    {0x405, 0x405, "dz"}, {0x406, 0x407, "i"}, {0x408, 0x408, "j"}, {0x409, 0x409, "lj"}, {0x40A, 0x40A, "nj"},
    {0x40B, 0x40B, "c"}, {0x40C, 0x40C, "k"}, {0x40D, 0x40D, "i"}, {0x40E, 0x40E, "u"}, {0x40F, 0x40F, "dz"},
    {0x450, 0x450, "e"}, {0x451, 0x451, "io"}, {0x452, 0x452, "dj"}, {0x453, 0x453, "g"}, {0x454, 0x454, "ie"},
    {0x455, 0x455, "dz"}, {0x456, 0x457, "i"}, {0x458, 0x458, "j"}, {0x459, 0x459, "lj"}, {0x45A, 0x45A, "nj"},
    {0x45B, 0x45B, "c"}, {0x45C, 0x45C, "k"}, {0x45D, 0x45D, "i"}, {0x45E, 0x45E, "u"}, {0x45F, 0x45F, "dz"},
    {0x490, 0x491, "g"},
};

// а б в г д е ж з и й к л м н о п р с т у ф х ц ч ш щ ъ ы ь э ю я
constexpr const char* kCyrillicBasic[32] = {"a", "b", "v",  "h",  "d",  "e",  "zh",   "z", "y", "i", "k",
                                            "l", "m", "n",  "o",  "p",  "r",  "s",    "t", "u", "f", "kh",
                                            "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"};

const char* transliterate(std::uint32_t cp) {
  if (cp >= 0x410 && cp <= 0x44F) return kCyrillicBasic[(cp - 0x410) % 32];
  for (const Transliteration& t : kTransliterations)
    if (cp >= t.from && cp <= t.to) return t.ascii;
  return nullptr;
}

// Decodes the UTF-8 code point at text[i], advancing i; invalid bytes give
// U+FFFD.
std::uint32_t next_code_point(const std::string& text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  int extra = b0 < 0x80 ? 0 : (b0 >> 5) == 0x6 ? 1 : (b0 >> 4) == 0xE ? 2 : (b0 >> 3) == 0x1E ? 3 : -1;
  if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
    ++i;
    return 0xFFFD;
  }
  std::uint32_t cp = extra == 0 ? b0 : (b0 & (0x3Fu >> extra));
  for (int k = 1; k <= extra; ++k) {
    const unsigned char b = byte(i + static_cast<std::size_t>(k));
    if ((b >> 6) != 0x2) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}


}  // namespace

std::string slugify(const std::string& name) {
  std::string out;
  bool dash = false;
  auto append = [&](const std::string& piece) {
    if (piece.empty()) return;
    if (dash && !out.empty()) out += '-';
    dash = false;
    out += piece;
  };
  for (std::size_t i = 0; i < name.size();) {
    const std::uint32_t cp = next_code_point(name, i);
    if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) {
      append(std::string(1, static_cast<char>(std::tolower(static_cast<int>(cp)))));
    } else if (const char* t = transliterate(cp)) {
      append(t);
    } else {
      dash = true;
    }
  }
  return out;
}

std::vector<std::string> person_slugs(const Problem& problem) {
  static const std::set<std::string> kReserved = {"con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
                                                  "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3",
                                                  "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"};
  std::vector<std::string> slugs;
  std::set<std::string> taken;
  for (std::size_t p = 0; p < problem.people.size(); ++p) {
    std::string base = slugify(problem.people[p].name);
    if (base.size() > 60) base.resize(60);
    while (!base.empty() && base.back() == '-') base.pop_back();
    if (base.empty() || kReserved.count(base)) base = fmt::format("person-{}", p + 1);
    std::string slug = base;
    for (int n = 2; taken.count(slug); ++n) slug = fmt::format("{}-{}", base, n);
    taken.insert(slug);
    slugs.push_back(slug);
  }
  return slugs;
}


}  // namespace vigil
