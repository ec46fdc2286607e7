// Fuzz target: `verifier serve`'s request handlers
// (verifier/http/verify_service.h): the employer page, its form and upload
// parsing, challenge codes, the VC-API verify routes — the real route table,
// requests from fuzz bytes (fuzz/http_input.h), a fixed clock.
#include "fuzz/fuzz_support.h"
#include "fuzz/http_input.h"
#include "verifier/http/verify_service.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace passerelle;
  static const http::Router* router = [] {
    auto* r = new http::Router;
    VerifyOptions options;
    options.now = fuzz::FixedNow();
    options.trusted_issuers = {"did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"};
    verifier_http::RegisterRoutes(*r, options);
    return r;
  }();
  http::HttpRequest request;
  if (!fuzz::ReadHttpRequest(fuzz::Text(data, size), "", &request)) return 0;
  (void)fuzz::Dispatch(*router, nullptr, 8u << 20, std::move(request));
  return 0;
}
