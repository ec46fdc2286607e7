// Passerelle (keys internal) — libsodium initialisation, once per process.
#pragma once

#include <cstdlib>

#include <sodium.h>

namespace passerelle::internal {

// Initialises libsodium; aborts if the library cannot start (no entropy).
inline void EnsureSodium() {
  static const bool ready = [] {
    if (sodium_init() < 0) std::abort();
    return true;
  }();
  (void)ready;
}

}  // namespace passerelle::internal
