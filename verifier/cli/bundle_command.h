// Passerelle verifier CLI — `verifier bundle --cache DIR --out FILE`.
#pragma once

#include <iosfwd>
#include <string>

namespace passerelle::cli {

struct BundleArgs {
  std::string cache;  // a folder `verifier sync` filled
  std::string out;    // the bundle file (- for stdout)
};

// Packs the cache's trust and status lists into one file (verifier/bundle.h),
// written atomically. Returns 0, or 2 (nothing to pack, I/O, too large).
int RunBundle(const BundleArgs& args, std::ostream& out, std::ostream& err);

}  // namespace passerelle::cli
