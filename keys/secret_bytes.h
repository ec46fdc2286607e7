// Passerelle — secret bytes in guarded memory.
//
// Backed by sodium_malloc (guard pages, canary, mlock where allowed) and
// wiped with sodium_free. Not copyable; movable. Contents are reachable only
// through RevealSecret() so every use is grep-able. Never logged.
#pragma once

#include <cstddef>
#include <string_view>

#include "formats/status.h"

namespace passerelle {

class SecretBytes {
 public:
  SecretBytes() = default;
  // Allocates `size` zeroed bytes. Errors: kResourceExhausted.
  static Result<SecretBytes> Allocate(std::size_t size);
  // Copies `bytes` into guarded memory.
  static Result<SecretBytes> CopyFrom(std::string_view bytes);

  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  ~SecretBytes();

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  // The only way to the bytes. Keep the view short-lived.
  friend unsigned char* RevealSecret(SecretBytes& s) { return s.data_; }
  friend const unsigned char* RevealSecret(const SecretBytes& s) { return s.data_; }

 private:
  unsigned char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace passerelle
