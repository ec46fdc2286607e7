#include "formats/internal/canonical_document.h"
namespace passerelle::internal {
Result<std::string> RdfcCanonicalNQuads(const nlohmann::json&) {
  return Status::Unsupported("eddsa-rdfc-2022: JSON-LD processing is not linked in yet");
}
}
