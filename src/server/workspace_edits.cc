// The workspace's hand edits and publishing (see workspace.h): an edit is
// scored against the plan it is made on (eval/edit_scoring.h) and saved as
// the next version; a draft is published only over the plan it was made from.
#include <fmt/format.h>

#include "eval/edit_scoring.h"
#include "base/name_suggestion.h"
#include "io/unit_time.h"
#include "model/plan_edit.h"
#include "model/wording.h"
#include "server/json_fields.h"
#include "server/workspace.h"

namespace vigil::server {
namespace {

using nlohmann::json;

Outcome<int> person_field(const Problem& problem, const std::string& name, const std::string& field) {
  if (auto id = problem.find_person(name)) return static_cast<int>(id->index());
  std::vector<std::string> names;
  for (const Person& p : problem.people) names.push_back(p.name);
  return bad_request(field, fmt::format("expected a person of the unit, got '{}'{}", name, did_you_mean(name, names)));
}

Outcome<int> time_field(const Problem& problem, const std::string& text, const std::string& field) {
  const ParsedUnitTime t = parse_unit_time(problem, text, "");
  if (!t.minute) return bad_request(field, t.error);
  return static_cast<int>(*t.minute);
}

Outcome<PlanEdit> assign_edit(const Problem& problem, const Fields& f) {
  if (auto e = f.only({"kind", "person", "to", "from", "force", "reason", "publish", "now"})) return *e;
  std::string person, to, from;
  if (auto e = f.text("person", person, true)) return *e;
  if (auto e = f.text("to", to, true)) return *e;
  if (auto e = f.text("from", from, true)) return *e;
  auto a = person_field(problem, person, "person");
  if (!a) return a.error();
  PlanEdit edit;
  edit.kind = PlanEdit::Kind::kAssign;
  edit.a = edit.b = *a;
  edit.place = -1;
  std::vector<std::string> places;
  for (std::size_t i = 0; i < problem.places.size(); ++i) {
    places.push_back(problem.places[i].name);
    if (problem.places[i].name == to) edit.place = static_cast<int>(i);
  }
  if (edit.place < 0)
    return bad_request("to", fmt::format("expected a post or rest center of the unit, got '{}'{}", to,
                                         did_you_mean(to, places)));
  auto minute = time_field(problem, from, "from");
  if (!minute) return minute.error();
  edit.minutes = {*minute};
  return edit;
}

// The PlanEdit a request body asks for; only the fields of its kind are allowed.
Outcome<PlanEdit> edit_of(const Problem& problem, const json& body) {
  const Fields f(body);
  std::string kind;
  if (auto e = f.text("kind", kind, true)) return *e;
  if (kind == "assign") return assign_edit(problem, f);
  if (kind != "swap-day" && kind != "swap-watches")
    return bad_request("kind", fmt::format("expected swap-day, swap-watches or assign, got '{}'", kind));
  const bool day_swap = kind == "swap-day";
  if (auto e = day_swap ? f.only({"kind", "people", "day", "force", "reason", "publish", "now"})
                        : f.only({"kind", "people", "watches", "force", "reason", "publish", "now"}))
    return *e;
  std::vector<std::string> people;
  if (auto e = f.texts("people", people, true)) return *e;
  if (people.size() != 2) return bad_request("people", fmt::format("expected two people, got {}", people.size()));
  auto a = person_field(problem, people[0], "people[0]");
  if (!a) return a.error();
  auto b = person_field(problem, people[1], "people[1]");
  if (!b) return b.error();
  PlanEdit edit;
  edit.a = *a;
  edit.b = *b;
  if (day_swap) {
    std::string day;
    if (auto e = f.text("day", day, true)) return *e;
    auto minute = time_field(problem, day, "day");
    if (!minute) return minute.error();
    if (*minute % kMinutesPerDay != 0)
      return bad_request("day", fmt::format("expected a whole roster day ('day 6'), got a time within {}",
                                            day_label(problem, *minute / kMinutesPerDay)));
    edit.kind = PlanEdit::Kind::kSwapDay;
    edit.day = *minute / kMinutesPerDay;
    return edit;
  }
  std::vector<std::string> watches;
  if (auto e = f.texts("watches", watches, true)) return *e;
  edit.kind = PlanEdit::Kind::kSwapWatches;
  for (std::size_t i = 0; i < watches.size(); ++i) {
    auto minute = time_field(problem, watches[i], fmt::format("watches[{}]", i));
    if (!minute) return minute.error();
    edit.minutes.push_back(*minute);
  }
  return edit;
}

// Which request field an edit's own refusal is about.
const char* edit_field(const PlanEdit& edit) {
  switch (edit.kind) {
    case PlanEdit::Kind::kSwapDay: return "day";
    case PlanEdit::Kind::kSwapWatches: return "watches";
    case PlanEdit::Kind::kAssign: return "from";
  }
  return "";
}

}  // namespace

std::int64_t Workspace::newest_kept_version() {
  std::int64_t newest = 0;
  for (const PlanVersion& v : store_.plans())
    if (v.state != PlanState::kDiscarded) newest = v.version;
  return newest;
}

Outcome<json> Workspace::edit(std::int64_t base, const json& body, const std::string& user) {
  const std::int64_t newest = newest_kept_version();
  if (base != newest) {
    const auto record = store_.plan_record(base);
    if (record && record->state == PlanState::kDiscarded)
      return conflict("version", fmt::format("version {} was discarded: the newest is {}; edit that one", base, newest));
    return conflict("version", fmt::format("version {} is not the newest: the newest is {}; edit that one", base, newest));
  }
  auto loaded = load_plan(base);
  if (!loaded) return loaded.error();
  const Problem& problem = *loaded->problem;
  auto edit = edit_of(problem, body);
  if (!edit) return edit.error();
  bool force = false, publish_now = false;
  std::string reason, now_text;
  const Fields f(body);
  if (auto e = f.flag("force", force)) return *e;
  if (auto e = f.flag("publish", publish_now)) return *e;
  if (auto e = f.text("reason", reason, false)) return *e;
  if (auto e = f.text("now", now_text, false)) return *e;
  // The past stays: an edit starts at now or later (when now can be known).
  int edit_now = -1;
  if (!now_text.empty() || problem.start_date) {
    auto now = now_minute(problem, now_text, "now");
    if (!now) return now.error();
    edit_now = *now;
    const int from = plan_edit_minute(problem, *edit);
    if (from < *now)
      return bad_request(edit_field(*edit), fmt::format("expected a change at or after now, {}; got one from {}",
                                                        moment_label(problem, *now), moment_label(problem, from)));
  }
  auto scored = score_plan_edit(problem, loaded->roster, *edit, "edit");
  if (!scored) return bad_request(edit_field(*edit), scored.error().message);
  const std::string what = plan_edit_text(problem, *edit);
  json broken = json::array();
  for (const UnkeptRule& u : scored->newly_broken)
    broken.push_back({{"rule", rule_name(u.rule)}, {"where", u.where}, {"units", u.units},
                      {"text", unkept_rules_text(scored->problem, {u}, 3)}});
  if (!scored->breaks_no_hard_rule() && !force)
    return ApiError{422, "", fmt::format("{} breaks {}: give \"force\": true to make it all the same", what,
                                         count_text(static_cast<long long>(broken.size()), "hard rule", "hard rules")),
                    broken};
  PlanVersion draft;
  draft.parent = base;
  draft.scenario = loaded->version.scenario;
  draft.reason = "hand edit: " + what + (reason.empty() ? "" : " (" + reason + ")") +
                 (broken.empty() ? "" : fmt::format(", forced over {}", count_text(static_cast<long long>(broken.size()),
                                                                                 "broken hard rule", "broken hard rules")));
  draft.hard = scored->after.score.hard;
  draft.soft = scored->after.score.soft - scored->after.rules[static_cast<int>(RuleKind::kChanges)].cost;
  // The change report of the draft is seen from now (what is soon is soon from now), else from the edit.
  draft.now_minute = edit_now >= 0 ? edit_now : scored->minute;
  auto saved = save_draft(draft, problem, scored->edited, {}, user, true);
  if (!saved) return saved.error();
  if (publish_now) {
    auto published = publish(*saved, user);
    if (!published) return published.error();
  }
  return json{{"version", *saved}, {"edit", what}, {"hard", draft.hard}, {"soft", draft.soft},
              {"broken", broken}, {"published", publish_now}};
}

Outcome<json> Workspace::publish(std::int64_t version, const std::string& user) {
  std::lock_guard lock(write_mutex_);
  const auto draft = store_.plan_record(version);
  if (!draft) return not_found("version", fmt::format("no plan version {}", version));
  // A draft is published over the plan it was made from, directly or through
  // other drafts (an edit of a repair's draft): never over changes it has not seen.
  const std::int64_t in_force = store_.in_force_version();
  if (draft->state == PlanState::kDraft && in_force != 0) {
    std::int64_t ancestor = draft->parent;
    while (ancestor != 0 && ancestor != in_force) {
      const auto a = store_.plan_record(ancestor);
      if (!a || a->state != PlanState::kDraft) break;
      ancestor = a->parent;
    }
    if (ancestor != in_force)
      return conflict("version", fmt::format("draft {} was made from version {}, but version {} is in force now; "
                                             "repair or edit version {} instead",
                                             version, draft->parent, in_force, in_force));
  }
  const auto err = store_.publish(version, user);
  forget_states();
  if (err) return conflict("version", *err);
  return json{{"version", version}, {"in_force", true}};
}

Outcome<json> Workspace::discard(std::int64_t version, const std::string& user) {
  std::lock_guard lock(write_mutex_);
  if (!store_.plan_record(version)) return not_found("version", fmt::format("no plan version {}", version));
  const auto err = store_.discard(version, user);
  forget_states();
  if (err) return conflict("version", *err);
  return json{{"version", version}, {"state", "discarded"}};
}

}  // namespace vigil::server
