// Passerelle tests — where the source tree, its vectors and the built binaries are.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace passerelle::testing {

// The checkout's root and the folder of the built programs. Defined once, in
// paths.cc, so that no other test source carries an absolute path (which would
// make every test file miss ccache in a fresh clone).
std::filesystem::path SourceDir();
std::filesystem::path BinDir();
inline std::filesystem::path VectorsDir() { return SourceDir() / "tests" / "vectors"; }

// Reads a whole file as bytes; empty string when it cannot be read.
inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace passerelle::testing
