// The duty officer's workspace: what `vigil serve` does with the store, in
// the engine's terms. It imports and exports the unit and plans, plans the
// unit and repairs the plan in force as background jobs (solve/solver.h,
// solve/repair.h), scores hand edits (eval/edit_scoring.h), publishes, and
// renders any version as the plan's files (report/). The HTTP layer (api.h)
// only reads requests, checks roles and turns these outcomes into responses.
//
// Writes that make a plan version are serialised (write_mutex_), so a version
// number is never taken twice; a plan version and its scenario are immutable,
// so what is rendered from them is cached by version.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/problem.h"
#include "model/roster.h"
#include "server/api_error.h"
#include "server/http_body.h"
#include "server/jobs.h"
#include "server/store.h"

namespace vigil::server {

// A plan version read back with what it plans.
struct LoadedPlan {
  PlanVersion version;
  std::shared_ptr<const Problem> problem;  // its scenario, with the start date
  Roster roster;
};

struct PlanJobRequest {
  double seconds = 10;
  std::int64_t work = 0;  // moves; 0: the time limit applies
  std::uint64_t seed = 1;
};

class Workspace {
 public:
  // Job ids go on from the last one the store's audit log names.
  explicit Workspace(Store& store) : store_(store), jobs_(store.last_job_id() + 1) {}
  ~Workspace() { jobs_.shutdown(); }

  Store& store() { return store_; }

  // The version in force (0 for none) and a version's state, kept in memory:
  // plan states change only through this workspace, which forgets them on
  // every publish, discard and save. Readers then need no query.
  std::int64_t in_force_version();
  std::optional<PlanState> plan_state(std::int64_t version);
  JobRunner& jobs() { return jobs_; }

  // Import: a scenario (parsed and checked; errors name the file, line and
  // field) becomes the unit's newest scenario version; a plan JSON is read
  // against it and saved as the next version (kept byte for byte when it
  // is stamped with that version; else stamped anew), published when asked.
  Outcome<std::int64_t> import_scenario(const std::string& yaml, const std::string& file_name, const std::string& user);
  Outcome<std::int64_t> import_plan(const std::string& json_text, const std::string& file_name, bool publish,
                                    const std::string& user);

  // Reads.
  Outcome<std::shared_ptr<const Problem>> current_problem();
  Outcome<nlohmann::json> unit_json();
  Outcome<nlohmann::json> people_json(const std::string& now_text);
  nlohmann::json plans_json();
  Outcome<LoadedPlan> load_plan(std::int64_t version);
  Outcome<LoadedPlan> plan_in_force();
  // The version as a JSON document: its record, the plan JSON, the summary
  // (rules, wishes, fairness), its state and whether it is in force. Shared
  // by every reader until the state changes, compressed once.
  Outcome<std::shared_ptr<const SharedBody>> plan_json(std::int64_t version);
  // The change report from version `from` to `to` (report/change_report.h JSON), from `to`'s moment.
  Outcome<std::string> changes_json(std::int64_t from, std::int64_t to);
  // A file of a version: "roster.json", "watch-bill.html", "watch-bill.csv",
  // "summary.txt", "rotation.svg", "people/<slug>.ics", "people/<slug>.txt";
  // the content type in `type`. A person's files are in `language` (a code
  // with a catalog, report/catalogs.h), or "" for the person's own native
  // language (English without a catalog for it); the rest are English.
  Outcome<std::string> export_file(std::int64_t version, const std::string& name, std::string& type,
                                   const std::string& language = "");
  // The slug of `person` in a version ("" when not in it): their files' names.
  std::string slug_of(std::int64_t version, const std::string& person);
  // One person's schedule in a version (a viewer's own, in force): the plan's
  // days (each watch with "with": who stands it with them), the schedule as
  // text, the languages they speak ("languages": {"uk": "native"}) and the
  // people they watch with, each with the languages the two share
  // ("partners": {"Ana Lima": {"en": "basic"}}); the text in `language` as
  // export_file's people/ files.
  Outcome<nlohmann::json> schedule_json(std::int64_t version, const std::string& person,
                                        const std::string& language = "");

  // Jobs (one at a time): plan the unit from the newest scenario -> a draft;
  // a repair of the plan in force after events from `now` -> a draft;
  // resilience of the plan in force. The id, or 409 naming the running job.
  Outcome<std::int64_t> start_plan(const PlanJobRequest& request, const std::string& user);
  Outcome<std::int64_t> start_repair(const nlohmann::json& body, const std::string& user);
  Outcome<std::int64_t> start_resilience(const nlohmann::json& body, const std::string& user);

  // A hand edit of version `base` (which must be the newest version not
  // discarded, else 409 naming it), from now on (400 before), scored at once;
  // refused (422, the broken rules in the error's details) unless forced;
  // saved as the next version, a draft (published at once when asked).
  Outcome<nlohmann::json> edit(std::int64_t base, const nlohmann::json& body, const std::string& user);
  // A draft made from the plan in force, directly or through other drafts
  // (or the first plan), becomes the plan in force; a draft made from an
  // older version is refused (409).
  Outcome<nlohmann::json> publish(std::int64_t version, const std::string& user);
  Outcome<nlohmann::json> discard(std::int64_t version, const std::string& user);

 private:
  Outcome<std::shared_ptr<const Problem>> problem_of(std::int64_t scenario_id);
  void forget_states();
  std::int64_t newest_kept_version();  // the newest version not discarded
  // A job start's answer: its id, audited ("start", "job N", "", kind), or
  // 409 naming the job running.
  Outcome<std::int64_t> job_started(std::optional<std::int64_t> id, std::int64_t busy, const char* kind,
                                    const std::string& user);
  // Saves the next version; with `base_must_be_newest`, only while draft.parent
  // is still the newest version kept (an edit raced by another: 409).
  Outcome<std::int64_t> save_draft(PlanVersion draft, const Problem& problem, const Roster& roster,
                                   const std::vector<std::string>& events, const std::string& user,
                                   bool base_must_be_newest = false);

  Store& store_;
  JobRunner jobs_;
  std::mutex write_mutex_;  // one plan version written at a time
  std::mutex cache_mutex_;
  std::int64_t in_force_ = -1;  // -1: not known
  std::map<std::int64_t, PlanState> states_;
  std::map<std::int64_t, std::shared_ptr<const Problem>> problems_;  // by scenario version
  // plan_json's immutable part (plan, summary, scores) by version: readers of
  // the plan in force get it without re-evaluating the plan.
  // Kept as text without its closing brace: the state is appended per read.
  std::map<std::int64_t, std::shared_ptr<const std::string>> plan_views_;
  // The whole document as last read, with the state it was read with.
  std::map<std::int64_t, std::pair<std::string, std::shared_ptr<const SharedBody>>> plan_bodies_;
};

// The unit minute of a "now" text (io/unit_time.h: "day 6 10:00",
// "2026-12-14 02:00", "now"; "" is "now").
Outcome<int> now_minute(const Problem& problem, const std::string& text, const std::string& field);

}  // namespace vigil::server
