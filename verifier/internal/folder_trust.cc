// Passerelle (verifier internal) — whether a cache folder can be trusted.
#include "verifier/internal/folder_trust.h"

#include <sys/stat.h>
#include <unistd.h>

namespace passerelle::internal {

bool WritableByOthers(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return true;
  return st.st_uid != ::geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0;
}

}  // namespace passerelle::internal
