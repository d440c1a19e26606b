// The workspace API (src/server/api.h) against a real server on a loopback
// port, with cpp-httplib's client: every endpoint, every role, the errors a
// client can make, the plan -> publish -> repair -> edit -> publish path on
// unit-64, one job at a time, server-sent events, and two officers editing
// the same version at once (one wins, one gets 409).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "base/files.h"
#include "server/api.h"

namespace vigil::server {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// unit-64 with a start date, so calendars and "now" work.
std::string unit_text() {
  std::string text = *read_text_file(std::string(VIGIL_SOURCE_DIR) + "/examples/unit-64.yaml");
  const std::string anchor = "  first-weekday: monday\n";
  text.replace(text.find(anchor), anchor.size(), anchor + "  start-date: 2026-12-07\n");
  return text;
}

class Api : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("vigil-api-" + std::to_string(::getpid()) + ".db")).string();
    fs::remove(path_);
    auto store = Store::open(path_);
    ASSERT_TRUE(store.ok()) << store.error().format();
    store_ = std::move(*store);
    ws_ = std::make_unique<Workspace>(*store_);
    ASSERT_TRUE(ws_->import_scenario(unit_text(), "unit-64.yaml", "test").ok());
    coordinator_ = *store_->add_user("coordinator", Role::kCoordinator, "", "test");
    officer_ = *store_->add_user("officer", Role::kOfficer, "", "test");
    viewer_ = *store_->add_user("taras", Role::kViewer, "Taras Kozak", "test");
    serve();
  }
  void serve() {
    api_ = std::make_unique<ApiServer>(*ws_);
    ServeOptions options;
    options.port = 0;
    std::string error;
    ASSERT_TRUE(api_->bind(options, error)) << error;
    thread_ = std::thread([this] { api_->listen(); });
  }
  void stop_serving() {
    api_->stop();
    thread_.join();
    api_.reset();
    ws_.reset();
  }
  void TearDown() override {
    stop_serving();
    store_.reset();
    fs::remove(path_);
    fs::remove(path_ + "-wal");
    fs::remove(path_ + "-shm");
  }

  httplib::Client client(const std::string& token) const {
    httplib::Client c("127.0.0.1", api_->port());
    c.set_read_timeout(60, 0);
    if (!token.empty()) c.set_bearer_token_auth(token);
    return c;
  }
  std::pair<int, json> get(const std::string& token, const std::string& path) const {
    auto c = client(token);
    auto r = c.Get(path);
    if (!r) return {0, nullptr};
    return {r->status, json::parse(r->body, nullptr, false)};
  }
  std::pair<int, json> post(const std::string& token, const std::string& path, const std::string& body) const {
    auto c = client(token);
    auto r = c.Post(path, body, "application/json");
    if (!r) return {0, nullptr};
    return {r->status, json::parse(r->body, nullptr, false)};
  }
  // Waits for a job to end; its last state.
  json finished(std::int64_t job) const {
    for (int i = 0; i < 600; ++i) {
      auto [status, body] = get(officer_, "/api/jobs/" + std::to_string(job));
      if (status != 200 || body["state"] != "running") return body;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return nullptr;
  }
  std::int64_t plan_and_publish() {
    auto [status, body] = post(officer_, "/api/jobs/plan", R"({"work": 300000, "seed": 1})");
    EXPECT_EQ(status, 202) << body.dump();
    const json job = finished(body["job"]);
    EXPECT_EQ(job["state"], "done") << job.dump();
    const std::int64_t v = job["version"];
    EXPECT_EQ(post(officer_, "/api/plans/" + std::to_string(v) + "/publish", "").first, 200);
    return v;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<Workspace> ws_;
  std::unique_ptr<ApiServer> api_;
  std::thread thread_;
  std::string coordinator_, officer_, viewer_;
};

TEST_F(Api, TokensAndRoles) {
  EXPECT_EQ(get("", "/api/health").first, 200);
  auto [none, none_body] = get("", "/api/me");
  EXPECT_EQ(none, 401);
  EXPECT_EQ(none_body["error"]["message"], "expected a token: Authorization: Bearer TOKEN");
  EXPECT_EQ(get("not-a-token", "/api/me").first, 401);
  auto [me, me_body] = get(viewer_, "/api/me");
  EXPECT_EQ(me, 200);
  EXPECT_EQ(me_body, (json{{"name", "taras"}, {"role", "viewer"}, {"person", "Taras Kozak"}}));
  auto [forbidden, forbidden_body] = get(viewer_, "/api/plans");
  EXPECT_EQ(forbidden, 403);
  EXPECT_EQ(forbidden_body["error"]["message"], "viewer may not do this: it needs officer");
  EXPECT_EQ(post(officer_, "/api/users", R"({"name": "x", "role": "viewer"})").first, 403);
  auto [made, made_body] = post(coordinator_, "/api/users", R"({"name": "ana", "role": "officer"})");
  EXPECT_EQ(made, 201);
  const std::string ana = made_body["token"];
  EXPECT_EQ(ana.size(), 43u);
  EXPECT_EQ(get(ana, "/api/plans").first, 200);
  EXPECT_EQ(post(coordinator_, "/api/users", R"({"name": "ana", "role": "officer"})").first, 409);
  auto c = client(coordinator_);
  EXPECT_EQ(c.Delete("/api/users/ana")->status, 200);
  EXPECT_EQ(get(ana, "/api/plans").first, 401);
  // The viewer reads the plan in force and their own schedule, nothing else.
  EXPECT_EQ(get(viewer_, "/api/plans/current").first, 404);  // nothing in force yet
  const std::int64_t v = plan_and_publish();
  EXPECT_EQ(get(viewer_, "/api/plans/current").first, 200);
  EXPECT_EQ(get(viewer_, "/api/plans/" + std::to_string(v)).first, 200);
  EXPECT_EQ(get(viewer_, "/api/plans/current/people/Taras Kozak").first, 200);
  EXPECT_EQ(get(viewer_, "/api/plans/current/people/Olena Dovzhenko").first, 403);
  EXPECT_EQ(get(viewer_, "/api/people").first, 403);
}

// A viewer's schedule says what their page needs and they may not read
// elsewhere: the languages they speak (the page opens in the native one)
// and, on each watch, who stands it with them, with the languages the two
// share at the lower of the two levels; checked against the plan and the
// officer's registry.
TEST_F(Api, ScheduleGivesLanguagesAndWhoStandsEachWatchWithThem) {
  plan_and_publish();
  auto [status, schedule] = get(viewer_, "/api/plans/current/people/Taras Kozak");
  ASSERT_EQ(status, 200) << schedule.dump();
  EXPECT_EQ(schedule["languages"], (json{{"uk", "native"}, {"ru", "fluent"}, {"en", "basic"}}));
  auto [people_status, people] = get(officer_, "/api/people?now=day%200");
  ASSERT_EQ(people_status, 200);
  std::map<std::string, json> spoken;
  for (const json& p : people["people"]) spoken[p["name"]] = p["languages"];
  auto [plan_status, plan] = get(officer_, "/api/plans/current");
  ASSERT_EQ(plan_status, 200);
  int watches = 0;
  std::set<std::string> partners;
  for (const json& day : schedule["days"])
    for (const json& w : day["watches"]) {
      json expected = json::array();
      for (const json& other : plan["plan"]["people"]) {
        if (other["name"] == "Taras Kozak") continue;
        for (const json& w2 : other["days"][day["day"].get<std::size_t>()]["watches"])
          if (w2["place"] == w["place"] && w2["slot"] == w["slot"]) expected.push_back(other["name"]);
      }
      EXPECT_EQ(w["with"], expected) << day["day"] << " " << w["start"];
      for (const json& name : expected) partners.insert(name);
      ++watches;
    }
  EXPECT_GT(watches, 20);
  EXPECT_EQ(schedule["partners"].size(), partners.size());
  const std::map<std::string, int> rank = {{"basic", 1}, {"fluent", 2}, {"native", 3}};
  for (const auto& [name, shared] : schedule["partners"].items()) {
    json expected = json::object();
    for (const auto& [code, level] : spoken["Taras Kozak"].items())
      if (spoken[name].contains(code))
        expected[code] = rank.at(level) < rank.at(spoken[name][code]) ? level : spoken[name][code];
    EXPECT_EQ(shared, expected) << name;
    EXPECT_FALSE(shared.empty()) << name << ": shared-language is a hard rule the plan keeps";
  }
}

TEST_F(Api, PlanPublishRepairEditPublish) {
  EXPECT_EQ(post(officer_, "/api/repairs", R"({"now": "day 6 10:00", "events": [{"unavailable": "Taras Kozak", "from": "day 6 10:00"}]})").first,
            404);  // nothing in force to repair
  const std::int64_t v1 = plan_and_publish();
  EXPECT_EQ(v1, 1);
  auto [plans_status, plans] = get(officer_, "/api/plans");
  EXPECT_EQ(plans_status, 200);
  EXPECT_EQ(plans["plans"][0]["state"], "published");
  EXPECT_EQ(plans["plans"][0]["in_force"], true);
  EXPECT_EQ(plans["plans"][0]["reason"], "planned");

  // A loss at 10:00 on day 6 -> a repair job -> draft 2, Taras away from then on.
  auto [rs, rbody] = post(officer_, "/api/repairs",
                          R"({"now": "day 6 10:00", "work": 200000,
                              "events": [{"unavailable": "Taras Kozak", "from": "day 6 10:00", "reason": "wounded"}]})");
  ASSERT_EQ(rs, 202) << rbody.dump();
  const json repair = finished(rbody["job"]);
  ASSERT_EQ(repair["state"], "done") << repair.dump();
  EXPECT_EQ(repair["version"], 2);
  auto [people_status, people] = get(officer_, "/api/people?now=day%207");
  EXPECT_EQ(people_status, 200);
  for (const json& p : people["people"]) {
    if (p["name"] == "Taras Kozak") {
      EXPECT_EQ(p["status"], "wounded");
    }
  }
  auto [cs, changes] = get(officer_, "/api/changes?from=1&to=2");
  EXPECT_EQ(cs, 200);
  EXPECT_EQ(changes["format"], "vigil-change-report");
  EXPECT_EQ(changes["plan_version"], 2);
  EXPECT_FALSE(changes["people"].empty());
  // The lost one among the first: his duties end at once (whoever takes his
  // first watch changes at the same minute, and may come before him).
  const auto lost = std::find_if(changes["people"].begin(), changes["people"].end(),
                                 [](const json& p) { return p["name"] == "Taras Kozak"; });
  ASSERT_NE(lost, changes["people"].end());
  EXPECT_EQ((*lost)["first_change"], "day 6 10:00");
  EXPECT_EQ(changes["people"][0]["first_change"], "day 6 10:00");
  auto [events_status, events] = get(officer_, "/api/events");
  EXPECT_EQ(events_status, 200);
  ASSERT_EQ(events["events"].size(), 1u);
  EXPECT_EQ(events["events"][0]["plan"], 2);

  // Edits are made on the newest version only.
  auto [stale, stale_body] = post(officer_, "/api/plans/1/edits",
                                  R"({"kind": "swap-day", "people": ["Olena Dovzhenko", "Taras Kozak"], "day": "day 8", "now": "day 7"})");
  EXPECT_EQ(stale, 409);
  EXPECT_EQ(stale_body["error"]["message"], "version 1 is not the newest: the newest is 2; edit that one");
  EXPECT_EQ(post(officer_, "/api/plans/2/publish", "").first, 200);
  auto [after, after_body] = get(viewer_, "/api/plans/current");
  EXPECT_EQ(after_body["version"], 2);
  auto [audit_status, audit] = get(officer_, "/api/audit");
  EXPECT_EQ(audit_status, 200);
  EXPECT_EQ(audit["audit"][0]["action"], "publish");
  EXPECT_EQ(audit["audit"][0]["after"], "2");
}

