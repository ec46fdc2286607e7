// Passerelle — the offline JSON-LD document loader.
//
// Serves only contexts bundled into the binary (formats/contexts/), each
// pinned by SHA-256 of its bytes; any other URL is an error naming it. The
// default loader is immutable after construction and thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "formats/status.h"

namespace passerelle::jsonld {

class DocumentLoader {
 public:
  virtual ~DocumentLoader() = default;
  // Returns the parsed JSON document at `url`.
  // Errors: kUnsupported "context not bundled: <url>", kMalformed.
  virtual Result<std::shared_ptr<const nlohmann::json>> Load(std::string_view url) const = 0;
};

// The process-wide loader over the bundled, hash-pinned contexts.
const DocumentLoader& BundledLoader();

// True when `url` names a bundled context: the offline allow-list, checked
// without loading the document (eddsa-jcs-2022 needs none).
bool IsBundledContext(std::string_view url);

// The bytes of the bundled document at `url`, as its source serves them,
// after the check against its pinned SHA-256 (for digests of related
// resources). Errors: kUnsupported (not bundled), kVerificationFailed.
Result<std::string_view> BundledDocumentBytes(std::string_view url);

}  // namespace passerelle::jsonld
