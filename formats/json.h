// Passerelle — strict JSON input, and the checked accessors every parser uses.
//
// Everything that reads JSON from outside goes through ParseJson: it caps
// bytes and depth, rejects invalid UTF-8 (including lone surrogates in
// escapes) and duplicate member names, and reports where it stopped. The
// nlohmann/json exceptions are caught here and nowhere else in formats/.
// Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "formats/status.h"

namespace passerelle {

struct JsonLimits {
  std::size_t max_bytes = 1 << 20;  // 1 MiB: a credential is a few KB
  int max_depth = 64;               // objects + arrays nested
};

// Parses UTF-8 JSON text strictly.
// Errors: kMalformed "at byte N: …" (syntax, invalid UTF-8, lone surrogate,
// duplicate member "/path/name", nesting deeper than max_depth) and
// kResourceExhausted when the input exceeds max_bytes.
Result<nlohmann::json> ParseJson(std::string_view text, const JsonLimits& limits = {});

// The RFC 8785 (JCS) text of a parsed object without one of its top-level
// members, known for free when the text it was parsed from was already in
// canonical form (as Passerelle and most issuers write credentials): then
// that text, minus the member and its comma, is the canonical form. Only
// ParseJson fills one, so it always describes the value parsed with it.
class JcsTextWithout {
 public:
  // True when the text was canonical; text() is then the JCS form.
  bool known() const { return known_; }
  std::string_view text() const { return text_; }

 private:
  friend Result<nlohmann::json> ParseJson(std::string_view, const JsonLimits&, std::string_view, JcsTextWithout&);
  bool known_ = false;
  std::string text_;
};

// ParseJson, also filling `canonical` with the JCS text of the value without
// its top-level member `member` when the text was canonical (conservative:
// "unknown" whenever the reader is unsure, e.g. for non-integer numbers).
Result<nlohmann::json> ParseJson(std::string_view text, const JsonLimits& limits, std::string_view member,
                                 JcsTextWithout& canonical);

// Serializes compactly (UTF-8 as is, no ASCII escaping); never throws.
std::string DumpJson(const nlohmann::json& value);
// Serializes with two-space indentation, for humans; never throws.
std::string DumpJsonPretty(const nlohmann::json& value);

// Frees the tree under `value` and leaves it null. Bottom-up, which costs
// ~20% less than nlohmann's own destructor (that one first moves every node
// onto a heap-allocated stack, to bound its recursion); for the DOMs the
// verifier releases on every call. Recursion stops at the reader's maximum
// depth; anything deeper is left to nlohmann's destructor.
void ReleaseJson(nlohmann::json& value);

// Escapes a member name for use in a JSON Pointer ("~" -> "~0", "/" -> "~1").
std::string JsonPointerEscape(std::string_view name);

// True when `value` is a JSON string equal to `text`. Use it instead of
// json == "…", which builds (and allocates) a temporary json to compare with.
bool JsonStringEquals(const nlohmann::json& value, std::string_view text);

// Checked accessors: Status instead of exceptions. `where` is a JSON Pointer
// naming the object, used in messages ("/credentialSubject: missing \"id\"").
// Returns the member, or nullptr when absent.
const nlohmann::json* FindMember(const nlohmann::json& object, std::string_view name);
// Returns the string member `name`; kMalformed when absent or not a string.
Result<std::string> GetString(const nlohmann::json& object, std::string_view name,
                              std::string_view where);
// Returns the member as a list of strings: a string alone or an array of strings.
// kMalformed when absent or of another shape.
Result<std::vector<std::string>> GetStringOrStrings(const nlohmann::json& object,
                                                    std::string_view name,
                                                    std::string_view where);

// A value that JSON-LD lets be one item or an array of items (proof,
// credentialStatus, verifiableCredential…), read as a list in place: an
// array's items, or the value itself as the only item. Holds a reference:
// the value must outlive it.
class OneOrMany {
 public:
  explicit OneOrMany(const nlohmann::json& value);
  std::size_t size() const { return size_; }
  // Item i < size().
  const nlohmann::json& operator[](std::size_t i) const;

  class Iterator {
   public:
    Iterator(const OneOrMany& list, std::size_t i) : list_(&list), i_(i) {}
    const nlohmann::json& operator*() const { return (*list_)[i_]; }
    Iterator& operator++() { ++i_; return *this; }
    bool operator!=(const Iterator& other) const { return i_ != other.i_; }

   private:
    const OneOrMany* list_;
    std::size_t i_;
  };
  Iterator begin() const { return Iterator(*this, 0); }
  Iterator end() const { return Iterator(*this, size_); }

 private:
  const nlohmann::json& value_;
  bool array_;
  std::size_t size_;
};

}  // namespace passerelle
