#include "indexer/progress.hpp"

#include <cstdio>
#include <string>

namespace wm::cli {
namespace {

constexpr auto kTerminalInterval = std::chrono::milliseconds(100);
constexpr auto kPlainInterval = std::chrono::seconds(5);
constexpr int kBarWidth = 30;

}  // namespace

ProgressPrinter::ProgressPrinter(bool terminal)
    : terminal_(terminal), started_(std::chrono::steady_clock::now()), last_printed_(started_) {}

void ProgressPrinter::operator()(const IndexProgress& progress) {
    const auto now = std::chrono::steady_clock::now();
    const bool finished = progress.done == progress.total && progress.current_file.empty();
    if (!finished && now - last_printed_ < (terminal_ ? kTerminalInterval : kPlainInterval)) return;
    last_printed_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    const double rate = seconds > 0 ? static_cast<double>(progress.done) / seconds : 0.0;
    if (terminal_) {
        const int filled = progress.total ? static_cast<int>(kBarWidth * progress.done / progress.total) : kBarWidth;
        std::fprintf(stderr, "\r\033[K[%s%s] %zu/%zu files, %.1f files/s", std::string(filled, '#').c_str(),
                     std::string(kBarWidth - filled, ' ').c_str(), progress.done, progress.total, rate);
        if (finished) std::fputc('\n', stderr);
    } else if (!finished) {
        std::fprintf(stderr, "indexer: read %zu/%zu files (%.1f files/s)\n", progress.done, progress.total, rate);
    }
    std::fflush(stderr);
}

}  // namespace wm::cli
