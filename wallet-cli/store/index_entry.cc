// Passerelle wallet — index entries as JSON.
#include "wallet-cli/store/index_entry.h"

#include "formats/json.h"

namespace passerelle::wallet {

using nlohmann::json;

json EntryToJson(const IndexEntry& e) {
  return {{"record", e.record}, {"importedAt", e.imported_at}, {"source", e.source},
          {"summary", SummaryToJson(e.summary)}};
}

Result<IndexEntry> EntryFromJson(const json& o, const std::string& where) {
  if (!o.is_object()) return Status::Malformed(where + ": must be an object");
  IndexEntry e;
  PSL_ASSIGN_OR_RETURN(e.record, GetString(o, "record", where));
  PSL_ASSIGN_OR_RETURN(e.imported_at, GetString(o, "importedAt", where));
  PSL_ASSIGN_OR_RETURN(e.source, GetString(o, "source", where));
  const json* summary = FindMember(o, "summary");
  if (summary == nullptr) return Status::Malformed(where + ": missing summary");
  auto s = SummaryFromJson(*summary);
  if (!s.ok()) return s.status().Annotate(where);
  e.summary = std::move(*s);
  return e;
}

}  // namespace passerelle::wallet
