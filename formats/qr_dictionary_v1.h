// Passerelle — the preset deflate dictionary of QR payload version 1.
//
// A byte string of what recurs in native Passerelle credentials and
// presentations (context URLs, term names in the order compact JSON writes
// them, ELM IRIs, "did:key:z6Mk", proof fields), so that deflate can refer
// back to it instead of spelling it out. Its bytes are part of the payload
// format (docs/formats/qr-payload.md): never change them; a better dictionary
// is a new payload version with a new file. Pure data; thread-safe.
#pragma once

#include <string_view>

namespace passerelle {

// The dictionary bytes (UTF-8 text, no NUL terminator).
std::string_view QrDictionaryV1();

// Its SHA-256, lowercase hex, as published in docs/formats/qr-payload.md;
// a test pins the bytes to it.
inline constexpr std::string_view kQrDictionaryV1Sha256 =
    "71f2b29ba8f2d287315641c74bc6e21cc8df57780542df1f05c452717d7f23ac";

}  // namespace passerelle
