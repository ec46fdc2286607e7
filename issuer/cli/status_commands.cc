// Passerelle issuer CLI — `issuer revoke|suspend|unsuspend CREDENTIAL_ID`.
#include <iostream>

#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"

namespace passerelle::cli {

int RunStatusChange(const std::string& verb, const StatusArgs& args, std::ostream& out, std::ostream& err) {
  auto fail = [&](const Status& s, int code) {
    Diag(err).Error(s);
    return code;
  };
  if (!store::IssuerStore::Exists(StoreDir(args.common.dir)))
    return fail(Status::NotFound("\"" + args.common.dir + "\" has no store: it has issued nothing with status"), 2);
  auto store = OpenNodeStore(args.common.dir);
  if (!store.ok()) return fail(store.status(), 2);
  store::StatusChange change;
  if (verb == "revoke") change = {store::StatusPurpose::kRevocation, true};
  else if (verb == "suspend") change = {store::StatusPurpose::kSuspension, true};
  else change = {store::StatusPurpose::kSuspension, false};
  auto outcome = (*store)->ApplyStatusChange(args.credential_id, change, "cli", Now());
  if (!outcome.ok()) return fail(outcome.status(), outcome.status().code() == Code::kNotFound ? 1 : 2);
  const auto& r = outcome->record;
  const char* state = r.revoked ? "revoked" : (r.suspended ? "suspended" : "active");
  out << r.id << " " << state << "\n";
  if (!outcome->changed)
    err << "issuer: " << r.id << " was already " << (verb == "unsuspend" ? "not suspended" : state) << "; nothing changed\n";
  else
    err << "issuer: " << outcome->slot.list_id << " index " << outcome->slot.index << " updated; the node "
        << "re-signs the list on its next fetch\n";
  if (verb == "unsuspend" && r.revoked) Diag(err).Warning(r.id + " stays revoked: revocation is permanent");
  return 0;
}

}  // namespace passerelle::cli
