// Passerelle — JSON-LD error code strings and the Status they become.
#include "formats/jsonld/internal/errors.h"

namespace passerelle::jsonld::internal {

std::string_view ErrorCodeString(JsonLdError code) {
  switch (code) {
    case JsonLdError::kCollidingKeywords: return "colliding keywords";
    case JsonLdError::kConflictingIndexes: return "conflicting indexes";
    case JsonLdError::kContextOverflow: return "context overflow";
    case JsonLdError::kCyclicIriMapping: return "cyclic IRI mapping";
    case JsonLdError::kInvalidIdValue: return "invalid @id value";
    case JsonLdError::kInvalidImportValue: return "invalid @import value";
    case JsonLdError::kInvalidIncludedValue: return "invalid @included value";
    case JsonLdError::kInvalidIndexValue: return "invalid @index value";
    case JsonLdError::kInvalidNestValue: return "invalid @nest value";
    case JsonLdError::kInvalidPrefixValue: return "invalid @prefix value";
    case JsonLdError::kInvalidPropagateValue: return "invalid @propagate value";
    case JsonLdError::kInvalidProtectedValue: return "invalid @protected value";
    case JsonLdError::kInvalidReverseValue: return "invalid @reverse value";
    case JsonLdError::kInvalidVersionValue: return "invalid @version value";
    case JsonLdError::kInvalidBaseDirection: return "invalid base direction";
    case JsonLdError::kInvalidBaseIri: return "invalid base IRI";
    case JsonLdError::kInvalidContainerMapping: return "invalid container mapping";
    case JsonLdError::kInvalidContextEntry: return "invalid context entry";
    case JsonLdError::kInvalidContextNullification: return "invalid context nullification";
    case JsonLdError::kInvalidDefaultLanguage: return "invalid default language";
    case JsonLdError::kInvalidIriMapping: return "invalid IRI mapping";
    case JsonLdError::kInvalidJsonLiteral: return "invalid JSON literal";
    case JsonLdError::kInvalidKeywordAlias: return "invalid keyword alias";
    case JsonLdError::kInvalidLanguageMapValue: return "invalid language map value";
    case JsonLdError::kInvalidLanguageMapping: return "invalid language mapping";
    case JsonLdError::kInvalidLanguageTaggedString: return "invalid language-tagged string";
    case JsonLdError::kInvalidLanguageTaggedValue: return "invalid language-tagged value";
    case JsonLdError::kInvalidLocalContext: return "invalid local context";
    case JsonLdError::kInvalidRemoteContext: return "invalid remote context";
    case JsonLdError::kInvalidReverseProperty: return "invalid reverse property";
    case JsonLdError::kInvalidReversePropertyMap: return "invalid reverse property map";
    case JsonLdError::kInvalidReversePropertyValue: return "invalid reverse property value";
    case JsonLdError::kInvalidScopedContext: return "invalid scoped context";
    case JsonLdError::kInvalidSetOrListObject: return "invalid set or list object";
    case JsonLdError::kInvalidTermDefinition: return "invalid term definition";
    case JsonLdError::kInvalidTypeMapping: return "invalid type mapping";
    case JsonLdError::kInvalidTypeValue: return "invalid type value";
    case JsonLdError::kInvalidTypedValue: return "invalid typed value";
    case JsonLdError::kInvalidValueObject: return "invalid value object";
    case JsonLdError::kInvalidValueObjectValue: return "invalid value object value";
    case JsonLdError::kInvalidVocabMapping: return "invalid vocab mapping";
    case JsonLdError::kIriConfusedWithPrefix: return "IRI confused with prefix";
    case JsonLdError::kKeywordRedefinition: return "keyword redefinition";
    case JsonLdError::kLoadingDocumentFailed: return "loading document failed";
    case JsonLdError::kLoadingRemoteContextFailed: return "loading remote context failed";
    case JsonLdError::kProcessingModeConflict: return "processing mode conflict";
    case JsonLdError::kProtectedTermRedefinition: return "protected term redefinition";
    case JsonLdError::kRecursiveContextInclusion: return "recursive context inclusion";
  }
  return "unknown error";
}

Status MakeError(JsonLdError code, std::string_view detail) {
  std::string message(ErrorCodeString(code));
  if (!detail.empty()) {
    message += ": ";
    message += detail;
  }
  Code status_code = Code::kMalformed;
  if (code == JsonLdError::kLoadingDocumentFailed ||
      code == JsonLdError::kLoadingRemoteContextFailed) {
    status_code = Code::kUnsupported;
  } else if (code == JsonLdError::kContextOverflow) {
    status_code = Code::kResourceExhausted;
  }
  return Status(status_code, std::move(message));
}

Status LimitError(std::string_view detail) {
  return Status::ResourceExhausted("json-ld: " + std::string(detail));
}

}  // namespace passerelle::jsonld::internal
