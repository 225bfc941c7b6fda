#pragma once
// Progress of a long indexing run on stderr: a redrawn bar on a terminal, periodic plain lines
// otherwise (logs, CI).
#include <chrono>

#include "common/index/run.hpp"

namespace wm::cli {

class ProgressPrinter {
public:
    explicit ProgressPrinter(bool terminal);
    void operator()(const IndexProgress& progress);

private:
    bool terminal_;
    std::chrono::steady_clock::time_point started_, last_printed_;
};

}  // namespace wm::cli