TEST_F(Api, EditsAreScoredRefusedForcedAndRaced) {
  plan_and_publish();
  const json plan = get(officer_, "/api/plans/1").second["plan"];
  std::string at_post, at_rest;  // on day 2
  for (const json& p : plan["people"]) {
    const json& place = p["days"][2]["place"];
    if (!place.is_string()) continue;
    if (at_post.empty() && place.get<std::string>().rfind("post-", 0) == 0) at_post = p["name"];
    if (at_rest.empty() && place.get<std::string>().rfind("rest-", 0) == 0) at_rest = p["name"];
  }
  const std::string swap =
      json{{"kind", "swap-day"}, {"people", {at_post, at_rest}}, {"day", "day 2"}, {"now", "day 1 10:00"}}.dump();
  auto [refused, refused_body] = post(officer_, "/api/plans/1/edits", swap);
  EXPECT_EQ(refused, 422) << refused_body.dump();
  EXPECT_EQ(refused_body["error"]["message"].get<std::string>().rfind(at_post + " and " + at_rest + " swap day 2 (Wed) breaks ", 0), 0u);
  bool rotation = false;
  for (const json& b : refused_body["error"]["details"]) rotation = rotation || b["rule"] == "rotation";
  EXPECT_TRUE(rotation) << refused_body.dump();
  // The past stays: the same swap with now on day 3 is refused before scoring.
  json late = json::parse(swap);
  late["now"] = "day 3";
  auto [past, past_body] = post(officer_, "/api/plans/1/edits", late.dump());
  EXPECT_EQ(past, 400);
  EXPECT_EQ(past_body["error"]["field"], "day");
  EXPECT_EQ(past_body["error"]["message"], "expected a change at or after now, day 3 (Thu 2026-12-10 06:00); got one from day 2 (Wed 2026-12-09 06:00)");
  // Fields of another kind of edit are refused, not ignored.
  json mixed = json::parse(swap);
  mixed["to"] = "post-1";
  auto [mixed_status, mixed_body] = post(officer_, "/api/plans/1/edits", mixed.dump());
  EXPECT_EQ(mixed_status, 400);
  EXPECT_EQ(mixed_body["error"]["field"], "to");
  // Two officers force the same edit of version 1 at once: one is saved as 2, the other refused.
  json forced = json::parse(swap);
  forced["force"] = true;
  int created = 0, conflicts = 0;
  std::thread other([&] {
    const int s = post(officer_, "/api/plans/1/edits", forced.dump()).first;
    (s == 201 ? created : conflicts) += 1;
  });
  const int mine = post(coordinator_, "/api/plans/1/edits", forced.dump()).first;
  other.join();
  (mine == 201 ? created : conflicts) += 1;
  EXPECT_EQ(created, 1);
  EXPECT_EQ(conflicts, 1);
  auto [v2_status, v2] = get(officer_, "/api/plans/2");
  EXPECT_EQ(v2["state"], "draft");
  EXPECT_EQ(v2["reason"].get<std::string>().rfind("hand edit: " + at_post + " and " + at_rest + " swap day 2 (Wed), forced over ", 0), 0u);
  EXPECT_GT(v2["hard"].get<int>(), 0);
  // Discarded, it can no longer be published.
  EXPECT_EQ(post(officer_, "/api/plans/2/discard", "").first, 200);
  auto [again, again_body] = post(officer_, "/api/plans/2/publish", "");
  EXPECT_EQ(again, 409);
  EXPECT_EQ(again_body["error"]["message"], "plan version 2 is discarded, not a draft");
}

