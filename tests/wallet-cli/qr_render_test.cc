// Tests for wallet-cli/qr_render.h: the QR module grid and its SVG and terminal renderings.
#include "wallet-cli/qr_render.h"

#include <catch2/catch.hpp>

#include <string>

namespace passerelle::wallet {
namespace {

TEST_CASE("qr render: the grid has the size of its version and keeps the finder patterns", "[wallet][qr]") {
  auto m = EncodeQrMatrix("PSL1:ABC");
  REQUIRE(m.ok());
  CHECK(m->version == 1);
  CHECK(m->size == 21);
  CHECK(m->dark.size() == 21u * 21u);
  // The three finder patterns: dark corners, a light ring inside.
  for (auto [x, y] : {std::pair{0, 0}, std::pair{20, 0}, std::pair{0, 20}}) CHECK(m->At(x, y));
  CHECK_FALSE(m->At(1, 1));
  CHECK(m->At(3, 3));
  // Outside the grid is light.
  CHECK_FALSE(m->At(-1, 0));
  CHECK_FALSE(m->At(0, 21));
  // The same payload always gives the same grid.
  CHECK(EncodeQrMatrix("PSL1:ABC")->dark == m->dark);
}

TEST_CASE("qr render: any text in byte mode, refused only when too long", "[wallet][qr]") {
  auto offer = EncodeQrText("openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Foffers%2F1");
  REQUIRE(offer.ok());
  CHECK(offer->size == 17 + 4 * offer->version);
  CHECK(EncodeQrText("lower case and \xc3\xa9").ok());
  CHECK(EncodeQrText(std::string(3000, 'x')).status().code() == Code::kResourceExhausted);
}

TEST_CASE("qr render: the terminal rendering has two module rows a line and the quiet zone", "[wallet][qr]") {
  auto m = EncodeQrMatrix("PSL1:ABC");
  REQUIRE(m.ok());
  const std::string text = RenderTerminal(*m);
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  CHECK(lines == static_cast<std::size_t>((m->size + 2 * kQuietZoneModules + 1) / 2));
  // Each line resets the colours at its end.
  CHECK_THAT(text.substr(0, text.find('\n')), Catch::EndsWith("\x1b[0m"));
}

TEST_CASE("the SVG rendering is a standalone document with a quiet zone", "[wallet][qr]") {
  auto m = EncodeQrMatrix("PSL1:ABC");
  REQUIRE(m.ok());
  std::string svg = RenderSvg(*m);
  CHECK(svg.rfind("<?xml", 0) == 0);
  int full = m->size + 8;
  CHECK_THAT(svg, Catch::Contains("viewBox=\"0 0 " + std::to_string(full) + " " + std::to_string(full) + "\""));
  CHECK_THAT(svg, Catch::Contains("M4,4h1v1h-1z"));  // the finder pattern's corner, 4 modules in
}

TEST_CASE("QR encoding refuses non-alphanumeric text and oversize payloads", "[wallet][qr]") {
  CHECK(EncodeQrMatrix("psl1:abc").status().code() == Code::kInvalidArgument);
  CHECK(EncodeQrMatrix(std::string(3392, 'A')).status().code() == Code::kResourceExhausted);
  auto max = EncodeQrMatrix(std::string(3391, 'A'));
  REQUIRE(max.ok());
  CHECK(max->version == 40);
  CHECK(RenderPng(*max, 0).status().code() == Code::kInvalidArgument);
}

}  // namespace
}  // namespace passerelle::wallet
