// Fuzz target: Bitstring Status List decoding (formats/status_list.h): the
// encodedList (multibase, gzip, its 16 MiB cap) and credentialStatus entries.
// Input: a JSON credential; its encodedList and entries are fed in, and when
// the input is not JSON, the bytes themselves are the encodedList.
#include <nlohmann/json.hpp>

#include "formats/json.h"
#include "formats/status_list.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  std::string_view text = fuzz::Text(data, size);
  auto parsed = ParseJson(text);
  std::string encoded(text);
  if (parsed.ok()) {
    if (auto entries = StatusEntriesOf(*parsed); entries.ok()) {
      for (const auto& e : *entries) (void)e.index;
    }
    const nlohmann::json* subject = FindMember(*parsed, "credentialSubject");
    if (subject != nullptr && subject->is_object()) {
      auto list = GetString(*subject, "encodedList", "/credentialSubject");
      if (list.ok()) encoded = *list;
    }
  }
  auto bits = DecodeStatusList(encoded);
  if (!bits.ok()) return 0;
  fuzz::Check(bits->size() <= kMaxStatusListBytes, "status list inflated past its cap");
  std::uint64_t entries = static_cast<std::uint64_t>(bits->size()) * 8;
  for (int width : {1, 2, 8}) {
    (void)ReadStatus(*bits, 0, width);
    (void)ReadStatus(*bits, entries, width);  // one past the end: a RANGE_ERROR, not a read
    if (entries > 0) (void)ReadStatus(*bits, entries - 1, width);
  }
  auto reencoded = EncodeStatusList(*bits);
  fuzz::Check(reencoded.ok(), "encoding a decoded list failed");
  auto again = DecodeStatusList(*reencoded);
  fuzz::Check(again.ok() && *again == *bits, "status list round trip");
  return 0;
}