TEST_F(Api, BadRequestsNameTheField) {
  auto [malformed, m] = post(officer_, "/api/jobs/plan", "{\"work\": ");
  EXPECT_EQ(malformed, 400);
  EXPECT_EQ(m["error"]["message"], "expected a JSON object, got text that is not JSON (at byte 10)");
  // A number out of the range of a double was an uncaught exception, answered 500 (issue 15).
  auto [huge, h] = post(officer_, "/api/jobs/plan", R"({"seconds": 1e400})");
  EXPECT_EQ(huge, 400);
  EXPECT_EQ(h["error"]["message"], "expected a number within range, got number overflow parsing '1e400'");
  auto [unknown, u] = post(officer_, "/api/jobs/plan", R"({"wrok": 5})");
  EXPECT_EQ(unknown, 400);
  EXPECT_EQ(u["error"]["field"], "wrok");
  EXPECT_EQ(u["error"]["message"], "unknown field; expected only seconds, work, seed");
  auto [typed, t] = post(officer_, "/api/jobs/plan", R"({"seconds": "ten"})");
  EXPECT_EQ(typed, 400);
  EXPECT_EQ(t["error"]["message"], "expected a number from 0.01 to 3600, got \"ten\"");
  plan_and_publish();
  auto [who, w] = post(officer_, "/api/repairs",
                       R"({"now": "day 6 10:00", "events": [{"unavailable": "Taras Kozk", "from": "day 6 10:00"}]})");
  EXPECT_EQ(who, 400);
  EXPECT_EQ(w["error"]["field"], "events[0].unavailable");
  EXPECT_NE(w["error"]["message"].get<std::string>().find("did you mean 'Taras Kozak'?"), std::string::npos) << w.dump();
  auto [when, wh] = post(officer_, "/api/repairs", R"({"now": "yesterday", "events": [{"available": "Taras Kozak", "from": "day 7"}]})");
  EXPECT_EQ(when, 400);
  EXPECT_EQ(wh["error"]["field"], "now");
  auto [big, b] = post(officer_, "/api/jobs/plan", std::string(kMaxBodyBytes + 10, ' '));
  EXPECT_EQ(big, 413);
  EXPECT_EQ(b["error"]["message"], "expected a body of at most 4194304 bytes");
  EXPECT_EQ(get(officer_, "/api/nothing-here").first, 404);
  EXPECT_EQ(get(officer_, "/api/plans/99").first, 404);
  auto [file, f] = get(officer_, "/api/plans/1/files/people/nobody.ics");
  EXPECT_EQ(file, 404);
}

