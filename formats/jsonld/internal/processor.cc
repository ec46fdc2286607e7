// Passerelle — per-call JSON-LD state: bounds, JSON path, initial contexts.
#include "formats/jsonld/internal/processor.h"

#include <map>
#include <mutex>
#include <tuple>

namespace passerelle::jsonld::internal {
namespace {

// Initial contexts shared by all calls that use the bundled loader, so the
// contexts memoised under them (the bundled ones) survive between calls.
// Keyed by everything that can change a processing result.
struct RootKey {
  std::optional<std::string> base;
  std::optional<std::string> original_base;
  bool json_ld_10;
  bool safe_mode;
  auto Tie() const { return std::tie(base, original_base, json_ld_10, safe_mode); }
  bool operator<(const RootKey& o) const { return Tie() < o.Tie(); }
};
constexpr size_t kMaxSharedRoots = 16;

std::optional<std::string> NonEmpty(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

Processor::Processor(const JsonLdOptions& options, const DocumentLoader& loader)
    : options_(options),
      loader_(loader),
      json_ld_10_(options.processing_mode == "json-ld-1.0") {}

Processor::~Processor() {
  for (const CtxPtr& ctx : memo_holders_) ctx->ClearDerived();
}

Status Processor::CountContextOperation() {
  if (++context_operations_ > options_.max_context_operations) {
    return Status::ResourceExhausted("json-ld: more than " +
                                     std::to_string(options_.max_context_operations) +
                                     " context processing steps");
  }
  return Status::Ok();
}

Status Processor::Enter() {
  if (nesting_ >= kMaxNesting) {
    return Status::ResourceExhausted("json-ld: processing nested too deeply at " +
                                     (JsonPointer().empty() ? std::string("/") : JsonPointer()));
  }
  ++nesting_;
  return Status::Ok();
}

std::string Processor::JsonPointer() const {
  std::string out;
  for (const PathSegment& seg : path_) {
    out.push_back('/');
    if (seg.is_index) {
      out += std::to_string(seg.index);
      continue;
    }
    for (char c : seg.key) {
      if (c == '~') {
        out += "~0";
      } else if (c == '/') {
        out += "~1";
      } else {
        out.push_back(c);
      }
    }
  }
  return out;
}

Status Processor::SafeModeError(std::string_view event, std::string_view detail) const {
  std::string message = "safe mode: ";
  message += event;
  message += ": ";
  message += detail;
  message += " (at ";
  std::string pointer = JsonPointer();
  message += pointer.empty() ? "/" : pointer;
  message += ")";
  return Status::InvalidCredential(std::move(message));
}

void Processor::Memoise(const CtxPtr& holder, ActiveContext::DerivedKey key,
                        std::shared_ptr<const json> keepalive, const CtxPtr& result) {
  if (!holder->cacheable) return;
  // Only a stored result may memoise in turn: a derived context points back
  // at its holder (`previous`), so entries held by a result nobody keeps
  // would form a cycle that outlives it (a leak found by LeakSanitizer when
  // a cap was reached or two threads derived the same context at once).
  if (!holder->StoreDerived(std::move(key), std::move(keepalive), result)) return;
  result->cacheable = true;
  if (per_call_memo_) memo_holders_.push_back(holder);
}

CtxPtr Processor::InitialContext() {
  auto make_root = [&]() {
    auto root = std::make_shared<ActiveContext>();
    root->base_iri = NonEmpty(options_.base);
    if (!root->base_iri) root->base_iri = NonEmpty(options_.document_url);
    root->original_base_url = NonEmpty(options_.document_url);
    if (!root->original_base_url) root->original_base_url = NonEmpty(options_.base);
    root->cacheable = true;
    return root;
  };
  if (&loader_ == &BundledLoader()) {
    static std::mutex mu;
    static std::map<RootKey, CtxPtr>* roots = new std::map<RootKey, CtxPtr>();
    RootKey key{NonEmpty(options_.base), NonEmpty(options_.document_url), json_ld_10_,
                options_.safe_mode};
    std::lock_guard<std::mutex> lock(mu);
    auto it = roots->find(key);
    if (it != roots->end()) return it->second;
    if (roots->size() < kMaxSharedRoots) {
      CtxPtr root = make_root();
      roots->emplace(std::move(key), root);
      return root;
    }
  }
  per_call_memo_ = true;
  return make_root();
}

}  // namespace passerelle::jsonld::internal
