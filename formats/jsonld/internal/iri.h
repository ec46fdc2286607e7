// Passerelle — IRI syntax for JSON-LD: absolute-IRI tests and RFC 3986 §5.2
// reference resolution (with remove_dot_segments). No normalisation beyond
// what §5.2 specifies, as the JSON-LD API requires. Pure functions.
#pragma once

#include <string>
#include <string_view>

namespace passerelle::jsonld::internal {

// True when `s` starts with an RFC 3986 scheme and ":" (ALPHA *(ALPHA /
// DIGIT / "+" / "-" / ".") ":"), i.e. it has the form of an absolute IRI.
bool IsAbsoluteIri(std::string_view s);

// True for a blank node identifier ("_:" prefix).
inline bool IsBlankNodeId(std::string_view s) { return s.size() >= 2 && s[0] == '_' && s[1] == ':'; }

// True for an absolute IRI that is also well-formed enough for N-Quads: no
// spaces, controls, or any of <>"{}|\^` (the IRIREF exclusions).
bool IsWellFormedIri(std::string_view s);

// True when the last character is an RFC 3986 gen-delim (: / ? # [ ] @).
bool EndsWithGenDelim(std::string_view s);

// Resolves `ref` against the absolute IRI `base` (RFC 3986 §5.2.2 with
// §5.2.3 merge and §5.2.4 remove_dot_segments). An absolute `ref` comes
// back with its dot segments removed.
// REQUIRES: IsAbsoluteIri(base) unless IsAbsoluteIri(ref).
std::string ResolveIri(std::string_view base, std::string_view ref);

// RFC 3986 §5.2.4, exposed for tests.
std::string RemoveDotSegments(std::string_view path);

}  // namespace passerelle::jsonld::internal
