// The JSON API over HTTP (see api.h and docs/api.md): authentication, roles,
// request bodies read strictly, and each route handed to the Workspace.
#include "server/api.h"

#include <charconv>

#include <sys/socket.h>
#include <functional>

#include <fmt/format.h>
#include <httplib.h>

#include "base/name_suggestion.h"
#include "report/catalogs.h"
#include "server/assets.h"
#include "server/http_body.h"
#include "server/json_fields.h"

namespace vigil::server {
namespace {

using nlohmann::json;
using Request = httplib::Request;
using Response = httplib::Response;
using Handler = std::function<void(const Request&, Response&, const User&)>;

void send_json(Response& res, int status, const json& body) {
  res.status = status;
  // With a charset, cpp-httplib leaves the body alone (see http_body.h); these are small.
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

// A JSON answer that may be large (lists, job results): gzip when the client
// accepts it, sent past cpp-httplib's own compression (http_body.h).
void send_large_json(const Request& req, Response& res, int status, const json& body) {
  res.status = status;
  send_body(req, res, body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(Response& res, const ApiError& e) {
  json error{{"status", e.status}, {"field", e.field}, {"message", e.message}};
  if (!e.details.is_null()) error["details"] = e.details;
  send_json(res, e.status, {{"error", error}});
}

int rank(Role role) {
  switch (role) {
    case Role::kCoordinator: return 2;
    case Role::kOfficer: return 1;
    case Role::kViewer: return 0;
  }
  return 0;
}

std::string token_of(const Request& req) {
  const std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
  if (req.method == "GET" && req.has_param("token")) return req.get_param_value("token");
  return {};
}

std::optional<std::int64_t> whole_number(const std::string& text) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

// The number in the path (a version or a job), or nullopt after a 400.
std::optional<std::int64_t> path_number(const Request& req, Response& res, const char* field) {
  auto n = whole_number(req.matches[1]);
  if (!n) send_error(res, bad_request(field, "expected a whole number from 1 up, got '" + std::string(req.matches[1]) + "'"));
  return n;
}

json job_json(const JobSnapshot& s) {
  return json{{"id", s.id},
              {"kind", s.kind},
              {"user", s.user},
              {"state", job_state_name(s.state)},
              {"revision", s.revision},
              {"elapsed", s.elapsed},
              {"best", s.has_best ? json{{"hard", s.best_hard}, {"soft", s.best_soft}} : json(nullptr)},
              {"moves", s.moves},
              {"message", s.message},
              {"version", s.version ? json(s.version) : json(nullptr)},
              {"result", s.result.empty() ? json(nullptr) : json::parse(s.result, nullptr, false)}};
}

template <class T>
bool unpack(Response& res, const Outcome<T>& outcome) {
  if (outcome) return true;
  send_error(res, outcome.error());
  return false;
}


// Authenticates, checks the role, then runs the handler.
httplib::Server::Handler guarded(Workspace& ws, Role needed, Handler handler) {
  return [&ws, needed, handler](const Request& req, Response& res) {
    const std::string token = token_of(req);
    if (token.empty()) return send_error(res, {401, "Authorization", "expected a token: Authorization: Bearer TOKEN"});
    const auto user = ws.store().user_by_token(token);
    if (!user) return send_error(res, {401, "Authorization", "unknown or revoked token"});
    if (rank(user->role) < rank(needed))
      return send_error(res, {403, "", fmt::format("{} may not do this: it needs {}", role_name(user->role),
                                                   role_name(needed))});
    handler(req, res, *user);
  };
}

// A version in the path: a number or "current" (the plan in force); 0 after
// sending the error. A viewer reads the plan in force only.
std::int64_t version_of(Workspace& ws, const Request& req, Response& res, const User& user) {
  const std::string text = req.matches[1];
  const std::int64_t in_force = ws.in_force_version();
  std::int64_t v = 0;
  if (text == "current") {
    if (!in_force) return send_error(res, not_found("version", "no plan is in force yet")), 0;
    v = in_force;
  } else if (auto n = whole_number(text)) {
    v = *n;
  } else {
    return send_error(res, bad_request("version", "expected a version number or 'current', got '" + text + "'")), 0;
  }
  if (user.role == Role::kViewer && v != in_force)
    return send_error(res, {403, "version", "a viewer reads the plan in force only"}), 0;
  return v;
}

// ?lang=CODE, the language of a person's sheet and calendar: "" (their own
// native language, else English) when not given; nullopt after the error
// when vigil has no catalog for it.
std::optional<std::string> sheet_language_of(const Request& req, Response& res) {
  const std::string code = req.get_param_value("lang");
  if (code.empty()) return code;
  if (std::string e = catalog_code_error(code); !e.empty()) return send_error(res, bad_request("lang", e)), std::nullopt;
  return code;
}

std::optional<json> body_of(const Request& req, Response& res) {
  auto body = parse_body(req.body);
  if (!body) return send_error(res, body.error()), std::nullopt;
  return *body;
}

// The unit, the people, the plans and their files.
void read_routes(httplib::Server& s, Workspace& ws) {
  s.Get("/api/health", [](const Request&, Response& res) { send_json(res, 200, {{"ok", true}}); });
  s.Get("/api/me", guarded(ws, Role::kViewer, [](const Request&, Response& res, const User& u) {
          send_json(res, 200, {{"name", u.name}, {"role", role_name(u.role)}, {"person", u.person}});
        }));
  s.Get("/api/unit", guarded(ws, Role::kViewer, [&ws](const Request&, Response& res, const User&) {
          auto unit = ws.unit_json();
          if (unpack(res, unit)) send_json(res, 200, *unit);
        }));
  s.Get("/api/people", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User&) {
          auto people = ws.people_json(req.get_param_value("now"));
          if (unpack(res, people)) send_large_json(req, res, 200, *people);
        }));
  s.Get("/api/scenario", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User&) {
          const auto current = ws.store().current_scenario();
          if (!current) return send_error(res, not_found("unit", "no unit yet"));
          send_body(req, res, current->yaml, "application/yaml; charset=utf-8");
        }));
  s.Post("/api/scenario", guarded(ws, Role::kCoordinator, [&ws](const Request& req, Response& res, const User& u) {
           auto id = ws.import_scenario(req.body, req.has_param("name") ? req.get_param_value("name") : "scenario.yaml",
                                        u.name);
           if (unpack(res, id)) send_json(res, 201, {{"scenario_version", *id}});
         }));
  s.Get("/api/plans", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User&) {
          send_large_json(req, res, 200, ws.plans_json());
        }));
  s.Post("/api/plans", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User& u) {
           auto v = ws.import_plan(req.body, req.has_param("name") ? req.get_param_value("name") : "roster.json",
                                   req.get_param_value("publish") == "true", u.name);
           if (unpack(res, v)) send_json(res, 201, {{"version", *v}});
         }));
  s.Get(R"(/api/plans/(\d+|current))", guarded(ws, Role::kViewer, [&ws](const Request& req, Response& res,
                                                                                 const User& u) {
          const std::int64_t v = version_of(ws, req, res, u);
          if (v == 0) return;
          auto plan = ws.plan_json(v);
          if (unpack(res, plan)) send_body(req, res, *plan, "application/json; charset=utf-8");
        }));
  s.Get(R"(/api/plans/(\d+|current)/files/(.+))",
        guarded(ws, Role::kViewer, [&ws](const Request& req, Response& res, const User& u) {
          const std::int64_t v = version_of(ws, req, res, u);
          if (v == 0) return;
          const std::string name = req.matches[2];
          // A viewer's people/ files are their own; the watch bill and the rest are everyone's.
          if (u.role == Role::kViewer && name.rfind("people/", 0) == 0) {
            const std::string own = u.person.empty() ? "" : ws.slug_of(v, u.person);
            if (own.empty() || (name != "people/" + own + ".txt" && name != "people/" + own + ".ics"))
              return send_error(res, {403, "file", "a viewer reads their own schedule only"});
          }
          const auto language = sheet_language_of(req, res);
          if (!language) return;
          std::string type;
          auto file = ws.export_file(v, name, type, *language);
          if (unpack(res, file)) send_body(req, res, std::move(*file), type);
        }));
  s.Get(R"(/api/plans/(\d+|current)/people/(.+))",
        guarded(ws, Role::kViewer, [&ws](const Request& req, Response& res, const User& u) {
          const std::int64_t v = version_of(ws, req, res, u);
          if (v == 0) return;
          const std::string person = req.matches[2];
          if (u.role == Role::kViewer && person != u.person)
            return send_error(res, {403, "person", "a viewer reads their own schedule only"});
          const auto language = sheet_language_of(req, res);
          if (!language) return;
          auto schedule = ws.schedule_json(v, person, *language);
          if (unpack(res, schedule)) send_json(res, 200, *schedule);
        }));
}

