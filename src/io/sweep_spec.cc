// The sweep file reader (see sweep_spec.h). Mistakes are thrown as a Failure
// with the field's mark and caught in parse_sweep_spec().
#include "io/sweep_spec.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "base/files.h"
#include "base/name_suggestion.h"
#include "base/text.h"
#include "io/yaml_text.h"

namespace vigil {

using nlohmann::json;

json SweepSpec::parameters() const {
  json axes_json = json::array();
  for (const SweepAxis& a : axes) axes_json.push_back({{"name", a.name}, {"values", a.values}});
  json base = scenario.empty() ? json{{"generate", {{"people", people}, {"posts", posts}, {"rest_centers", rest_centers},
                                                    {"days", days}, {"seed", unit_seed}}}}
                               : json{{"scenario", "input"}};
  return {{"base", base}, {"vary", axes_json}, {"seeds", seeds}, {"work", work}};
}

namespace {

using namespace yaml_text;  // NOLINT: the readers' shared wording

struct Failure {
  InputError error;
};

class SweepReader {
 public:
  SweepReader(const std::string& text, const std::string& file) : file_(file), lines_(split_lines(text)) {}

  SweepSpec run(const std::string& text) {
    std::vector<YAML::Node> docs;
    try {
      docs = load_documents(text);
    } catch (const YAML::Exception& e) {
      fail(e.mark, "", syntax_error_message(e, lines_));
    }
    const YAML::Node root = docs.empty() ? YAML::Node() : docs[0];
    if (!root.IsMap()) fail(root.Mark(), "", "expected a sweep (a map with scenario or generate, vary, seeds, work), got " + found(root));
    SweepSpec s;
    s.file = file_;
    const std::vector<std::string> allowed = {"scenario", "generate", "vary", "seeds", "work"};
    std::map<std::string, YAML::Node> f;
    for (auto e = root.begin(); e != root.end(); ++e) {
      const std::string name = e->first.Scalar();
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
        fail(e->first.Mark(), name, fmt::format("expected a field of a sweep ({}), got {}{}", or_list(allowed),
                                                yaml_text::quoted(name), did_you_mean(name, allowed)));
      f[name] = e->second;
    }
    if (f.count("scenario") == f.count("generate"))
      fail(root.Mark(), "", "expected exactly one base: 'scenario: FILE.yaml' or 'generate: {people: ..., ...}'");
    if (f.count("scenario")) {
      const YAML::Node n = f["scenario"];
      if (!n.IsScalar() || n.Scalar().empty()) fail(n.Mark(), "scenario", "expected a scenario file name, got " + found(n));
      const std::filesystem::path given(n.Scalar());
      s.scenario = given.is_absolute() ? given.string() : (std::filesystem::path(file_).parent_path() / given).string();
    } else {
      generate(f["generate"], s);
    }
    if (f.count("vary")) vary(f["vary"], s);
    if (!f.count("seeds")) fail(root.Mark(), "seeds", "expected 'seeds: [1, 2, ...]' (the searches' seeds)");
    for (std::int64_t v : integers(f["seeds"], "seeds", 0, INT64_MAX)) s.seeds.push_back(static_cast<std::uint64_t>(v));
    if (!f.count("work")) fail(root.Mark(), "work", "expected 'work: MOVES' (each search's budget of move evaluations)");
    s.work = integer(f["work"], "work", 1, 1'000'000'000'000);
    std::size_t cases = s.seeds.size();
    for (const SweepAxis& a : s.axes) {
      cases *= a.values.size();
      if (cases > kMaxSweepCases)
        fail(f["vary"].Mark(), "vary", fmt::format("expected at most {} cases (values x seeds), got more", kMaxSweepCases));
    }
    return s;
  }

 private:
  [[noreturn]] void fail(const YAML::Mark& at, const std::string& path, const std::string& message) const {
    throw Failure{error_at_mark(file_, lines_, at, path, message)};
  }

