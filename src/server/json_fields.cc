// Strict reading of JSON request bodies (see json_fields.h).
#include "server/json_fields.h"

#include <cmath>

#include <fmt/format.h>

namespace vigil::server {

using nlohmann::json;

std::string describe_json(const json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return value.empty() ? "an empty list" : "a list";
  if (value.is_null()) return "null";
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

Outcome<json> parse_body(const std::string& body) {
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) return json::object();
  json doc;
  try {
    doc = json::parse(body);
  } catch (const json::parse_error& e) {
    return bad_request("", fmt::format("expected a JSON object, got text that is not JSON (at byte {})", e.byte));
  } catch (const json::exception& e) {
    // A number outside the range of a double (1e400) is nlohmann's
    // out_of_range, not a parse error: worded as the file readers word it.
    std::string words = e.what();
    if (const auto prefix = words.find("] "); prefix != std::string::npos) words = words.substr(prefix + 2);
    return bad_request("", "expected a number within range, got " + words);
  }
  if (!doc.is_object()) return bad_request("", "expected a JSON object, got " + describe_json(doc));
  return doc;
}

const json* Fields::find(const char* key) const {
  auto it = object_.find(key);
  return it == object_.end() || it->is_null() ? nullptr : &*it;
}

std::optional<ApiError> Fields::only(std::initializer_list<const char*> known) const {
  for (auto it = object_.begin(); it != object_.end(); ++it) {
    bool ok = false;
    std::string names;
    for (const char* k : known) {
      ok = ok || it.key() == k;
      names += std::string(names.empty() ? "" : ", ") + k;
    }
    if (!ok) return bad_request(field(it.key().c_str()), fmt::format("unknown field; expected only {}", names));
  }
  return std::nullopt;
}

std::optional<ApiError> Fields::text(const char* key, std::string& out, bool required) const {
  const json* v = find(key);
  if (!v) return required ? std::optional(bad_request(field(key), "expected a text, got nothing")) : std::nullopt;
  if (!v->is_string()) return bad_request(field(key), "expected a text, got " + describe_json(*v));
  out = v->get<std::string>();
  return std::nullopt;
}

std::optional<ApiError> Fields::whole(const char* key, std::int64_t& out, std::int64_t lo, std::int64_t hi,
                                      bool required) const {
  const json* v = find(key);
  const std::string expected = fmt::format("expected a whole number from {} to {}", lo, hi);
  if (!v) return required ? std::optional(bad_request(field(key), expected + ", got nothing")) : std::nullopt;
  if (!v->is_number_integer()) return bad_request(field(key), expected + ", got " + describe_json(*v));
  // Unsigned first: a value above the signed range must not wrap below `lo`.
  const bool too_big = v->is_number_unsigned() && v->get<std::uint64_t>() > static_cast<std::uint64_t>(hi);
  if (too_big || v->get<std::int64_t>() < lo || v->get<std::int64_t>() > hi)
    return bad_request(field(key), expected + ", got " + describe_json(*v));
  out = v->get<std::int64_t>();
  return std::nullopt;
}

std::optional<ApiError> Fields::number(const char* key, double& out, double lo, double hi, bool required) const {
  const json* v = find(key);
  const std::string expected = fmt::format("expected a number from {:g} to {:g}", lo, hi);
  if (!v) return required ? std::optional(bad_request(field(key), expected + ", got nothing")) : std::nullopt;
  if (!v->is_number() || !std::isfinite(v->get<double>()) || v->get<double>() < lo || v->get<double>() > hi)
    return bad_request(field(key), expected + ", got " + describe_json(*v));
  out = v->get<double>();
  return std::nullopt;
}

std::optional<ApiError> Fields::flag(const char* key, bool& out) const {
  const json* v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) return bad_request(field(key), "expected true or false, got " + describe_json(*v));
  out = v->get<bool>();
  return std::nullopt;
}

std::optional<ApiError> Fields::texts(const char* key, std::vector<std::string>& out, bool required) const {
  const json* v = find(key);
  if (!v) return required ? std::optional(bad_request(field(key), "expected a list of texts, got nothing")) : std::nullopt;
  if (!v->is_array()) return bad_request(field(key), "expected a list of texts, got " + describe_json(*v));
  out.clear();
  for (std::size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string())
      return bad_request(fmt::format("{}[{}]", field(key), i), "expected a text, got " + describe_json((*v)[i]));
    out.push_back((*v)[i].get<std::string>());
  }
  return std::nullopt;
}

}  // namespace vigil::server