// Change reports, publishing, discarding and hand edits.
void write_routes(httplib::Server& s, Workspace& ws) {
  s.Get("/api/changes", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User&) {
          const auto from = whole_number(req.get_param_value("from"));
          const auto to = whole_number(req.get_param_value("to"));
          if (!from) return send_error(res, bad_request("from", "expected a version number"));
          if (!to) return send_error(res, bad_request("to", "expected a version number"));
          auto report = ws.changes_json(*from, *to);
          if (unpack(res, report)) send_body(req, res, std::move(*report), "application/json; charset=utf-8");
        }));
  s.Post(R"(/api/plans/(\d+)/publish)", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User& u) {
           const auto v = path_number(req, res, "version");
           if (!v) return;
           auto done = ws.publish(*v, u.name);
           if (unpack(res, done)) send_json(res, 200, *done);
         }));
  s.Post(R"(/api/plans/(\d+)/discard)", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User& u) {
           const auto v = path_number(req, res, "version");
           if (!v) return;
           auto done = ws.discard(*v, u.name);
           if (unpack(res, done)) send_json(res, 200, *done);
         }));
  s.Post(R"(/api/plans/(\d+)/edits)",
         guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User& u) {
           const auto body = body_of(req, res);
           if (!body) return;
           const auto v = path_number(req, res, "version");
           if (!v) return;
           auto done = ws.edit(*v, *body, u.name);
           if (unpack(res, done)) send_json(res, 201, *done);
         }));
}