TEST_F(Api, OneJobAtATimeCancelAndEvents) {
  auto [s1, b1] = post(officer_, "/api/jobs/plan", R"({"seconds": 60})");
  ASSERT_EQ(s1, 202);
  auto [s2, b2] = post(officer_, "/api/jobs/plan", R"({"seconds": 1})");
  EXPECT_EQ(s2, 409);
  EXPECT_EQ(b2["error"]["message"], "job 1 is running: one job at a time (cancel it or wait for it)");
  // The event stream carries progress, then the end once cancelled. The
  // job is cancelled once its first progress has arrived (the first plan
  // takes a few seconds under the sanitizers, longer than any fixed wait).
  std::string stream;
  std::mutex stream_mutex;
  std::thread reader([&] {
    auto c = client(officer_);
    c.Get("/api/jobs/1/events", [&](const char* data, std::size_t n) {
      const std::lock_guard<std::mutex> lock(stream_mutex);
      stream.append(data, n);
      return true;
    });
  });
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(50);
  for (bool progressed = false; !progressed && std::chrono::steady_clock::now() < give_up;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const std::lock_guard<std::mutex> lock(stream_mutex);
    progressed = stream.find("event: progress\ndata: {") != std::string::npos;
  }
  EXPECT_EQ(post(officer_, "/api/jobs/1/cancel", "").first, 202);
  reader.join();
  EXPECT_NE(stream.find("event: progress\ndata: {"), std::string::npos) << stream.substr(0, 300);
  EXPECT_NE(stream.find("event: end\ndata: {"), std::string::npos);
  EXPECT_NE(stream.find("\"state\":\"cancelled\""), std::string::npos);
  EXPECT_EQ(store_->newest_version(), 0);  // a cancelled plan saves nothing
}

