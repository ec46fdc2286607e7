// Passerelle — guarded secret memory through libsodium.
#include "keys/secret_bytes.h"

#include <cstring>
#include <utility>

#include "keys/internal/sodium_init.h"

namespace passerelle {

Result<SecretBytes> SecretBytes::Allocate(std::size_t size) {
  internal::EnsureSodium();
  SecretBytes s;
  if (size == 0) return s;
  s.data_ = static_cast<unsigned char*>(sodium_malloc(size));
  if (s.data_ == nullptr) return Status::ResourceExhausted("secret memory: allocation failed");
  s.size_ = size;
  sodium_memzero(s.data_, size);
  return s;
}

Result<SecretBytes> SecretBytes::CopyFrom(std::string_view bytes) {
  PSL_ASSIGN_OR_RETURN(auto s, Allocate(bytes.size()));
  if (!bytes.empty()) std::memcpy(s.data_, bytes.data(), bytes.size());
  return s;
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    if (data_ != nullptr) sodium_free(data_);
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

SecretBytes::~SecretBytes() {
  if (data_ != nullptr) sodium_free(data_);  // wipes before freeing
}

}  // namespace passerelle
