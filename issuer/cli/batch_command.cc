// Passerelle issuer CLI — `issuer batch` (in progress).
#include <iostream>

#include "issuer/cli/commands.h"

namespace passerelle::cli {

int RunBatch(const BatchArgs& args, std::ostream& out, std::ostream& err) {
  err << "issuer: error: batch is not built yet\n";
  return 2;
}

}  // namespace passerelle::cli
