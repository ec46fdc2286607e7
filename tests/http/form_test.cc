// Tests for http/form.h: url-encoded and multipart/form-data bodies, read
// strictly, and hostile bodies refused without a crash or a hang.
#include "http/form.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <random>

namespace passerelle::http {
namespace {

const std::string kBoundary = "----formBoundary7MA4YWxk";

std::string Part(const std::string& disposition, const std::string& body, const std::string& type = "") {
  return "--" + kBoundary + "\r\nContent-Disposition: " + disposition + "\r\n" +
         (type.empty() ? "" : "Content-Type: " + type + "\r\n") + "\r\n" + body + "\r\n";
}

TEST_CASE("form: url-encoded fields", "[http][form]") {
  auto f = ParseUrlEncodedForm("a=1&&b=x+y%21&empty=&flag");
  REQUIRE(f.ok());
  CHECK(f->at("a").value == "1");
  CHECK(f->at("b").value == "x y!");
  CHECK(f->at("empty").value.empty());
  CHECK(f->count("flag") == 1);
  CHECK(ParseUrlEncodedForm("a=%4").status().code() == Code::kMalformed);
  CHECK(ParseUrlEncodedForm("a=%zz").status().code() == Code::kMalformed);
  CHECK(ParseUrlEncodedForm("a=1&a=2").status().code() == Code::kMalformed);
  FormLimits two;
  two.max_fields = 2;
  CHECK(ParseUrlEncodedForm("a&b&c", two).status().code() == Code::kResourceExhausted);
}

TEST_CASE("form: multipart boundary from the Content-Type", "[http][form]") {
  CHECK(MultipartBoundary("multipart/form-data; boundary=" + kBoundary).value() == kBoundary);
  CHECK(MultipartBoundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\"").value() == "a b:c");
  CHECK(!MultipartBoundary("multipart/form-data").ok());
  CHECK(!MultipartBoundary("multipart/form-data; boundary=").ok());
  CHECK(!MultipartBoundary("multipart/form-data; boundary=" + std::string(71, 'x')).ok());
  CHECK(!MultipartBoundary("multipart/form-data; boundary=a<b").ok());
  CHECK(!MultipartBoundary("multipart/form-data; boundary=a; boundary=b").ok());
  CHECK(!MultipartBoundary("multipart/mixed; boundary=a").ok());
  CHECK(!MultipartBoundary("multipart/form-data; boundary=\"abc").ok());
}

TEST_CASE("form: multipart parts, text and files", "[http][form]") {
  std::string png("\x89PNG\r\n\x1a\n\0\r\n--not-the-boundary", 30);
  std::string body = "preamble\r\n" + Part("form-data; name=\"qr_text\"", "PSL1:ABC") +
                     Part("form-data; name=\"qr_image\"; filename=\"photo \\\"1\\\".png\"", png, "image/PNG") +
                     Part("form-data; name=\"challenge\"", "") + "--" + kBoundary + "--\r\nepilogue";
  auto f = ParseMultipartForm(body, kBoundary);
  INFO(f.status().ToString());
  REQUIRE(f.ok());
  CHECK(f->at("qr_text").value == "PSL1:ABC");
  CHECK(!f->at("qr_text").is_file);
  CHECK(f->at("qr_image").value == png);
  CHECK(f->at("qr_image").is_file);
  CHECK(f->at("qr_image").filename == "photo \"1\".png");
  CHECK(f->at("qr_image").content_type == "image/png");
  CHECK(f->at("challenge").value.empty());
}

TEST_CASE("form: malformed multipart bodies are refused", "[http][form]") {
  const std::string end = "--" + kBoundary + "--\r\n";
  const std::string ok_part = Part("form-data; name=\"a\"", "1");
  CHECK(ParseMultipartForm(ok_part + end, kBoundary).ok());
  for (const std::string& bad : {
           std::string(""),
           ok_part,                                                  // never closed
           Part("form-data", "1") + end,                             // no name
           Part("attachment; name=\"a\"", "1") + end,                // not form-data
           Part("form-data; name=\"a\"", "1") + ok_part + end,       // repeated name
           Part("form-data; name=\"a; filename=x", "1") + end,       // unterminated quote
           "--" + kBoundary + "\r\nContent-Disposition form-data\r\n\r\n1\r\n" + end,
           "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n",  // headers never end
           "--" + kBoundary + "junk\r\n" + end,
       }) {
    INFO(bad);
    CHECK(!ParseMultipartForm(bad, kBoundary).ok());
  }
  FormLimits small;
  small.max_field_bytes = 4;
  CHECK(ParseMultipartForm(Part("form-data; name=\"a\"", "12345") + end, kBoundary, small).status().code() ==
        Code::kResourceExhausted);
  small.max_fields = 1;
  small.max_field_bytes = 100;
  CHECK(ParseMultipartForm(ok_part + Part("form-data; name=\"b\"", "2") + end, kBoundary, small).status().code() ==
        Code::kResourceExhausted);
  FormLimits short_headers;
  short_headers.max_header_bytes = 16;
  CHECK(ParseMultipartForm(ok_part + end, kBoundary, short_headers).status().code() == Code::kResourceExhausted);
}

TEST_CASE("form: hostile bodies never crash and stay linear", "[http][form]") {
  std::mt19937 rng(42);
  const std::string alphabet = "-\r\n\"=;:ab " + kBoundary.substr(0, 6);
  for (int i = 0; i < 3000; ++i) {
    std::string junk = "--" + kBoundary;
    std::size_t n = rng() % 300;
    for (std::size_t k = 0; k < n; ++k) junk += alphabet[rng() % alphabet.size()];
    (void)ParseMultipartForm(junk, kBoundary);
    (void)ParseUrlEncodedForm(junk);
  }
  // Many empty parts, many headers, a body of delimiters: all bounded.
  std::string many;
  for (int i = 0; i < 20000; ++i) many += "--" + kBoundary + "\r\n\r\n\r\n";
  auto start = std::chrono::steady_clock::now();
  CHECK(!ParseMultipartForm(many, kBoundary).ok());
  CHECK(!ParseMultipartForm(std::string(4 << 20, '-'), kBoundary).ok());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
}

TEST_CASE("form: a request's form by its media type", "[http][form]") {
  HttpRequest r;
  r.headers["content-type"] = "application/x-www-form-urlencoded; charset=UTF-8";
  r.body = "lang=fr";
  CHECK(ParseRequestForm(r).value().at("lang").value == "fr");
  r.headers["content-type"] = "multipart/form-data; boundary=" + kBoundary;
  r.body = Part("form-data; name=\"lang\"", "ru") + "--" + kBoundary + "--";
  CHECK(ParseRequestForm(r).value().at("lang").value == "ru");
  r.headers["content-type"] = "text/plain";
  CHECK(ParseRequestForm(r).status().code() == Code::kUnsupported);
}

}  // namespace
}  // namespace passerelle::http
