// Passerelle — HTML form bodies, parsed strictly: application/x-www-form-
// urlencoded and multipart/form-data (RFC 7578), and the query string.
//
// Untrusted input: every parser is linear in its input, bounded by
// FormLimits (fields, bytes per field, bytes of part headers) and returns a
// Status instead of throwing. A field name may appear once; a repeated one
// is refused (a second value must not silently win). Pure functions;
// thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "formats/status.h"
#include "http/message.h"

namespace passerelle::http {

struct FormLimits {
  std::size_t max_fields = 16;                 // parts or name=value pairs
  std::size_t max_field_bytes = 8u << 20;      // one value (a file's bytes)
  std::size_t max_header_bytes = 2048;         // one part's header block
};

struct FormField {
  std::string value;         // the text, or a file's bytes
  std::string filename;      // multipart only: set for a file part (may be "")
  std::string content_type;  // multipart only: the part's Content-Type, lower case
  bool is_file = false;      // multipart: the part had a filename parameter
};

using Form = std::map<std::string, FormField, std::less<>>;

// Parses "a=1&b=x+y%21" (percent escapes must be complete hex pairs; '+'
// is a space). Empty pairs ("a=1&&b=2") are skipped.
// Errors: kMalformed (a bad escape, a repeated name, a name over 64 bytes),
// kResourceExhausted (over a limit).
Result<Form> ParseUrlEncodedForm(std::string_view body, const FormLimits& limits = {});

// The boundary parameter of a multipart/form-data Content-Type (quoted or
// not; 1-70 characters of RFC 2046's bchars).
// Errors: kMalformed (not multipart/form-data, no or bad boundary).
Result<std::string> MultipartBoundary(std::string_view content_type);

// Parses a multipart/form-data body with `boundary`: CRLF line ends, every
// part with a Content-Disposition: form-data; name="…" header, the closing
// delimiter required; preamble and epilogue ignored. Parts without a name
// are refused.
// Errors: kMalformed (structure, headers, a repeated name), kResourceExhausted
// (over a limit).
Result<Form> ParseMultipartForm(std::string_view body, std::string_view boundary, const FormLimits& limits = {});

// The form of a POST request by its Content-Type (either kind above).
// Errors: kUnsupported (another media type), those of the parsers.
Result<Form> ParseRequestForm(const HttpRequest& request, const FormLimits& limits = {});

}  // namespace passerelle::http
