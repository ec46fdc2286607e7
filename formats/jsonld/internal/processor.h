// Passerelle — per-call state of one JSON-LD operation (Expand or ToRdf).
//
// Holds the options, the document loader, the work counters that bound
// hostile input, the JSON path of the value being processed (for error
// messages) and the safe-mode policy. One Processor per call; never shared
// between threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/jsonld/document_loader.h"
#include "formats/jsonld/internal/active_context.h"
#include "formats/jsonld/options.h"
#include "formats/status.h"

namespace passerelle::jsonld::internal {

// Recursion frames allowed across expansion and context processing. The
// input depth is checked up front against options.max_depth; this bound
// catches the remaining ways to recurse (scoped contexts within contexts).
inline constexpr int kMaxNesting = 512;

class Processor {
 public:
  Processor(const JsonLdOptions& options, const DocumentLoader& loader);
  ~Processor();
  Processor(const Processor&) = delete;
  Processor& operator=(const Processor&) = delete;

  const JsonLdOptions& options() const { return options_; }
  const DocumentLoader& loader() const { return loader_; }
  bool json_ld_10() const { return json_ld_10_; }
  bool safe_mode() const { return options_.safe_mode; }

  // Counts one context-processing step; errors past the configured bound.
  Status CountContextOperation();

  // JSON path of the value being processed, as a JSON Pointer ("" = root).
  void PushKey(std::string_view key) { path_.push_back({key, 0, false}); }
  void PushIndex(size_t index) { path_.push_back({{}, index, true}); }
  void Pop() { path_.pop_back(); }
  std::string JsonPointer() const;

  // Safe-mode violation: kInvalidCredential "safe mode: <event>: <detail>
  // (at <pointer>)". Callers check safe_mode() first.
  Status SafeModeError(std::string_view event, std::string_view detail) const;

  // Recursion guard: Enter() fails past kMaxNesting; pair with Leave().
  Status Enter();
  void Leave() { --nesting_; }

  // Memoises `result` as derived from `holder` (see ActiveContext). Entries
  // of a per-call tree are cleared when the call ends, which breaks the
  // parent -> derived -> previous -> parent reference cycles.
  void Memoise(const CtxPtr& holder, ActiveContext::DerivedKey key,
               std::shared_ptr<const json> keepalive, const CtxPtr& result);

  // The initial (empty) active context for this call; shared across calls
  // for the bundled loader.
  CtxPtr InitialContext();

 private:
  struct PathSegment {
    std::string_view key;
    size_t index;
    bool is_index;
  };
  const JsonLdOptions& options_;
  const DocumentLoader& loader_;
  bool json_ld_10_;
  size_t context_operations_ = 0;
  int nesting_ = 0;
  std::vector<PathSegment> path_;
  bool per_call_memo_ = false;
  std::vector<CtxPtr> memo_holders_;
};

// RAII form of Processor::Enter/Leave.
class NestingGuard {
 public:
  explicit NestingGuard(Processor& p) : p_(p), status_(p.Enter()) {}
  ~NestingGuard() {
    if (status_.ok()) p_.Leave();
  }
  const Status& status() const { return status_; }

 private:
  Processor& p_;
  Status status_;
};

// RAII path segment.
class PathScope {
 public:
  PathScope(Processor& p, std::string_view key) : p_(p) { p.PushKey(key); }
  PathScope(Processor& p, size_t index) : p_(p) { p.PushIndex(index); }
  ~PathScope() { p_.Pop(); }

 private:
  Processor& p_;
};

}  // namespace passerelle::jsonld::internal
