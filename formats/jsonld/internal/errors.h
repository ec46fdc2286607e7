// Passerelle — JSON-LD 1.1 error codes (JsonLdErrorCode in the API spec).
//
// Every spec error becomes a Status whose message starts with the spec's
// error code string, e.g. "invalid term definition: term \"x\" ...", so
// callers and conformance tests can match the code by prefix.
#pragma once

#include <string>
#include <string_view>

#include "formats/status.h"

namespace passerelle::jsonld::internal {

enum class JsonLdError {
  kCollidingKeywords,
  kConflictingIndexes,
  kContextOverflow,
  kCyclicIriMapping,
  kInvalidIdValue,
  kInvalidImportValue,
  kInvalidIncludedValue,
  kInvalidIndexValue,
  kInvalidNestValue,
  kInvalidPrefixValue,
  kInvalidPropagateValue,
  kInvalidProtectedValue,
  kInvalidReverseValue,
  kInvalidVersionValue,
  kInvalidBaseDirection,
  kInvalidBaseIri,
  kInvalidContainerMapping,
  kInvalidContextEntry,
  kInvalidContextNullification,
  kInvalidDefaultLanguage,
  kInvalidIriMapping,
  kInvalidJsonLiteral,
  kInvalidKeywordAlias,
  kInvalidLanguageMapValue,
  kInvalidLanguageMapping,
  kInvalidLanguageTaggedString,
  kInvalidLanguageTaggedValue,
  kInvalidLocalContext,
  kInvalidRemoteContext,
  kInvalidReverseProperty,
  kInvalidReversePropertyMap,
  kInvalidReversePropertyValue,
  kInvalidScopedContext,
  kInvalidSetOrListObject,
  kInvalidTermDefinition,
  kInvalidTypeMapping,
  kInvalidTypeValue,
  kInvalidTypedValue,
  kInvalidValueObject,
  kInvalidValueObjectValue,
  kInvalidVocabMapping,
  kIriConfusedWithPrefix,
  kKeywordRedefinition,
  kLoadingDocumentFailed,
  kLoadingRemoteContextFailed,
  kProcessingModeConflict,
  kProtectedTermRedefinition,
  kRecursiveContextInclusion,
};

// The spec's code string, e.g. "invalid term definition".
std::string_view ErrorCodeString(JsonLdError code);

// Status for a spec error: kMalformed (kUnsupported for loading failures,
// kResourceExhausted for context overflow), message "<code>: <detail>".
Status MakeError(JsonLdError code, std::string_view detail);

// Status for a work bound that was hit (kResourceExhausted).
Status LimitError(std::string_view detail);

}  // namespace passerelle::jsonld::internal
