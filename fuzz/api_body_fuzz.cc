// Fuzz target: the API's request bodies (server/json_fields.h parse_body and
// Fields, read as the endpoints read them) and, for a repair, the events
// file in JSON the workspace makes of the body's "events" and reads with the
// events reader (server/workspace_jobs.cc start_repair), against unit-64
// with a start date (a repair takes the plan in force's), so calendar times
// read too. Read events go through the checks after reading
// (fuzz_support.h check_events).
// Running a repair job itself (the store, the search) is too heavy to fuzz.
#include <optional>

#include "fuzz_support.h"
#include "server/json_fields.h"
#include "server/workspace.h"

namespace {

void check_api_error(const std::optional<vigil::server::ApiError>& e) {
  if (e && e->message.empty()) vigil::fuzz::broken("an API error without a message");
}

// Every typed reader of Fields over the fields the endpoints know.
void read_fields(const vigil::server::Fields& f) {
  std::string text;
  double number = 0;
  std::int64_t whole = 0;
  bool flag = false;
  std::vector<std::string> texts;
  check_api_error(f.only({"now", "events", "seconds", "work", "seed"}));
  check_api_error(f.only({"kind", "people", "day", "force", "reason", "publish", "now"}));
  for (const char* key : {"now", "name", "role", "person", "kind", "reason", "day", "to", "from"})
    check_api_error(f.text(key, text, true));
  check_api_error(f.number("seconds", number, 0.01, 600, false));
  for (const char* key : {"work", "seed", "work_per_case"})
    check_api_error(f.whole(key, whole, 0, 1'000'000'000'000, false));
  for (const char* key : {"force", "publish"}) check_api_error(f.flag(key, flag));
  for (const char* key : {"people", "watches"}) check_api_error(f.texts(key, texts, true));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vigil;
  using nlohmann::json;
  auto body = server::parse_body(fuzz::text_of(data, size));
  if (!body) {
    check_api_error(body.error());
    return 0;
  }
  read_fields(server::Fields(*body));
  const Problem& problem = fuzz::dated_unit64();
  if (body->contains("now") && body->at("now").is_string())
    if (auto now = server::now_minute(problem, body->at("now").get<std::string>(), "now"); !now)
      check_api_error(now.error());
  if (!body->contains("events") || !body->at("events").is_array() || body->at("events").empty()) return 0;
  auto events = parse_events(json{{"events", body->at("events")}}.dump(), "request", problem);
  if (!events) {
    fuzz::check_error(events.error());
    return 0;
  }
  fuzz::check_events(problem, fuzz::unit64_plan(), *events);
  return 0;
}
