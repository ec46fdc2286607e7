// Passerelle issuer CLI — what `issuer offer` and `issuer batch --offers`
// share: the offer lifetime option and the QR code of an offer URI.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "formats/data_integrity.h"
#include "formats/status.h"
#include "issuer/cli/commands.h"

namespace passerelle::cli {

// "--offer-expires-in": whole days ("30"), or a number with a unit: s, m,
// h or d ("90s", "12h", "30d"). At most 366 days.
// Errors: kInvalidArgument naming the value.
Result<std::int64_t> ParseOfferLifetime(const std::string& text);

// The PNG of the QR code of `uri` (byte mode, level M, 6 px per module).
// Errors: kResourceExhausted (too long), kInternal.
Result<std::string> RenderOfferPng(std::string_view uri);

// `issuer offer` after RunIssue built `credential` (unsigned, naming no
// DID): records the offer and writes OUT/OFFERID.offer.txt, .offer.png and
// .pin; prints the offer id. Returns the exit status.
int RunOfferFor(const IssueArgs& args, Cryptosuite suite, const std::string& programme, const std::string& module,
                nlohmann::json credential, std::ostream& out, std::ostream& err);

}  // namespace passerelle::cli