// A server started again over the same store goes on from the last job id
// (the audit log names each job started): a client still holding the id of
// a job from before is told it is unknown rather than shown another job.
TEST_F(Api, JobIdsGoOnAfterARestart) {
  auto [s1, b1] = post(officer_, "/api/jobs/plan", R"({"work": 20000, "seed": 1})");
  ASSERT_EQ(s1, 202) << b1.dump();
  EXPECT_EQ(b1["job"], 1);
  EXPECT_EQ(finished(1)["state"], "done");
  stop_serving();
  ws_ = std::make_unique<Workspace>(*store_);
  serve();
  EXPECT_EQ(get(officer_, "/api/jobs/1").first, 404);
  auto [s2, b2] = post(officer_, "/api/jobs/plan", R"({"work": 20000, "seed": 1})");
  ASSERT_EQ(s2, 202) << b2.dump();
  EXPECT_EQ(b2["job"], 2);
  EXPECT_EQ(finished(2)["state"], "done");
  // Newest first: the second job's plan saved, the second job started, ...
  const auto log = store_->audit_log();
  const auto started = std::find_if(log.begin(), log.end(), [](const AuditEntry& e) { return e.action == "start"; });
  ASSERT_NE(started, log.end());
  EXPECT_EQ(started->target, "job 2");
  EXPECT_EQ(started->after, "plan");
  EXPECT_EQ(started->user, "officer");
  EXPECT_EQ(store_->last_job_id(), 2);
}

