// The scenario reader's document machinery, private to io/scenario_reader.cc
// and io/scenario_document.cc: where in the YAML tree a value is (Item), a
// map's fields checked against the names it may hold (Fields), and
// DocumentReader, which reads one value of each kind (text, whole numbers,
// durations, clock times, time points, choices, lists, free-key maps) and
// fails at its mark with the field's path. A mistake is thrown as a Failure;
// parse_scenario() catches it, so no exception leaves the reader.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "base/input_error.h"

namespace vigil::scenario_document {

struct Failure {
  InputError error;
};

// "6h", "90min", "90m", "1h30min", "1h 30min", "360" (minutes).
std::optional<long long> parse_duration(const std::string& text);

// A node, the mark to point at when it is wrong, and its field path.
struct Item {
  YAML::Node node;
  YAML::Mark mark;
  std::string path;
  bool present = true;  // false: the field is missing (node is an empty placeholder)

  bool empty() const { return !present || !node.IsDefined() || node.IsNull(); }
};

class DocumentReader;

// The fields of a map, checked on construction: every key is a known field
// name, given once.
class Fields {
 public:
  // `what` names the map ("a person"); a key not in `allowed` is an error
  // "expected a field of <what> (...), got 'key'" with the nearest allowed
  // name, or the hint in `aliases` for a known confusion (key -> field).
  Fields(const DocumentReader& reader, const Item& item, const std::string& what,
         const std::vector<std::string>& allowed, bool null_is_empty = false,
         const std::vector<std::pair<std::string, std::string>>& aliases = {}, const std::string& field_phrase = "");

  bool has(const std::string& key) const { return values_.count(key) > 0; }
  Item get(const std::string& key) const;
  // The field, or a failure "expected <expected>, got nothing" when missing or empty.
  Item require(const std::string& key, const std::string& expected) const;
  const Item& item() const { return item_; }

 private:
  const DocumentReader& reader_;
  Item item_;
  std::map<std::string, std::pair<YAML::Node, YAML::Node>> values_;  // key -> (key node, value node)
};

// Reads single values of a scenario's text and reports mistakes at their
// place in it. The section readers (io/scenario_reader.cc) build on it.
class DocumentReader {
 public:
  DocumentReader(const std::string& text, std::string file);

  // ---- errors -------------------------------------------------------------
  [[noreturn]] void fail_at(const YAML::Mark& at, const std::string& path, const std::string& message) const;
  [[noreturn]] void fail(const Item& at, const std::string& message) const;
  [[noreturn]] void expected(const Item& at, const std::string& what) const;
  [[noreturn]] void syntax_error(const YAML::Exception& e) const;

  // ---- values ---------------------------------------------------------------
  std::string text(const Item& it, const std::string& what) const;
  // Text that names something (a person, a post, a language): at most
  // kMaxNameLength characters.
  std::string name(const Item& it, const std::string& what) const;
  long long integer(const Item& it, const std::string& what, long long lo, long long hi) const;
  int small_int(const Item& it, const std::string& what, int lo, int hi) const;
  int duration(const Item& it, const std::string& what, int lo, int hi) const;
  int clock(const Item& it, const std::string& what) const;
  // A time point in unit minutes, within [lo, hi], read against the
  // changeover (which the horizon sets).
  int time_point(const Item& it, const std::string& what, int lo, int hi, const std::string& range_text) const;
  bool boolean(const Item& it) const;
  // One of `names`, returned as its index; `what` names the kind of thing.
  int choice(const Item& it, const std::string& what, const std::vector<std::string>& names,
             bool ignore_case = false) const;
  // The elements of a list; with `null_is_empty`, an empty value is an empty list.
  std::vector<Item> list(const Item& it, const std::string& what, bool null_is_empty = false) const;
  // The entries of a map with free keys (a person's languages): key and value items.
  std::vector<std::pair<Item, Item>> entries(const Item& it, const std::string& what, const std::string& noun) const;

 protected:
  std::string file_;
  std::vector<std::string> lines_;
  int changeover_ = 6 * 60;
};

}  // namespace vigil::scenario_document
