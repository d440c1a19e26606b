// Writes the output folder of a unit plan.
#include "report/unit_outputs.h"

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "base/files.h"
#include "io/scenario_writer.h"
#include "report/catalogs.h"
#include "report/change_report.h"
#include "report/person_schedule.h"
#include "report/rotation_chart.h"
#include "io/unit_roster_json.h"
#include "report/uncovered_watches.h"
#include "report/unit_summary.h"
#include "report/watch_bill.h"

namespace vigil {
namespace {

// The problem with the start date the outputs use, for roster.json.
Problem with_start_date(const Problem& problem, const std::optional<CalendarDate>& day0) {
  Problem out = problem;
  out.start_date = day0;
  return out;
}

std::string stamp_line(const PlanStamp& stamp) {
  const std::string text = plan_stamp_text(stamp);
  return text.empty() ? text : text + "\n\n";
}

}  // namespace

std::string write_unit_outputs(const Problem& problem, const Roster& roster, const Evaluation& evaluation,
                               const std::string& folder, const OutputOptions& options) {
  if (std::string shape = check_unit_roster_shape(problem, roster); !shape.empty()) return shape;
  std::string error;
  const auto day0 = start_date_of(problem, options, &error);
  if (!error.empty()) return error;
  if (!options.calendar_stamp.empty() && !valid_calendar_stamp(options.calendar_stamp))
    return fmt::format("calendar stamp: expected a UTC date-time YYYYMMDDTHHMMSSZ, got '{}'", options.calendar_stamp);
  if (options.calendar_sequence < 0)
    return fmt::format("calendar sequence: expected the plan's version less one, 0 or more, got {}", options.calendar_sequence);
  if (!options.sheet_language.empty())
    if (std::string e = catalog_code_error(options.sheet_language); !e.empty()) return "sheet language: " + e;

  namespace fs = std::filesystem;
  const fs::path root(folder);
  const fs::path people_dir = root / "people";
  std::error_code ec;
  fs::create_directories(people_dir, ec);
  if (ec) return fmt::format("{}: cannot create the folder: {}", people_dir.string(), ec.message());

  const std::pair<const char*, std::string> files[] = {
      {"roster.json", unit_roster_to_json(with_start_date(problem, day0), roster, options.stamp)},
      {"watch-bill.html", watch_bill_html(problem, roster, day0, options.stamp)},
      {"watch-bill.csv", watch_bill_csv(problem, roster)},
      {"rotation.svg", rotation_chart_svg(problem, roster)},
      {"summary.txt", stamp_line(options.stamp) +
                          unit_summary_text(summarize_unit(problem, roster, evaluation, day0), SIZE_MAX)},
  };
  for (const auto& [name, text] : files)
    if (std::string e = write_file((root / name).string(), text); !e.empty()) return e;

  const std::vector<std::string> slugs = person_slugs(problem);
  const std::vector<UncoveredWatch> uncovered = uncovered_watches(problem, roster, plan_from_minute(problem));
  for (int p = 0; p < problem.person_count(); ++p) {
    const std::string& slug = slugs[static_cast<std::size_t>(p)];
    const Catalog& words = sheet_catalog(problem, p, options.sheet_language);
    if (std::string e = write_file((people_dir / (slug + ".txt")).string(),
                                   person_schedule_text(problem, roster, p, day0, uncovered, options.stamp, words));
        !e.empty())
      return e;
    if (!day0) continue;  // no calendars without the date of day 0
    if (std::string e = write_file((people_dir / (slug + ".ics")).string(),
                                   person_schedule_ics(problem, roster, p, *day0, options.calendar_stamp,
                                                       options.calendar_sequence, words));
        !e.empty())
      return e;
  }
  return {};
}

std::string write_plan_folder(const Problem& problem, const Roster& roster, const Evaluation& evaluation,
                              const std::string& folder, const OutputOptions& given, const RepairRecord* repair) {
  if (std::string e = check_replaceable_folder(folder, "roster.json"); !e.empty()) return e;
  // The calendars carry the plan's moment, as the server serves them, not
  // the second each file happened to be written in.
  OutputOptions options = given;
  if (options.calendar_stamp.empty()) options.calendar_stamp = calendar_stamp_of_made(options.stamp.made);
  std::string error;
  const std::string staged = make_staging_folder(folder, &error);
  if (staged.empty()) return error;
  const auto fail = [&](const std::string& message) {
    std::error_code ec;
    std::filesystem::remove_all(staged, ec);
    return message;
  };
  const StagedWrites flushed_once_at_the_swap;
  if (std::string e = write_unit_outputs(problem, roster, evaluation, staged, options); !e.empty()) return fail(e);
  if (repair) {
    const std::filesystem::path root(staged);
    if (std::string e = write_change_report(problem, *repair->plan_before, roster, repair->now_minute,
                                            (root / "changes").string(), options);
        !e.empty())
      return fail(e);
    const auto day0 = start_date_of(problem, options, &error);
    if (std::string e = write_file((root / "scenario.yaml").string(), scenario_to_yaml(with_start_date(problem, day0)));
        !e.empty())
      return fail(e);
    if (!repair->event_log.empty())
      if (std::string e = write_file((root / "events.yaml").string(), repair->event_log); !e.empty()) return fail(e);
  }
  if (std::string e = replace_folder(staged, folder); !e.empty()) return fail(e);
  return {};
}

}  // namespace vigil
