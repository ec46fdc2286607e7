// Passerelle fuzzing — the scratch folder of fuzz_support.h.
#include "fuzz/fuzz_support.h"

#include <unistd.h>

#include <system_error>

namespace passerelle::fuzz {

namespace {
std::filesystem::path* g_scratch = nullptr;

void RemoveScratch() {
  std::error_code ec;
  if (g_scratch != nullptr) std::filesystem::remove_all(*g_scratch, ec);
}
}  // namespace

const std::filesystem::path& ScratchDir() {
  if (g_scratch == nullptr) {
    std::string pattern = (std::filesystem::temp_directory_path() / "passerelle-fuzz-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      std::perror("mkdtemp");
      std::abort();
    }
    g_scratch = new std::filesystem::path(pattern);
    std::atexit(RemoveScratch);
  }
  return *g_scratch;
}

}  // namespace passerelle::fuzz
