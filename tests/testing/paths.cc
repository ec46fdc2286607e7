// Passerelle tests — the two absolute paths the build configures (see paths.h).
#include "tests/testing/paths.h"

namespace passerelle::testing {

std::filesystem::path SourceDir() { return PASSERELLE_SOURCE_DIR; }
std::filesystem::path BinDir() { return PASSERELLE_BIN_DIR; }

}  // namespace passerelle::testing