TEST_F(Api, FilesAndExportsRoundTrip) {
  const std::int64_t v = plan_and_publish();
  auto c = client(viewer_);
  auto bill = c.Get("/api/plans/current/files/watch-bill.html");
  ASSERT_TRUE(bill);
  EXPECT_EQ(bill->status, 200);
  EXPECT_EQ(bill->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(bill->body.find("Plan version 1"), std::string::npos);
  auto ics = c.Get("/api/plans/current/files/people/taras-kozak.ics");
  ASSERT_TRUE(ics);
  EXPECT_EQ(ics->status, 200);
  EXPECT_NE(ics->body.find("BEGIN:VCALENDAR"), std::string::npos);
  auto roster = c.Get("/api/plans/current/files/roster.json");
  EXPECT_EQ(roster->body, store_->plan(v)->plan_json);
  // The unit exports byte for byte as imported.
  auto o = client(officer_);
  auto yaml = o.Get("/api/scenario");
  EXPECT_EQ(yaml->body, unit_text());
  // A plan file imported into a new store is stored and exported byte for byte.
  const std::string plan_file = store_->plan(v)->plan_json;
  const std::string other = path_ + "-other";
  {
    auto fresh = Store::open(other);
    ASSERT_TRUE(fresh.ok());
    Workspace again(**fresh);
    ASSERT_TRUE(again.import_scenario(unit_text(), "unit-64.yaml", "test").ok());
    auto imported = again.import_plan(plan_file, "roster.json", true, "test");
    ASSERT_TRUE(imported.ok()) << imported.error().message;
    EXPECT_EQ((*fresh)->plan(*imported)->plan_json, plan_file);
    EXPECT_EQ((*fresh)->current_scenario()->yaml, unit_text());
  }
  fs::remove(other);
  fs::remove(other + "-wal");
  fs::remove(other + "-shm");
  // A calendar link works with ?token= (phones cannot send a header).
  httplib::Client bare("127.0.0.1", api_->port());
  auto linked = bare.Get("/api/plans/current/files/people/taras-kozak.ics?token=" + viewer_);
  EXPECT_EQ(linked->status, 200);
}

// A person's sheet and calendar come in their native language (Taras:
// Ukrainian), or in the one ?lang= names (the page passes its own); names
// stay as they are; a language without a catalog is refused, naming the field.
TEST_F(Api, PersonSheetAndCalendarInTheirLanguageOrTheOneAskedFor) {
  plan_and_publish();
  auto c = client(viewer_);
  const std::string sheet = "/api/plans/current/files/people/taras-kozak.txt";
  EXPECT_EQ(c.Get(sheet)->body.rfind("Розклад: Taras Kozak (unit-64)\nВерсія плану 1, складено ", 0), 0u);
  EXPECT_EQ(c.Get(sheet + "?lang=ka")->body.rfind("განრიგი: Taras Kozak (unit-64)\nგეგმის ვერსია 1, შედგენილია ", 0), 0u);
  EXPECT_EQ(c.Get(sheet + "?lang=en")->body.rfind("Schedule for Taras Kozak (unit-64)\nPlan version 1, made ", 0), 0u);
  const std::string ics = c.Get("/api/plans/current/files/people/taras-kozak.ics?lang=pl")->body;
  EXPECT_NE(ics.find("\r\nSUMMARY:Na "), std::string::npos);  // a stay: "Na post-2"
  EXPECT_EQ(ics.find("\r\nSUMMARY:At "), std::string::npos);
  EXPECT_NE(c.Get("/api/plans/current/files/people/taras-kozak.ics")->body.find("\r\nSUMMARY:На "), std::string::npos);
  auto [status, schedule] = get(viewer_, "/api/plans/current/people/Taras%20Kozak?lang=es");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(schedule["text"].get<std::string>().rfind("Horario de Taras Kozak (unit-64)\n", 0), 0u);
  auto [refused, r] = get(viewer_, sheet + "?lang=de");
  EXPECT_EQ(refused, 400);
  EXPECT_EQ(r["error"]["field"], "lang");
  EXPECT_EQ(r["error"]["message"], "expected a language with a catalog in web/i18n (en, uk, pl, es, ka), got 'de'");
}

TEST_F(Api, UsersAreCheckedAndTheLastCoordinatorStays) {
  auto [blank, b] = post(coordinator_, "/api/users", R"({"name": "  ", "role": "viewer"})");
  EXPECT_EQ(blank, 400);
  EXPECT_EQ(b["error"]["field"], "name");
  auto [who, w] = post(coordinator_, "/api/users", R"({"name": "olena", "role": "viewer", "person": "Taras Kozk"})");
  EXPECT_EQ(who, 400);
  EXPECT_EQ(w["error"]["message"], "expected a person of the unit, got 'Taras Kozk'; did you mean 'Taras Kozak'?");
  auto c = client(coordinator_);
  auto last = c.Delete("/api/users/coordinator");
  EXPECT_EQ(last->status, 409);
  EXPECT_EQ(json::parse(last->body)["error"]["message"], "'coordinator' is the last coordinator: add another first");
  EXPECT_EQ(get(coordinator_, "/api/me").first, 200);
  // Another unit is not imported over this one.
  std::string other = unit_text();
  other.replace(other.find("unit: unit-64"), 13, "unit: unit-65");
  auto y = c.Post("/api/scenario?name=other.yaml", other, "application/yaml");
  EXPECT_EQ(y->status, 409);
  EXPECT_EQ(json::parse(y->body)["error"]["message"], "other.yaml: expected unit 'unit-64' (this store's unit), got 'unit-65'");
  // A viewer reads the watch bill, and of the people's files only their own.
  plan_and_publish();
  auto v = client(viewer_);
  EXPECT_EQ(v.Get("/api/plans/current/files/watch-bill.csv")->status, 200);
  EXPECT_EQ(v.Get("/api/plans/current/files/people/taras-kozak.txt")->status, 200);
  EXPECT_EQ(v.Get("/api/plans/current/files/people/olena-dovzhenko.txt")->status, 403);
}

// A repair's draft can be edited and the edit published over the plan in
// force (through the draft); a discarded draft no longer counts as newest.
TEST_F(Api, DraftChainsPublishAndDiscardedDraftsStepAside) {
  plan_and_publish();
  auto [rs, rbody] = post(officer_, "/api/repairs",
                          R"({"now": "day 6 10:00", "work": 100000,
                              "events": [{"unavailable": "Taras Kozak", "from": "day 6 10:00"}]})");
  ASSERT_EQ(rs, 202);
  ASSERT_EQ(finished(rbody["job"])["version"], 2);
  const std::string edit = R"({"kind": "swap-day", "people": ["Olena Dovzhenko", "Taras Kozak"], "day": "day 20",
                               "now": "day 6 10:00", "force": true})";
  auto [es, ebody] = post(officer_, "/api/plans/2/edits", edit);
  ASSERT_EQ(es, 201) << ebody.dump();
  EXPECT_EQ(ebody["version"], 3);
  EXPECT_EQ(post(officer_, "/api/plans/3/discard", "").first, 200);
  // 3 is discarded: 2 is the newest kept, and its edit is 4, published through draft 2.
  auto [again, again_body] = post(officer_, "/api/plans/2/edits", edit);
  ASSERT_EQ(again, 201) << again_body.dump();
  EXPECT_EQ(again_body["version"], 4);
  auto [pub, pub_body] = post(officer_, "/api/plans/4/publish", "");
  EXPECT_EQ(pub, 200) << pub_body.dump();
  // Draft 2 was made from 1, which is no longer in force.
  auto [stale, stale_body] = post(officer_, "/api/plans/2/publish", "");
  EXPECT_EQ(stale, 409);
  EXPECT_EQ(stale_body["error"]["message"],
            "draft 2 was made from version 1, but version 4 is in force now; repair or edit version 4 instead");
}

}  // namespace
}  // namespace vigil::server
