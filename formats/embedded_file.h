// Passerelle — files embedded into the binaries at build time (cmake/EmbedFiles.cmake).
// Read-only, static storage, thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace passerelle {

struct EmbeddedFile {
  const char* name;   // base file name, e.g. "www.w3.org_ns_credentials_v2.jsonld"
  const char* data;   // the bytes (followed by a NUL not counted in size)
  std::size_t size;

  std::string_view bytes() const { return {data, size}; }
};

// The bundled JSON-LD contexts (formats/contexts/*), sorted by name.
extern const EmbeddedFile kEmbeddedContexts[];
extern const std::size_t kEmbeddedContexts_count;

}  // namespace passerelle
