// Passerelle issuer CLI — `issuer revoke|suspend|unsuspend CREDENTIAL_ID`.
#include <iostream>

#include "issuer/cli/commands.h"
#include "issuer/cli/node_setup.h"
#include "issuer/cli/unlock_issuer.h"
#include "issuer/service/issuer.h"

namespace passerelle::cli {

int RunStatusChange(const std::string& verb, const StatusArgs& args, std::ostream& out, std::ostream& err) {
  auto fail = [&](const Status& s, int code) {
    Diag(err).Error(s);
    return code;
  };
  if (!store::IssuerStore::Exists(StoreDir(args.common.dir)))
    return fail(Status::NotFound("\"" + args.common.dir + "\" has no store: it has issued nothing with status"), 2);
  // The key is unlocked first, though a status change signs nothing here
  // (the serving node re-signs the list): only who holds the issuer's key
  // may revoke what it issued.
  IssuerOptions options;
  options.store = StoreUse::kOpenIfExists;
  auto node = OpenCliIssuer(args.common, std::move(options));
  if (!node.ok()) return fail(node.status(), 2);
  CredentialState target = verb == "revoke"    ? CredentialState::kRevoked
                           : verb == "suspend" ? CredentialState::kSuspended
                                               : CredentialState::kActive;
  auto outcome = (*node)->SetStatus(args.credential_id, target, "cli");
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
