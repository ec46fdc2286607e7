// Passerelle tests — where the source tree, its vectors and the built binaries are.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace passerelle::testing {

inline std::filesystem::path SourceDir() { return PASSERELLE_SOURCE_DIR; }
inline std::filesystem::path VectorsDir() { return SourceDir() / "tests" / "vectors"; }
inline std::filesystem::path BinDir() { return PASSERELLE_BIN_DIR; }

// Reads a whole file as bytes; empty string when it cannot be read.
inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace passerelle::testing
