// Passerelle verifier CLI — `verifier bundle`.
#include "verifier/cli/bundle_command.h"

#include <iostream>

#include "cmdline/diagnostics.h"
#include "env/env.h"
#include "verifier/bundle.h"

namespace passerelle::cli {

int RunBundle(const BundleArgs& args, std::ostream& out, std::ostream& err) {
  const cmdline::Diagnostics diag("verifier", err);
  std::error_code ec;
  if (!std::filesystem::is_directory(args.cache, ec)) {
    diag.Error("--cache \"" + args.cache + "\": no such folder");
    diag.Hint("fill one first: verifier sync --trust-root root.json --cache " + args.cache);
    return 2;
  }
  Env& env = Env::Default();
  BundleCounts counts;
  auto bundle = MakeBundle(args.cache, env.Now(), &counts, env);
  if (!bundle.ok()) {
    diag.Error("--cache \"" + args.cache + "\"", bundle.status());
    return 2;
  }
  if (args.out == "-") {
    out << *bundle;
  } else if (Status written = env.WriteFileAtomic(args.out, *bundle, WriteOptions{0644, Durability::kSynced});
             !written.ok()) {
    diag.Error("--out", written);
    return 2;
  }
  err << "verifier: bundled " << counts.trust_lists << " trust list" << (counts.trust_lists == 1 ? "" : "s") << " and "
      << counts.status_lists << " status list" << (counts.status_lists == 1 ? "" : "s") << " ("
      << bundle->size() << " bytes)" << (args.out == "-" ? "" : " into " + args.out) << "\n";
  return 0;
}

}  // namespace passerelle::cli
