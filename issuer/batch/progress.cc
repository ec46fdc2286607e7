// Passerelle — the progress bar.
#include "issuer/batch/progress.h"

#include <cstdio>
#include <ostream>

namespace passerelle::batch {

ProgressBar::ProgressBar(std::ostream& out, bool enabled, std::string label)
    : out_(out), enabled_(enabled), label_(std::move(label)) {}

void ProgressBar::Start(std::size_t total) {
  total_ = total;
  done_ = 0;
  start_ = std::chrono::steady_clock::now();
  last_draw_ = start_ - std::chrono::seconds(1);
}

std::string ProgressBar::Render(const std::string& label, std::size_t done, std::size_t total, double seconds) {
  constexpr int kWidth = 24;
  int filled = total == 0 ? kWidth : static_cast<int>(kWidth * static_cast<double>(done) / static_cast<double>(total));
  std::string bar;
  for (int i = 0; i < kWidth; ++i) bar += i < filled ? "#" : "-";
  double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
  char eta[32] = "--:--:--";
  if (rate > 0 && total >= done) {
    auto left = static_cast<long>((static_cast<double>(total - done)) / rate + 0.5);
    std::snprintf(eta, sizeof eta, "%ld:%02ld:%02ld", left / 3600, (left / 60) % 60, left % 60);
  }
  char line[160];
  std::snprintf(line, sizeof line, "%s [%s] %zu/%zu  %.0f/s  ETA %s", label.c_str(), bar.c_str(), done, total, rate, eta);
  return line;
}

void ProgressBar::Update(std::size_t done) {
  done_ = done;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  out_ << "\r" << Render(label_, done_, total_, seconds) << "\x1b[K" << std::flush;
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (!enabled_) return;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  out_ << "\r" << Render(label_, done_, total_, seconds) << "\x1b[K\n" << std::flush;
}

}  // namespace passerelle::batch
