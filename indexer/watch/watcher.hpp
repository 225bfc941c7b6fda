#pragma once
// Keeps a database in step with a folder that issues are dropped into (`indexer watch`).
#include <chrono>
#include <functional>
#include <string>

namespace wm {

struct WatchOptions {
    std::string database;
    std::string folder;
    /// A file that changed but was not seen closed counts as written once unchanged this long.
    std::chrono::milliseconds settle{2000};
    /// Changes arriving closer together than this are gathered into one commit...
    std::chrono::milliseconds quiet{250};
    /// ...but a steady stream of drops is committed at least this often.
    std::chrono::milliseconds max_delay{3000};
};

/// Receives one line per action (added, replaced, removed, failed, retrying...).
using WatchLog = std::function<void(const std::string& line)>;

/// Indexes the folder (incremental, pruning issues whose files are gone), then every issue
/// file that is written, renamed into place or deleted, until stop_fd becomes readable. A
/// batch that cannot be written (database locked, disk full) is retried with backoff, so
/// nothing is lost. Throws ConfigError for a database of another schema, std::runtime_error
/// when the folder cannot be watched.
void watch_folder(const WatchOptions& options, const WatchLog& log, int stop_fd);

}  // namespace wm
