// Passerelle — what the issuer node keeps for claiming (OID4VCI 1.0,
// pre-authorized code flow; docs/claiming.md): credential offers,
// access tokens and c_nonces, in three databases of the issuer store.
//
// Secrets are never stored: an offer is found by the SHA-256 of its
// pre-authorized code, an access token by the SHA-256 of its text, a PIN is
// kept as SHA-256(offer id, PIN) and compared in constant time. Every state
// change (a PIN tried, an offer redeemed, a nonce used) commits one synced
// transaction before it is reported, so a crash cannot give a second try
// nor reuse a nonce. Thread-safe (LMDB serializes writers, across
// processes too).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/datetime.h"
#include "formats/status.h"
#include "issuer/store/store.h"

namespace passerelle::store {

// Wrong PINs tolerated before an offer locks for good.
inline constexpr int kMaxPinAttempts = 5;

// One credential an offer stands for, signed only when claimed.
struct OfferItem {
  std::string configuration;  // credential_configuration_id
  std::string credential;     // the unsigned credential (JSON), without credentialSubject.id
  std::string kind, programme, module;  // register labels
  std::string issued_id;      // the credential id once issued; "" before
};

struct OfferRecord {
  std::string id;             // 16 hex digits, public (logged, listed)
  std::string trainee;        // the batch's trainee_id, or ""
  std::string suite;          // cryptosuite name
  std::string pin_hash;       // 32 raw bytes, SHA-256(id | ":" | PIN); "" without a PIN
  int failed_pins = 0;
  bool redeemed = false;      // the pre-authorized code was exchanged for a token
  Timestamp created, expires;
  std::vector<OfferItem> items;
};

std::string EncodeOfferRecord(const OfferRecord& r);
Result<OfferRecord> DecodeOfferRecord(std::string_view bytes);

// Why a pre-authorized code was not exchanged (each maps onto an OAuth error).
enum class RedeemRefusal {
  kUnknownCode,   // no such offer
  kExpired,
  kAlreadyUsed,   // redeemed before (one-time)
  kLocked,        // too many wrong PINs
  kPinMissing,    // the offer needs a PIN and none was sent
  kWrongPin,      // counted; tries_left tells how many remain
};

struct RedeemOutcome {
  std::optional<RedeemRefusal> refusal;  // empty: redeemed
  int tries_left = 0;                    // with kWrongPin
  std::string offer_id;
  std::string access_token;              // shown once; only its hash is kept
  Timestamp token_expires;
};

class OfferStore {
 public:
  // `store` must outlive this object.
  explicit OfferStore(IssuerStore& store) : store_(store) {}

  // Records an offer under the hash of `code`, with a PIN when `pin` is
  // not empty, and, when `key` is not empty, under that key too so the
  // same trainee is not offered twice (FindOfferByKey). Errors:
  // kAlreadyExists (the key is taken), kIOError, kResourceExhausted.
  Status PutOffer(std::string_view code, std::string_view pin, OfferRecord record, std::string_view key,
                  std::string_view actor);
  // The id of the offer recorded under `key`, or nullopt.
  Result<std::optional<std::string>> FindOfferByKey(std::string_view key) const;

  // Exchanges a pre-authorized code (and its PIN) for an access token that
  // lives `token_seconds`: one-time, expiring, and counting wrong PINs
  // (kMaxPinAttempts locks the offer). A refusal is an outcome, not an
  // error. Errors: kIOError, kMalformed (a damaged record).
  Result<RedeemOutcome> Redeem(std::string_view code, std::optional<std::string_view> pin, Timestamp now,
                               std::int64_t token_seconds);

  // The offer an unexpired access token was issued for.
  // Errors: kPermissionDenied (unknown or expired token), kIOError.
  Result<OfferRecord> OfferForToken(std::string_view access_token, Timestamp now) const;
  // Records that item `index` of offer `offer_id` was issued as `credential_id`.
  // Errors: kNotFound, kIOError.
  Status MarkIssued(std::string_view offer_id, std::size_t index, std::string_view credential_id);
  // Every offer, in id order (for listing). Errors: kIOError, kMalformed.
  Result<std::vector<OfferRecord>> ListOffers() const;

  // A fresh c_nonce valid for `seconds`: base64url of its expiry (8 bytes)
  // and 24 random bytes. Up to 16 expired, never used nonces are swept in
  // the same transaction, so an unauthenticated caller cannot grow the
  // store without bound faster than nonces expire.
  Result<std::string> CreateNonce(Timestamp now, std::int64_t seconds);
  // Uses a c_nonce up: true when it was issued here, unexpired and never
  // used before (it is deleted either way; anything else is false).
  // Errors: kIOError.
  Result<bool> ConsumeNonce(std::string_view nonce, Timestamp now);

 private:
  IssuerStore& store_;
};

}  // namespace passerelle::store