// Plan, repair and resilience jobs, their state and their event stream.
void job_routes(httplib::Server& s, Workspace& ws) {
  s.Post("/api/jobs/plan", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User& u) {
           const auto body = body_of(req, res);
           if (!body) return;
           const Fields f(*body);
           PlanJobRequest r;
           std::int64_t seed = 1;
           if (auto e = f.only({"seconds", "work", "seed"})) return send_error(res, *e);
           if (auto e = f.number("seconds", r.seconds, 0.01, 3600, false)) return send_error(res, *e);
           if (auto e = f.whole("work", r.work, 0, 1'000'000'000'000, false)) return send_error(res, *e);
           if (auto e = f.whole("seed", seed, 0, 1'000'000'000, false)) return send_error(res, *e);
           r.seed = static_cast<std::uint64_t>(seed);
           auto id = ws.start_plan(r, u.name);
           if (unpack(res, id)) send_json(res, 202, {{"job", *id}});
         }));
  s.Post("/api/repairs", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User& u) {
           const auto body = body_of(req, res);
           if (!body) return;
           auto id = ws.start_repair(*body, u.name);
           if (unpack(res, id)) send_json(res, 202, {{"job", *id}});
         }));
  s.Post("/api/jobs/resilience",
         guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User& u) {
           const auto body = body_of(req, res);
           if (!body) return;
           auto id = ws.start_resilience(*body, u.name);
           if (unpack(res, id)) send_json(res, 202, {{"job", *id}});
         }));
  s.Get(R"(/api/jobs/(\d+))", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User&) {
          const auto id = path_number(req, res, "job");
          if (!id) return;
          const auto job = ws.jobs().get(*id);
          if (!job) return send_error(res, not_found("job", "no such job"));
          send_large_json(req, res, 200, job_json(*job));
        }));
  s.Post(R"(/api/jobs/(\d+)/cancel)", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User&) {
           const auto number = path_number(req, res, "job");
           if (!number) return;
           const std::int64_t id = *number;
           if (!ws.jobs().get(id)) return send_error(res, not_found("job", "no such job"));
           if (!ws.jobs().cancel(id)) return send_error(res, conflict("job", "the job is not running"));
           send_json(res, 202, {{"job", id}, {"cancelling", true}});
         }));
  // Server-sent events: the job's state on every change (at most every
  // 200 ms), a keep-alive comment every 15 s, the last state when it ends.
  s.Get(R"(/api/jobs/(\d+)/events)", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User&) {
          const auto number = path_number(req, res, "job");
          if (!number) return;
          const std::int64_t id = *number;
          if (!ws.jobs().get(id)) return send_error(res, not_found("job", "no such job"));
          auto seen = std::make_shared<std::uint64_t>(0);
          auto first = std::make_shared<bool>(true);
          res.set_header("Cache-Control", "no-cache");
          res.set_chunked_content_provider("text/event-stream", [&ws, id, seen, first](std::size_t,
                                                                                        httplib::DataSink& sink) {
            auto job = *first ? ws.jobs().get(id) : ws.jobs().wait_for_change(id, *seen, 15000);
            *first = false;
            if (!job) return false;
            if (job->revision == *seen && job->state == JobState::kRunning) {
              const std::string ping = ": keep-alive\n\n";
              return sink.write(ping.data(), ping.size());
            }
            *seen = job->revision;
            const bool over = job->state != JobState::kRunning;
            const std::string event = fmt::format("event: {}\ndata: {}\n\n", over ? "end" : "progress",
                                                  job_json(*job).dump());
            if (!sink.write(event.data(), event.size())) return false;
            if (over) sink.done();
            else std::this_thread::sleep_for(std::chrono::milliseconds(200));
            return true;
          });
        }));
}

