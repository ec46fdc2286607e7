// Passerelle — active context storage, copy-on-write terms and memoisation.
#include "formats/jsonld/internal/active_context.h"


namespace passerelle::jsonld::internal {
namespace {

// Derived-context entries across the whole process. Attackers choose which
// type combinations appear in a document, so the memo must not grow
// without bound: past the budget, results are simply not memoised.
constexpr long kMaxDerivedEntries = 4096;
constexpr size_t kMaxEntriesPerContext = 64;
std::atomic<long> g_derived_entries{0};

}  // namespace

bool TermDefinition::SameExceptProtected(const TermDefinition& o) const {
  if (iri != o.iri || prefix != o.prefix || reverse != o.reverse || type != o.type ||
      language != o.language || direction != o.direction || container != o.container ||
      index != o.index || nest != o.nest || context_base_url != o.context_base_url) {
    return false;
  }
  if ((context == nullptr) != (o.context == nullptr)) return false;
  if (context && context != o.context && *context != *o.context) return false;
  return true;
}

ActiveContext::ActiveContext() : terms_(std::make_shared<TermMap>()) {}

ActiveContext::~ActiveContext() {
  g_derived_entries.fetch_sub(static_cast<long>(derived_.size()), std::memory_order_relaxed);
}

std::shared_ptr<ActiveContext> ActiveContext::Clone() const {
  auto copy = std::make_shared<ActiveContext>();
  copy->terms_ = terms_;
  copy->terms_shared_ = true;
  terms_shared_ = true;  // the source must not write through either
  copy->base_iri = base_iri;
  copy->original_base_url = original_base_url;
  copy->vocab = vocab;
  copy->default_language = default_language;
  copy->default_direction = default_direction;
  copy->previous = previous;
  return copy;
}

bool ActiveContext::HasProtectedTerms() const {
  for (const auto& [term, def] : *terms_) {
    if (def->is_protected) return true;
  }
  return false;
}

void ActiveContext::SetTerm(const std::string& term, std::shared_ptr<const TermDefinition> def) {
  if (terms_shared_) {
    terms_ = std::make_shared<TermMap>(*terms_);
    terms_shared_ = false;
  }
  (*terms_)[term] = std::move(def);
}

std::shared_ptr<const TermDefinition> ActiveContext::RemoveTerm(std::string_view term) {
  auto it = terms_->find(term);
  if (it == terms_->end()) return nullptr;
  std::shared_ptr<const TermDefinition> old = it->second;
  if (terms_shared_) {
    terms_ = std::make_shared<TermMap>(*terms_);
    terms_shared_ = false;
    terms_->erase(terms_->find(term));
  } else {
    terms_->erase(it);
  }
  return old;
}

void ActiveContext::ClearDerived() const {
  std::vector<DerivedEntry> dropped;
  {
    std::lock_guard<std::mutex> lock(mu_);
    dropped.swap(derived_);
  }
  g_derived_entries.fetch_sub(static_cast<long>(dropped.size()), std::memory_order_relaxed);
}

CtxPtr ActiveContext::LookupDerived(const DerivedKey& key) const {
  if (!cacheable) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  for (const DerivedEntry& e : derived_) {
    if (e.key == key) return e.result;
  }
  return nullptr;
}

CtxPtr ActiveContext::LookupDerivedUrl(std::string_view url, std::uint8_t flags) const {
  if (!cacheable) return nullptr;
  std::lock_guard<std::mutex> lock(mu_);
  for (const DerivedEntry& e : derived_) {
    if (e.key.scoped == nullptr && e.key.flags == flags && e.key.url == url) return e.result;
  }
  return nullptr;
}

bool ActiveContext::StoreDerived(DerivedKey key, std::shared_ptr<const json> keepalive,
                                 CtxPtr result) const {
  if (!cacheable) return false;
  std::lock_guard<std::mutex> lock(mu_);
  if (derived_.size() >= kMaxEntriesPerContext) return false;
  for (const DerivedEntry& e : derived_) {
    if (e.key == key) return false;  // another thread got there first
  }
  if (g_derived_entries.fetch_add(1, std::memory_order_relaxed) >= kMaxDerivedEntries) {
    g_derived_entries.fetch_sub(1, std::memory_order_relaxed);
    return false;
  }
  derived_.push_back({std::move(key), std::move(keepalive), std::move(result)});
  return true;
}

}  // namespace passerelle::jsonld::internal
