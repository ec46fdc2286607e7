// Passerelle — a one-line progress bar on stderr for long CLI runs:
//   issuing [##########··········]  830/1460  2154/s  ETA 0:00:01
// Drawn only when the stream is a terminal, at most ten times a second.
// Thread-compatible: one thread updates it.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>

namespace passerelle::batch {

class ProgressBar {
 public:
  // `enabled` is normally isatty(STDERR_FILENO).
  ProgressBar(std::ostream& out, bool enabled, std::string label);
  // Sets the total (known once the plan is made) and restarts the clock.
  void Start(std::size_t total);
  void Update(std::size_t done);
  // Draws the final state and ends the line.
  void Finish();

  // The bar as text, for tests: done/total, rate, ETA.
  static std::string Render(const std::string& label, std::size_t done, std::size_t total, double seconds);

 private:
  std::ostream& out_;
  bool enabled_;
  std::string label_;
  std::size_t total_ = 0, done_ = 0;
  std::chrono::steady_clock::time_point start_, last_draw_;
  bool drawn_ = false;
};

}  // namespace passerelle::batch
