// Passerelle — tidying after a crash: the temporary files of atomic writes
// (env/env.h WriteFileAtomic, CreateFileExclusive) whose process died before
// the rename.
//
// Stores call this when they open for writing and report what it removed,
// so the user learns that a previous run was interrupted and that nothing it
// had acknowledged was lost. Stateless; thread-safe on a thread-safe Env.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "env/env.h"
#include "formats/status.h"

namespace passerelle {

// Removes from `dir` the temporary files of interrupted writes: names
// "NAME.tmp-PID-N" whose process PID is no longer running (a SIGKILL or a
// power cut between create and rename). Files of a live process — another
// program writing right now — are left alone. Returns the names removed, for
// the caller to report; a missing folder removes nothing.
// Errors: kIOError (the folder cannot be listed, or a removal failed).
Result<std::vector<std::string>> RemoveInterruptedWrites(Env& env, const std::filesystem::path& dir);

}  // namespace passerelle
