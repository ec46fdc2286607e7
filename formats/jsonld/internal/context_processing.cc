// Passerelle — JSON-LD 1.1 Context Processing algorithm (API §4.1).
#include "formats/jsonld/internal/context_processing.h"

#include <algorithm>

#include "formats/jsonld/internal/errors.h"
#include "formats/jsonld/internal/iri.h"
#include "formats/jsonld/internal/iri_expansion.h"
#include "formats/jsonld/internal/keywords.h"

namespace passerelle::jsonld::internal {
namespace {

constexpr std::uint8_t FlagBits(const ContextFlags& f) {
  return static_cast<std::uint8_t>((f.override_protected ? 1 : 0) | (f.propagate ? 2 : 0) |
                                   (f.validate_scoped ? 4 : 0));
}

// The context being built: starts as the (shared) input and is cloned on
// the first change, so unchanged contexts and memo hits cost no copy.
class Builder {
 public:
  explicit Builder(CtxPtr start) : current_(std::move(start)) {}
  const CtxPtr& current() const { return current_; }
  ActiveContext& Mutable() {
    if (!mutable_) {
      mutable_ = current_->Clone();
      current_ = mutable_;
    }
    return *mutable_;
  }
  void Replace(CtxPtr ctx) {
    current_ = std::move(ctx);
    mutable_ = nullptr;
  }

