// Passerelle issuer CLI — offer lifetimes and offer QR codes.
#include "issuer/cli/offer_output.h"

#include "wallet-cli/qr_render.h"

namespace passerelle::cli {

Result<std::int64_t> ParseOfferLifetime(const std::string& text) {
  auto bad = [&] {
    return Status::InvalidArgument("--offer-expires-in \"" + text.substr(0, 40) +
                                   "\": expected days (30) or a number with s, m, h or d (90s, 12h, 30d), up to 366 days");
  };
  if (text.empty() || text.size() > 12) return bad();
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return bad();
  std::int64_t n = std::stoll(text.substr(0, digits));
  std::string unit = text.substr(digits);
  std::int64_t scale = 0;
  if (unit.empty() || unit == "d") scale = 86400;
  else if (unit == "h") scale = 3600;
  else if (unit == "m") scale = 60;
  else if (unit == "s") scale = 1;
  else return bad();
  if (n <= 0 || n * scale > 366 * 86400) return bad();
  return n * scale;
}

Result<std::string> RenderOfferPng(std::string_view uri) {
  PSL_ASSIGN_OR_RETURN(wallet::QrMatrix qr, wallet::EncodeQrText(uri));
  return wallet::RenderPng(qr, 6);
}

}  // namespace passerelle::cli
