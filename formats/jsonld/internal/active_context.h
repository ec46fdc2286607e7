// Passerelle — the JSON-LD active context and term definitions.
//
// An ActiveContext is immutable once published as a CtxPtr
// (shared_ptr<const ActiveContext>): expansion shares it freely between
// nested objects and threads. Term maps are shared copy-on-write, so
// deriving a context by adding a few terms copies pointers, not
// definitions. Each context also memoises the contexts derived from it by
// applying a remote context URL or a term's scoped context (see
// DerivedCache): verifying a credential never re-processes a bundled
// context after the first time. The cache is guarded by a mutex; the rest
// of the object is read-only, so a CtxPtr is safe to use from any thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace passerelle::jsonld::internal {

using json = nlohmann::json;

// Container mapping keywords as bit flags.
enum Container : std::uint8_t {
  kContainerList = 1 << 0,
  kContainerSet = 1 << 1,
  kContainerIndex = 1 << 2,
  kContainerLanguage = 1 << 3,
  kContainerId = 1 << 4,
  kContainerType = 1 << 5,
  kContainerGraph = 1 << 6,
};

struct TermDefinition {
  // IRI mapping; nullopt when the term maps to null ("term": null).
  std::optional<std::string> iri;
  bool prefix = false;
  bool is_protected = false;
  bool reverse = false;
  std::optional<std::string> type;  // type mapping
  // Language / direction mappings: outer optional = mapping present,
  // inner = its value (null is a valid mapping).
  std::optional<std::optional<std::string>> language;
  std::optional<std::optional<std::string>> direction;
  std::uint8_t container = 0;
  std::optional<std::string> index;  // index mapping
  std::optional<std::string> nest;   // nest value
  // Scoped ("local") context and the base URL to process it with.
  std::shared_ptr<const json> context;
  std::optional<std::string> context_base_url;
  // Defined by a context the loader supplied (or by a scoped context of
  // such a term), not inline in the document: only these scoped contexts
  // are memoised, so a document cannot fill the memo with its own.
  bool from_loader = false;
  // Derived when the definition is made, not part of its identity: the IRI
  // mapping / type mapping is a well-formed absolute IRI (IsWellFormedIri in
  // iri.h), so toRdf need not check it again at every use.
  bool iri_well_formed = false;
  bool type_well_formed = false;

  bool Has(Container c) const { return (container & c) != 0; }
  // Equality ignoring `is_protected` (protected term redefinition check).
  bool SameExceptProtected(const TermDefinition& other) const;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using TermMap = std::unordered_map<std::string, std::shared_ptr<const TermDefinition>,
                                   StringHash, std::equal_to<>>;

class ActiveContext;
using CtxPtr = std::shared_ptr<const ActiveContext>;

class ActiveContext {
 public:
  ActiveContext();
  ~ActiveContext();
  ActiveContext(const ActiveContext&) = delete;
  ActiveContext& operator=(const ActiveContext&) = delete;

  // A mutable copy sharing the term map (copy-on-write) and no cache.
  std::shared_ptr<ActiveContext> Clone() const;

  // The definition of `term`, or nullptr.
  const TermDefinition* Find(std::string_view term) const {
    auto it = terms_->find(term);
    return it == terms_->end() ? nullptr : it->second.get();
  }
  bool HasProtectedTerms() const;
  const TermMap& terms() const { return *terms_; }

  // Mutators, used only while the context is being built.
  void SetTerm(const std::string& term, std::shared_ptr<const TermDefinition> def);
  // Removes and returns the definition of `term` (nullptr when none).
  std::shared_ptr<const TermDefinition> RemoveTerm(std::string_view term);

  std::optional<std::string> base_iri;           // null when removed
  std::optional<std::string> original_base_url;  // documentUrl or base option
  std::optional<std::string> vocab;
  std::optional<std::string> default_language;
  std::optional<std::string> default_direction;
  CtxPtr previous;  // the context before a non-propagated one was applied

  // --- Memoisation of derived contexts -----------------------------------
  // Only contexts marked cacheable (built from URLs and bundled scoped
  // contexts, never from inline document contexts) hold entries.
  struct DerivedKey {
    const void* scoped = nullptr;  // a term's scoped context (identity)
    std::string url;               // or a remote context URL
    std::uint8_t flags = 0;
    bool operator==(const DerivedKey&) const = default;
  };
  CtxPtr LookupDerived(const DerivedKey& key) const;
  // LookupDerived({nullptr, url, flags}) without building the key.
  CtxPtr LookupDerivedUrl(std::string_view url, std::uint8_t flags) const;
  // Stores `result`; `keepalive` pins the scoped context's address. False
  // when it was not stored (not cacheable, a cap reached, another thread
  // stored the same key first).
  bool StoreDerived(DerivedKey key, std::shared_ptr<const json> keepalive,
                    CtxPtr result) const;
  // Drops every memoised entry (breaks reference cycles of per-call trees).
  void ClearDerived() const;
  mutable std::atomic<bool> cacheable{false};

 private:
  std::shared_ptr<TermMap> terms_;
  // Set when another context shares terms_: copy before the next write.
  mutable std::atomic<bool> terms_shared_{false};

  struct DerivedEntry {
    DerivedKey key;
    std::shared_ptr<const json> keepalive;
    CtxPtr result;
  };
  mutable std::mutex mu_;
  mutable std::vector<DerivedEntry> derived_;
};

}  // namespace passerelle::jsonld::internal