 private:
  CtxPtr current_;
  std::shared_ptr<ActiveContext> mutable_;
};

Result<std::shared_ptr<const json>> LoadContextDocument(Processor& p, const std::string& url) {
  auto doc = p.loader().Load(url);
  if (!doc.ok()) {
    return MakeError(JsonLdError::kLoadingRemoteContextFailed,
                     url + ": " + doc.status().message());
  }
  return std::move(doc).value();
}

// Step 5.2: a context IRI.
Status ProcessRemote(Processor& p, Builder& result, const std::string& context,
                     const std::optional<std::string>& base_url,
                     const std::vector<std::string>& remote, ContextFlags flags) {
  // No copy of the URL on the common path (a memo hit on an absolute URL).
  std::string resolved;
  const std::string* url_ptr = &context;
  if (base_url && IsAbsoluteIri(*base_url)) {
    resolved = ResolveIri(*base_url, context);
    url_ptr = &resolved;
  } else if (!IsAbsoluteIri(context)) {
    return MakeError(JsonLdError::kLoadingDocumentFailed,
                     "relative context IRI \"" + context + "\" with no base URL");
  }
  const std::string& url = *url_ptr;
  bool seen = std::find(remote.begin(), remote.end(), url) != remote.end();
  if (!flags.validate_scoped && seen) return Status::Ok();
  if (seen) return MakeError(JsonLdError::kRecursiveContextInclusion, url);
  if (remote.size() >= p.options().max_remote_contexts) {
    return MakeError(JsonLdError::kContextOverflow,
                     "more than " + std::to_string(p.options().max_remote_contexts) +
                         " nested remote contexts at " + url);
  }
  ContextFlags inner;
  inner.override_protected = flags.override_protected;
  inner.validate_scoped = flags.validate_scoped;
  inner.from_loader = true;
  // Top-level remote contexts are memoised on the context they apply to.
  bool memo = remote.empty();
  if (memo) {
    if (CtxPtr hit = result.current()->LookupDerivedUrl(url, FlagBits(inner))) {
      result.Replace(std::move(hit));
      return Status::Ok();
    }
  }
  ActiveContext::DerivedKey key{nullptr, url, FlagBits(inner)};
  PSL_ASSIGN_OR_RETURN(std::shared_ptr<const json> doc, LoadContextDocument(p, url));
  if (!doc->is_object() || !doc->contains("@context")) {
    return MakeError(JsonLdError::kInvalidRemoteContext,
                     url + " is not a map with an @context entry");
  }
  std::vector<std::string> chain = remote;
  chain.push_back(url);
  CtxPtr start = result.current();
  PSL_ASSIGN_OR_RETURN(CtxPtr processed,
                       ProcessContext(p, start, (*doc)["@context"], url, chain, inner));
  if (memo) p.Memoise(start, std::move(key), nullptr, processed);
  result.Replace(std::move(processed));
  return Status::Ok();
}

Result<json> ImportContext(Processor& p, const json& context,
                           const std::optional<std::string>& base_url) {
  if (p.json_ld_10()) {
    return MakeError(JsonLdError::kInvalidContextEntry, "@import in json-ld-1.0 mode");
  }
  const json& value = context["@import"];
  if (!value.is_string()) {
    return MakeError(JsonLdError::kInvalidImportValue, "@import must be a string");
  }
  std::string url = value.get<std::string>();
  if (base_url && IsAbsoluteIri(*base_url)) url = ResolveIri(*base_url, url);
  PSL_ASSIGN_OR_RETURN(std::shared_ptr<const json> doc, LoadContextDocument(p, url));
  if (!doc->is_object() || !doc->contains("@context") || !(*doc)["@context"].is_object()) {
    return MakeError(JsonLdError::kInvalidRemoteContext,
                     url + " (imported) is not a map with a map @context entry");
  }
  const json& imported = (*doc)["@context"];
  if (imported.contains("@import")) {
    return MakeError(JsonLdError::kInvalidContextEntry, url + " (imported) has @import");
  }
  json merged = imported;
  for (auto it = context.begin(); it != context.end(); ++it) merged[it.key()] = it.value();
  return merged;
}

// Steps 5.5 - 5.12: @version, @base, @vocab, @language, @direction,
// @propagate on a context definition.
Status ProcessSettings(Processor& p, ActiveContext& result, const json& context,
                       const std::vector<std::string>& remote) {
  if (auto it = context.find("@version"); it != context.end()) {
    if (!it->is_number() || it->get<double>() != 1.1) {
      return MakeError(JsonLdError::kInvalidVersionValue, "@version must be 1.1");
    }
    if (p.json_ld_10()) {
      return MakeError(JsonLdError::kProcessingModeConflict, "@version 1.1 in json-ld-1.0 mode");
    }
  }
  if (auto it = context.find("@base"); it != context.end() && remote.empty()) {
    if (it->is_null()) {
      result.base_iri.reset();
    } else if (!it->is_string()) {
      return MakeError(JsonLdError::kInvalidBaseIri, "@base must be a string or null");
    } else {
      const std::string& value = it->get_ref<const std::string&>();
      if (IsAbsoluteIri(value)) {
        result.base_iri = value;
      } else if (result.base_iri) {
        result.base_iri = ResolveIri(*result.base_iri, value);
      } else {
        return MakeError(JsonLdError::kInvalidBaseIri,
                         "relative @base \"" + value + "\" with no base IRI");
      }
    }
  }
  if (auto it = context.find("@vocab"); it != context.end()) {
    if (it->is_null()) {
      result.vocab.reset();
    } else if (!it->is_string()) {
      return MakeError(JsonLdError::kInvalidVocabMapping, "@vocab must be a string or null");
    } else {
      const std::string& value = it->get_ref<const std::string&>();
      if (p.json_ld_10() && !IsAbsoluteIri(value) && !IsBlankNodeId(value)) {
        return MakeError(JsonLdError::kInvalidVocabMapping,
                         "relative @vocab \"" + value + "\" in json-ld-1.0 mode");
      }
      std::optional<std::string> vocab = ExpandIri(result, value, true, true);
      if (!vocab || IsKeyword(*vocab)) {
        return MakeError(JsonLdError::kInvalidVocabMapping, "\"" + value + "\"");
      }
      if (p.safe_mode() && !IsAbsoluteIri(*vocab) && !IsBlankNodeId(*vocab)) {
        return p.SafeModeError("relative @vocab reference",
                               "@vocab \"" + value + "\" is not an absolute IRI");
      }
      result.vocab = std::move(vocab);
    }
  }
  if (auto it = context.find("@language"); it != context.end()) {
    if (it->is_null()) {
      result.default_language.reset();
    } else if (!it->is_string()) {
      return MakeError(JsonLdError::kInvalidDefaultLanguage, "@language must be a string or null");
    } else {
      const std::string& value = it->get_ref<const std::string&>();
      if (p.safe_mode() && !IsWellFormedLanguageTag(value)) {
        return p.SafeModeError("invalid @language value", "\"" + value + "\"");
      }
      result.default_language = value;
    }
  }
  if (auto it = context.find("@direction"); it != context.end()) {
    if (p.json_ld_10()) {
      return MakeError(JsonLdError::kInvalidContextEntry, "@direction in json-ld-1.0 mode");
    }
    if (it->is_null()) {
      result.default_direction.reset();
    } else if (it->is_string() && (*it == "ltr" || *it == "rtl")) {
      result.default_direction = it->get<std::string>();
    } else {
      return MakeError(JsonLdError::kInvalidBaseDirection, "@direction must be ltr, rtl or null");
    }
  }
  if (auto it = context.find("@propagate"); it != context.end()) {
    if (p.json_ld_10()) {
      return MakeError(JsonLdError::kInvalidContextEntry, "@propagate in json-ld-1.0 mode");
    }
    if (!it->is_boolean()) {
      return MakeError(JsonLdError::kInvalidPropagateValue, "@propagate must be a boolean");
    }
  }
  return Status::Ok();
}

bool IsSettingKey(const std::string& key) {
  return key == "@base" || key == "@direction" || key == "@import" || key == "@language" ||
         key == "@propagate" || key == "@protected" || key == "@version" || key == "@vocab";
}

// Steps 5.4 - 5.13 for one context definition (a map).
Status ProcessDefinition(Processor& p, Builder& builder, const json& input,
                         const std::optional<std::string>& base_url,
                         const std::vector<std::string>& remote, ContextFlags flags) {
  json imported;
  const json* context = &input;
  if (input.contains("@import")) {
    PSL_ASSIGN_OR_RETURN(imported, ImportContext(p, input, base_url));
    context = &imported;
  }
  ActiveContext& result = builder.Mutable();
  PSL_RETURN_IF_ERROR(ProcessSettings(p, result, *context, remote));
  bool is_protected = false;
  if (auto it = context->find("@protected"); it != context->end()) {
    if (!it->is_boolean()) {
      return MakeError(JsonLdError::kInvalidProtectedValue, "@protected must be a boolean");
    }
    if (p.json_ld_10()) {
      return MakeError(JsonLdError::kInvalidContextEntry, "@protected in json-ld-1.0 mode");
    }
    is_protected = it->get<bool>();
  }
  DefineState state{result,          *context, {},     base_url, is_protected,
                    flags.override_protected, remote, flags.validate_scoped,
                    flags.from_loader};
  for (auto it = context->begin(); it != context->end(); ++it) {
    if (IsSettingKey(it.key())) continue;
    PSL_RETURN_IF_ERROR(CreateTermDefinition(p, state, it.key()));
  }
  return Status::Ok();
}

}  // namespace

Result<CtxPtr> ProcessContext(Processor& p, const CtxPtr& active, const json& local,
                              const std::optional<std::string>& base_url,
                              const std::vector<std::string>& remote, ContextFlags flags) {
  NestingGuard guard(p);
  PSL_RETURN_IF_ERROR(guard.status());
  PSL_RETURN_IF_ERROR(p.CountContextOperation());
  Builder builder(active);
  // 2) @propagate of a single context definition.
  if (local.is_object()) {
    if (auto it = local.find("@propagate"); it != local.end() && it->is_boolean()) {
      flags.propagate = it->get<bool>();
    }
  }
  // 3) A non-propagated context remembers what to revert to.
  if (!flags.propagate && !active->previous) builder.Mutable().previous = active;
  auto process_item = [&](const json& context) -> Status {
    if (context.is_null()) {
      // 5.1) Reset, unless that would drop protected terms.
      if (!flags.override_protected && builder.current()->HasProtectedTerms()) {
        return MakeError(JsonLdError::kInvalidContextNullification,
                         "null context with protected terms defined");
      }
      auto fresh = std::make_shared<ActiveContext>();
      fresh->base_iri = active->original_base_url;
      fresh->original_base_url = active->original_base_url;
      if (!flags.propagate) fresh->previous = builder.current();
      builder.Replace(std::move(fresh));
      return Status::Ok();
    }
    if (context.is_string()) {
      return ProcessRemote(p, builder, context.get_ref<const std::string&>(), base_url, remote,
                           flags);
    }
    if (!context.is_object()) {
      return MakeError(JsonLdError::kInvalidLocalContext,
                       "a context must be null, a string or a map");
    }
    return ProcessDefinition(p, builder, context, base_url, remote, flags);
  };
  if (local.is_array()) {
    for (const json& item : local) PSL_RETURN_IF_ERROR(process_item(item));
  } else {
    PSL_RETURN_IF_ERROR(process_item(local));
  }
  return builder.current();
}

Result<CtxPtr> ApplyScopedContext(Processor& p, const CtxPtr& active, const TermDefinition& def,
                                  ContextFlags flags) {
  flags.from_loader = def.from_loader;
  ActiveContext::DerivedKey key{def.context.get(), {}, FlagBits(flags)};
  if (def.from_loader) {
    if (CtxPtr hit = active->LookupDerived(key)) return hit;
  }
  PSL_ASSIGN_OR_RETURN(CtxPtr result,
                       ProcessContext(p, active, *def.context, def.context_base_url, {}, flags));
  if (def.from_loader) p.Memoise(active, std::move(key), def.context, result);
  return result;
}

}  // namespace passerelle::jsonld::internal