// Events, the audit log and users.
void admin_routes(httplib::Server& s, Workspace& ws) {
  s.Get("/api/events", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User&) {
          json out = json::array();
          for (const StoredEvent& e : ws.store().events())
            out.push_back({{"id", e.id}, {"plan", e.plan}, {"event", e.event_yaml}, {"author", e.author}, {"made", e.made}});
          send_large_json(req, res, 200, {{"events", out}});
        }));
  s.Get("/api/audit", guarded(ws, Role::kOfficer, [&ws](const Request& req, Response& res, const User&) {
          json out = json::array();
          for (const AuditEntry& a : ws.store().audit_log())
            out.push_back({{"id", a.id}, {"at", a.at}, {"user", a.user}, {"action", a.action}, {"target", a.target},
                           {"before", a.before}, {"after", a.after}});
          send_large_json(req, res, 200, {{"audit", out}});
        }));
  s.Get("/api/users", guarded(ws, Role::kCoordinator, [&ws](const Request&, Response& res, const User&) {
          json out = json::array();
          for (const User& u : ws.store().users())
            out.push_back({{"name", u.name}, {"role", role_name(u.role)}, {"person", u.person}, {"created", u.created},
                           {"revoked", u.revoked}});
          send_json(res, 200, {{"users", out}});
        }));
  s.Post("/api/users", guarded(ws, Role::kCoordinator, [&ws](const Request& req, Response& res, const User& u) {
           const auto body = body_of(req, res);
           if (!body) return;
           const Fields f(*body);
           std::string name, role_text, person;
           if (auto e = f.only({"name", "role", "person"})) return send_error(res, *e);
           if (auto e = f.text("name", name, true)) return send_error(res, *e);
           if (auto e = f.text("role", role_text, true)) return send_error(res, *e);
           if (auto e = f.text("person", person, false)) return send_error(res, *e);
           const auto role = parse_role(role_text);
           if (!role)
             return send_error(res, bad_request("role", "expected coordinator, officer or viewer, got '" + role_text + "'"));
           if (!person.empty()) {
             auto problem = ws.current_problem();
             if (!problem) return send_error(res, problem.error());
             if (!(*problem)->find_person(person)) {
               std::vector<std::string> names;
               for (const Person& p : (*problem)->people) names.push_back(p.name);
               return send_error(res, bad_request("person", "expected a person of the unit, got '" + person + "'" +
                                                                did_you_mean(person, names)));
             }
           }
           auto token = ws.store().add_user(name, *role, person, u.name);
           if (!token) {
             const std::string& m = token.error().message;
             return send_error(res, m.rfind("expected", 0) == 0 ? bad_request("name", m) : conflict("name", m));
           }
           send_json(res, 201, {{"name", name}, {"role", role_name(*role)}, {"token", *token}});
         }));
  s.Delete(R"(/api/users/(.+))", guarded(ws, Role::kCoordinator, [&ws](const Request& req, Response& res, const User& u) {
             const std::string name = req.matches[1];
             std::string error;
             if (!ws.store().revoke_user(name, u.name, &error))
               return send_error(res, error.rfind("no user", 0) == 0 ? not_found("name", error) : conflict("name", error));
             send_json(res, 200, {{"name", std::string(req.matches[1])}, {"revoked", true}});
           }));
}

}  // namespace

