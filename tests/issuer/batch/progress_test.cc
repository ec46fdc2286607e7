// Tests for issuer/batch/progress.h: the one-line progress bar and what it draws.
#include "issuer/batch/progress.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

namespace passerelle::batch {
namespace {

TEST_CASE("batch: the progress bar shows done/total, rate and ETA", "[issuer][batch]") {
  std::string line = ProgressBar::Render("issuing", 500, 1000, 0.25);
  CHECK(line.find("500/1000") != std::string::npos);
  CHECK(line.find("2000/s") != std::string::npos);
  CHECK(line.find("ETA 0:00:00") != std::string::npos);
  CHECK(line.find("############------------") != std::string::npos);
}

TEST_CASE("progress: an empty plan is full, and no time yet means no rate and no ETA", "[issuer][batch]") {
  CHECK(ProgressBar::Render("issuing", 0, 0, 1.0).find("[########################]") != std::string::npos);
  const std::string start = ProgressBar::Render("issuing", 0, 1460, 0.0);
  CHECK(start.rfind("issuing [------------------------] 0/1460", 0) == 0);
  CHECK(start.find("0/s") != std::string::npos);
  CHECK(start.find("ETA --:--:--") != std::string::npos);
  // Hours, minutes and seconds left: 3661 items at 1/s.
  CHECK(ProgressBar::Render("x", 1, 3662, 1.0).find("ETA 1:01:01") != std::string::npos);
  // Done is never past total on the bar: more done than planned shows no ETA.
  CHECK(ProgressBar::Render("x", 5, 4, 1.0).find("ETA --:--:--") != std::string::npos);
}

TEST_CASE("progress: a disabled bar writes nothing", "[issuer][batch]") {
  std::ostringstream out;
  ProgressBar bar(out, /*enabled=*/false, "issuing");
  bar.Start(10);
  bar.Update(5);
  bar.Finish();
  CHECK(out.str().empty());
}

TEST_CASE("progress: an enabled bar redraws in place and ends its line on Finish", "[issuer][batch]") {
  std::ostringstream out;
  ProgressBar bar(out, /*enabled=*/true, "issuing");
  bar.Start(10);
  bar.Update(3);  // the first update draws at once
  const std::string first = out.str();
  CHECK(first.rfind("\rissuing [", 0) == 0);
  CHECK(first.find("3/10") != std::string::npos);
  CHECK(first.find('\n') == std::string::npos);
  bar.Update(4);  // within 100 ms of the last draw: not drawn
  CHECK(out.str() == first);
  bar.Finish();
  const std::string all = out.str();
  CHECK(all.back() == '\n');
  CHECK(all.find("4/10") != std::string::npos);  // the final state, drawn
}

}  // namespace
}  // namespace passerelle::batch