  std::int64_t integer(const YAML::Node& n, const std::string& path, std::int64_t lo, std::int64_t hi) const {
    const auto v = n.IsScalar() ? parse_integer(n.Scalar()) : std::nullopt;
    if (!v || *v < lo || *v > hi) fail(n.Mark(), path, fmt::format("expected a whole number from {} to {}, got {}", lo, hi, found(n)));
    return *v;
  }

  std::vector<std::int64_t> integers(const YAML::Node& n, const std::string& path, std::int64_t lo, std::int64_t hi) const {
    if (!n.IsSequence() || n.size() == 0) fail(n.Mark(), path, "expected a list of whole numbers, got " + found(n));
    std::vector<std::int64_t> out;
    for (std::size_t i = 0; i < n.size(); ++i) {
      const std::int64_t v = integer(n[i], fmt::format("{}[{}]", path, i), lo, hi);
      if (std::find(out.begin(), out.end(), v) != out.end())
        fail(n[i].Mark(), fmt::format("{}[{}]", path, i), fmt::format("{} is listed twice", v));
      out.push_back(v);
    }
    return out;
  }

  void generate(const YAML::Node& n, SweepSpec& s) const {
    if (!n.IsMap()) fail(n.Mark(), "generate", "expected the generator's options (people, posts, rest_centers, days, seed), got " + found(n));
    for (auto e = n.begin(); e != n.end(); ++e) {
      const std::string name = e->first.Scalar();
      const std::string path = "generate." + name;
      if (name == "people") s.people = static_cast<int>(integer(e->second, path, 1, 100000));
      else if (name == "posts") s.posts = static_cast<int>(integer(e->second, path, 1, 2000));
      else if (name == "rest_centers") s.rest_centers = static_cast<int>(integer(e->second, path, 1, 2000));
      else if (name == "days") s.days = static_cast<int>(integer(e->second, path, 1, 3650));
      else if (name == "seed") s.unit_seed = static_cast<std::uint64_t>(integer(e->second, path, 0, INT64_MAX));
      else fail(e->first.Mark(), path, "expected people, posts, rest_centers, days or seed, got " + yaml_text::quoted(name));
    }
  }

  void vary(const YAML::Node& n, SweepSpec& s) const {
    if (!n.IsMap()) fail(n.Mark(), "vary", "expected the parameters to vary, each with its values, got " + found(n));
    for (auto e = n.begin(); e != n.end(); ++e) {
      SweepAxis a;
      a.name = e->first.Scalar();
      a.line = e->first.Mark().line + 1;
      a.column = e->first.Mark().column + 1;
      const std::string path = "vary." + a.name;
      const bool generated_only = a.name == "people" || a.name == "posts" || a.name == "days";
      if (!generated_only && a.name != "beds" && a.name.rfind("need.", 0) != 0 && a.name.rfind("weight.", 0) != 0)
        fail(e->first.Mark(), path, "expected people, posts, days, beds, need.NAME or weight.RULE, got " + yaml_text::quoted(a.name));
      if (generated_only && !s.scenario.empty())
        fail(e->first.Mark(), path, a.name + " can be varied only on a generated unit (generate: ...), not a scenario file");
      a.values = integers(e->second, path, a.name.rfind("weight.", 0) == 0 || a.name.rfind("need.", 0) == 0 ? 0 : 1,
                          a.name == "days" ? 3650 : 100000);
      s.axes.push_back(std::move(a));
    }
  }

  std::string file_;
  std::vector<std::string> lines_;
};

}  // namespace

Result<SweepSpec> parse_sweep_spec(const std::string& raw_text, const std::string& file) {
  auto checked = text_input(raw_text, file);
  if (!checked) return checked.error();
  try {
    SweepReader reader(*checked, file);
    return reader.run(*checked);
  } catch (const Failure& f) {
    return f.error;
  } catch (const YAML::Exception& e) {
    return InputError{file, e.mark.line >= 0 ? e.mark.line + 1 : 0, e.mark.column >= 0 ? e.mark.column + 1 : 0,
                      "cannot read the sweep: " + e.msg, ""};
  }
}

Result<SweepSpec> read_sweep_spec(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return InputError{path, 0, 0, "cannot open the file for reading", ""};
  return parse_sweep_spec(*text, path);
}

}  // namespace vigil
