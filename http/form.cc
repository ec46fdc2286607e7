// Passerelle — form bodies (see form.h).
#include "http/form.h"
#include "formats/ascii_text.h"

#include <cctype>

namespace passerelle::http {

namespace {

constexpr std::size_t kMaxNameBytes = 64;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<std::string> PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      if (i + 2 >= s.size() || HexValue(s[i + 1]) < 0 || HexValue(s[i + 2]) < 0)
        return Status::Malformed("form: a % escape needs two hex digits");
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

Status AddField(Form& form, std::string name, FormField field, const FormLimits& limits) {
  if (name.empty() || name.size() > kMaxNameBytes) return Status::Malformed("form: a field name is 1-64 bytes");
  if (form.size() >= limits.max_fields)
    return Status::ResourceExhausted("form: more than " + std::to_string(limits.max_fields) + " fields");
  if (field.value.size() > limits.max_field_bytes)
    return Status::ResourceExhausted("form: field \"" + name + "\" is larger than " +
                                     std::to_string(limits.max_field_bytes) + " bytes");
  if (!form.emplace(name, std::move(field)).second) return Status::Malformed("form: field \"" + name + "\" given twice");
  return Status::Ok();
}

// The value of parameter `name` in a header's parameter list
// ("form-data; name=\"a\"; filename=\"b.png\""): quoted (backslash escapes
// one character) or a token. `found` tells an absent parameter from "".
Result<std::string> HeaderParameter(std::string_view header, std::string_view name, bool* found) {
  *found = false;
  std::size_t pos = header.find(';');
  while (pos != std::string_view::npos && pos < header.size()) {
    ++pos;
    while (pos < header.size() && (header[pos] == ' ' || header[pos] == '\t')) ++pos;
    std::size_t eq = header.find('=', pos);
    if (eq == std::string_view::npos) return Status::Malformed("form: a header parameter without '='");
    std::string key = AsciiLower(TrimSpaceTab(header.substr(pos, eq - pos)));
    std::size_t i = eq + 1;
    std::string value;
    if (i < header.size() && header[i] == '"') {
      ++i;
      bool closed = false;
      for (; i < header.size(); ++i) {
        if (header[i] == '\\' && i + 1 < header.size()) {
          value += header[++i];
        } else if (header[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          value += header[i];
        }
      }
      if (!closed) return Status::Malformed("form: an unterminated quoted header parameter");
      while (i < header.size() && (header[i] == ' ' || header[i] == '\t')) ++i;
      if (i < header.size() && header[i] != ';') return Status::Malformed("form: text after a quoted parameter");
    } else {
      std::size_t end = header.find(';', i);
      value = std::string(TrimSpaceTab(header.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i)));
      i = end == std::string_view::npos ? header.size() : end;
    }
    if (key == name) {
      if (*found) return Status::Malformed("form: header parameter \"" + key + "\" given twice");
      *found = true;
      // Keep scanning: a repeated parameter is refused, not resolved.
      std::string kept = value;
      std::size_t next = i;
      if (next >= header.size()) return kept;
      bool again = false;
      auto rest = HeaderParameter(header.substr(next), name, &again);
      if (!rest.ok()) return rest.status();
      if (again) return Status::Malformed("form: header parameter \"" + key + "\" given twice");
      return kept;
    }
    pos = i < header.size() ? i : std::string_view::npos;
  }
  return std::string();
}

}  // namespace

Result<Form> ParseUrlEncodedForm(std::string_view body, const FormLimits& limits) {
  Form form;
  std::size_t pos = 0;
  while (pos < body.size()) {
    std::size_t amp = body.find('&', pos);
    std::string_view pair = body.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
    pos = amp == std::string_view::npos ? body.size() : amp + 1;
    if (pair.empty()) continue;
    std::size_t eq = pair.find('=');
    auto name = PercentDecode(pair.substr(0, eq));
    if (!name.ok()) return name.status();
    FormField field;
    if (eq != std::string_view::npos) {
      if (pair.size() - eq - 1 > 3 * limits.max_field_bytes)
        return Status::ResourceExhausted("form: a field is too large");
      auto value = PercentDecode(pair.substr(eq + 1));
      if (!value.ok()) return value.status();
      field.value = std::move(*value);
    }
    PSL_RETURN_IF_ERROR(AddField(form, std::move(*name), std::move(field), limits));
  }
  return form;
}

Result<std::string> MultipartBoundary(std::string_view content_type) {
  std::size_t semi = content_type.find(';');
  if (AsciiLower(TrimSpaceTab(content_type.substr(0, semi))) != "multipart/form-data")
    return Status::Malformed("form: not multipart/form-data");
  bool found = false;
  auto boundary = HeaderParameter(content_type, "boundary", &found);
  if (!boundary.ok()) return boundary.status();
  if (!found || boundary->empty() || boundary->size() > 70)
    return Status::Malformed("form: multipart/form-data needs a boundary of 1-70 characters");
  static constexpr std::string_view kBchars = "'()+_,-./:=? ";
  for (char c : *boundary)
    if (!std::isalnum(static_cast<unsigned char>(c)) && kBchars.find(c) == std::string_view::npos)
      return Status::Malformed("form: a character not allowed in a multipart boundary");
  if (boundary->back() == ' ') return Status::Malformed("form: a multipart boundary cannot end with a space");
  return boundary;
}

Result<Form> ParseMultipartForm(std::string_view body, std::string_view boundary, const FormLimits& limits) {
  if (boundary.empty() || boundary.size() > 70) return Status::Malformed("form: bad multipart boundary");
  const std::string delimiter = "--" + std::string(boundary);
  const std::string inner = "\r\n" + delimiter;
  // The first delimiter: at the start, or after a preamble line.
  std::size_t pos;
  if (body.substr(0, delimiter.size()) == delimiter) {
    pos = delimiter.size();
  } else {
    std::size_t at = body.find(inner);
    if (at == std::string_view::npos) return Status::Malformed("form: no multipart delimiter");
    pos = at + inner.size();
  }
  Form form;
  while (true) {
    // After a delimiter: "--" closes the body, else optional whitespace then CRLF.
    if (body.substr(pos, 2) == "--") return form;
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return Status::Malformed("form: a multipart delimiter must end its line");
    pos += 2;
    std::size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos && body.substr(pos, 2) != "\r\n")
      return Status::Malformed("form: a part's headers never end");
    std::string_view headers;
    if (body.substr(pos, 2) == "\r\n") {
      headers = {};
      pos += 2;
    } else {
      headers = body.substr(pos, headers_end - pos);
      pos = headers_end + 4;
    }
    if (headers.size() > limits.max_header_bytes)
      return Status::ResourceExhausted("form: a part's headers are over " + std::to_string(limits.max_header_bytes) + " bytes");
    std::string name;
    bool has_name = false, has_disposition = false;
    FormField field;
    std::size_t hpos = 0;
    while (hpos < headers.size()) {
      std::size_t eol = headers.find("\r\n", hpos);
      std::string_view line = headers.substr(hpos, eol == std::string_view::npos ? std::string_view::npos : eol - hpos);
      hpos = eol == std::string_view::npos ? headers.size() : eol + 2;
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) return Status::Malformed("form: a part header without ':'");
      std::string header_name = AsciiLower(line.substr(0, colon));
      std::string_view value = TrimSpaceTab(line.substr(colon + 1));
      if (header_name == "content-disposition") {
        if (has_disposition) return Status::Malformed("form: a part with two Content-Disposition headers");
        has_disposition = true;
        if (AsciiLower(TrimSpaceTab(value.substr(0, value.find(';')))) != "form-data")
          return Status::Malformed("form: a part's Content-Disposition must be form-data");
        auto n = HeaderParameter(value, "name", &has_name);
        if (!n.ok()) return n.status();
        name = std::move(*n);
        auto f = HeaderParameter(value, "filename", &field.is_file);
        if (!f.ok()) return f.status();
        field.filename = std::move(*f);
      } else if (header_name == "content-type") {
        field.content_type = AsciiLower(value);
      } else if (header_name == "content-transfer-encoding" && AsciiLower(value) != "binary" && AsciiLower(value) != "8bit" &&
                 AsciiLower(value) != "7bit") {
        return Status::Unsupported("form: a part's Content-Transfer-Encoding must be binary");
      }
    }
    if (!has_disposition || !has_name) return Status::Malformed("form: a part without a Content-Disposition name");
    std::size_t end = body.find(inner, pos);
    if (end == std::string_view::npos) return Status::Malformed("form: the multipart body is not closed");
    if (end - pos > limits.max_field_bytes)
      return Status::ResourceExhausted("form: field \"" + name + "\" is larger than " +
                                       std::to_string(limits.max_field_bytes) + " bytes");
    field.value = std::string(body.substr(pos, end - pos));
    PSL_RETURN_IF_ERROR(AddField(form, std::move(name), std::move(field), limits));
    pos = end + inner.size();
  }
}

Result<Form> ParseRequestForm(const HttpRequest& request, const FormLimits& limits) {
  const std::string content_type = request.Header("content-type");
  const std::string media = AsciiLower(TrimSpaceTab(std::string_view(content_type).substr(0, content_type.find(';'))));
  if (media == "application/x-www-form-urlencoded") return ParseUrlEncodedForm(request.body, limits);
  if (media == "multipart/form-data") {
    auto boundary = MultipartBoundary(content_type);
    if (!boundary.ok()) return boundary.status();
    return ParseMultipartForm(request.body, *boundary, limits);
  }
  return Status::Unsupported("form: send multipart/form-data or application/x-www-form-urlencoded");
}

}  // namespace passerelle::http