ApiServer::ApiServer(Workspace& workspace) : workspace_(workspace), http_(std::make_unique<httplib::Server>()) {
  routes();
}

ApiServer::~ApiServer() { stop(); }

bool ApiServer::bind(const ServeOptions& options, std::string& error) {
  const int threads = options.threads;
  http_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  // cpp-httplib 0.11 listens with a backlog of 5: a hundred phones opening
  // at once at a changeover would see dropped connections and retries of up
  // to half a minute. The listening socket is noted here and its backlog
  // raised once bound.
  auto listening = std::make_shared<int>(-1);
  http_->set_socket_options([listening](socket_t sock) {
    httplib::default_socket_options(sock);
    *listening = sock;
  });
  port_ = options.port == 0 ? http_->bind_to_any_port(options.host) : (http_->bind_to_port(options.host, options.port)
                                                                           ? options.port
                                                                           : -1);
  if (port_ > 0 && *listening >= 0) ::listen(*listening, SOMAXCONN);
  if (port_ <= 0) {
    error = fmt::format("cannot listen on {}:{} (address taken, or not an address of this machine)", options.host,
                        options.port);
    return false;
  }
  return true;
}

void ApiServer::listen() { http_->listen_after_bind(); }

void ApiServer::stop() {
  if (http_ && http_->is_running()) http_->stop();
}

void ApiServer::routes() {
  httplib::Server& s = *http_;
  Workspace& ws = workspace_;
  s.set_payload_max_length(kMaxBodyBytes);
  s.set_keep_alive_max_count(100);
  s.set_error_handler([](const Request&, Response& res) {
    if (!res.body.empty()) return;
    const std::string message = res.status == 413   ? fmt::format("expected a body of at most {} bytes", kMaxBodyBytes)
                                : res.status == 404 ? "no such endpoint (see docs/api.md)"
                                                    : "the request could not be served";
    send_error(res, {res.status, "", message});
  });
  s.set_exception_handler([](const Request&, Response& res, std::exception_ptr ep) {
    std::string what = "unknown error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    send_error(res, {500, "", "internal error: " + what});
  });
  read_routes(s, ws);
  write_routes(s, ws);
  job_routes(s, ws);
  admin_routes(s, ws);
  add_web_routes(s);  // the page itself (assets.h)
}

}  // namespace vigil::server
