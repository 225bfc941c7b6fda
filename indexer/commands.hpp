#pragma once
// indexer/ - the `indexer` command line: main parses (CLI11), commands run through common/,
// progress prints; watch/ follows a drop folder (inotify). A thin shell over common/.
//
// The indexer's subcommands: each takes its parsed options, does the work through common/,
// and returns the process exit code.
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "common/index/run.hpp"

namespace wm::cli {

enum ExitCode : int { kOk = 0, kSomeFilesFailed = 1, kFatal = 2 };

/// The exit code of a command stopped by an engine error of this kind. A file that cannot be
/// read is reported by the command and counted in kSomeFilesFailed, never thrown this far.
ExitCode exit_code_for(ErrorKind kind);

struct IndexCommand {
    std::string database;
    std::vector<std::string> inputs;
    bool prune = false;
    bool quiet = false;
    std::size_t batch = kDefaultBatchIssues;
    unsigned threads = 0;
    std::size_t shards = 0;
    bool rebuild = false;  ///< `indexer rebuild`: every stored issue decided again
};
struct WatchCommand {
    std::string database;
    std::string folder;
    int settle_ms = 2000;
};
struct ListCommand {
    std::string database;
};
struct ShowCommand {
    std::string database;
    std::string issue_id;
};
struct ExtractCommand {
    std::vector<std::string> inputs;
    std::string database;  ///< optional: whose glossary to start from
    bool json = false;
};

int run(const IndexCommand& command);
int run(const WatchCommand& command);
int run(const ListCommand& command);
int run(const ShowCommand& command);
int run(const ExtractCommand& command);

}  // namespace wm::cli
