// Passerelle — the one place nlohmann/json parsing exceptions are caught.
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "formats/json.h"

namespace passerelle {
namespace {

using nlohmann::json;

// Tracks, per open container, the member names seen so far and where the
// parser is (a JSON Pointer), to reject duplicates and excessive nesting.
struct StrictnessTracker {
  struct Frame {
    bool is_array = false;
    std::size_t count = 0;  // elements seen so far (arrays)
    std::string key;        // the last member name (objects)
    std::string segment;    // this container's segment in the pointer
    std::unordered_set<std::string> seen;
  };
  int max_depth;
  std::vector<Frame> frames;
  std::string error;

  std::string Pointer() const {
    std::string p;
    for (std::size_t i = 1; i < frames.size(); ++i) p += "/" + JsonPointerEscape(frames[i].segment);
    return p.empty() ? std::string("/") : p;
  }

  // The segment a new child of the current container gets.
  std::string NextSegment() {
    if (frames.empty()) return {};
    Frame& top = frames.back();
    if (top.is_array) return std::to_string(top.count++);
    return top.key;
  }

  bool OnEvent(int depth, json::parse_event_t event, json& parsed) {
    if (!error.empty()) return false;
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start: {
        Frame f;
        f.is_array = event == json::parse_event_t::array_start;
        f.segment = NextSegment();
        if (frames.empty()) frames.emplace_back();  // the root's parent
        frames.push_back(std::move(f));
        if (depth >= max_depth) {
          error = "nesting deeper than " + std::to_string(max_depth) + " at " + Pointer();
          return false;
        }
        break;
      }
      case json::parse_event_t::key: {
        const std::string& k = parsed.get_ref<const std::string&>();
        Frame& top = frames.back();
        if (!top.seen.insert(k).second) {
          error = "duplicate member name \"" + JsonPointerEscape(k) + "\" in " + Pointer();
          return false;
        }
        top.key = k;
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (frames.size() > 1) frames.pop_back();
        break;
      case json::parse_event_t::value:
        if (!frames.empty() && frames.back().is_array) frames.back().count++;
        break;
    }
    return true;
  }
};

}  // namespace

Result<json> ParseJson(std::string_view text, const JsonLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return Status::ResourceExhausted("json: input of " + std::to_string(text.size()) +
                                     " bytes exceeds the limit of " +
                                     std::to_string(limits.max_bytes));
  }
  StrictnessTracker tracker{limits.max_depth, {}, {}};
  try {
    json::parser_callback_t cb = [&tracker](int depth, json::parse_event_t event,
                                            json& parsed) {
      return tracker.OnEvent(depth, event, parsed);
    };
    json value = json::parse(text.begin(), text.end(), cb, /*allow_exceptions=*/true,
                             /*ignore_comments=*/false);
    if (!tracker.error.empty()) return Status::Malformed("json: " + tracker.error);
    if (value.is_discarded()) return Status::Malformed("json: document rejected");
    return value;
  } catch (const json::parse_error& e) {
    if (!tracker.error.empty()) return Status::Malformed("json: " + tracker.error);
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: msg"
    auto pos = what.find("] ");
    if (pos != std::string::npos) what = what.substr(pos + 2);
    return Status::Malformed("json: at byte " + std::to_string(e.byte) + ": " + what);
  } catch (const std::exception& e) {
    return Status::Malformed(std::string("json: ") + e.what());
  }
}

std::string DumpJson(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string DumpJsonPretty(const json& value) {
  return value.dump(2, ' ', false, json::error_handler_t::replace);
}

std::string JsonPointerEscape(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

const json* FindMember(const json& object, std::string_view name) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(std::string(name));
  return it == object.end() ? nullptr : &*it;
}

Result<std::string> GetString(const json& object, std::string_view name, std::string_view where) {
  const json* m = FindMember(object, name);
  std::string at = std::string(where) + "/" + JsonPointerEscape(name);
  if (m == nullptr) return Status::Malformed(at + ": missing");
  if (!m->is_string()) return Status::Malformed(at + ": not a string");
  return m->get_ref<const std::string&>();
}

Result<std::vector<std::string>> GetStringOrStrings(const json& object, std::string_view name,
                                                    std::string_view where) {
  const json* m = FindMember(object, name);
  std::string at = std::string(where) + "/" + JsonPointerEscape(name);
  if (m == nullptr) return Status::Malformed(at + ": missing");
  std::vector<std::string> out;
  if (m->is_string()) {
    out.push_back(m->get_ref<const std::string&>());
    return out;
  }
  if (!m->is_array()) return Status::Malformed(at + ": not a string or array of strings");
  for (std::size_t i = 0; i < m->size(); ++i) {
    if (!(*m)[i].is_string())
      return Status::Malformed(at + "/" + std::to_string(i) + ": not a string");
    out.push_back((*m)[i].get_ref<const std::string&>());
  }
  return out;
}

}  // namespace passerelle
