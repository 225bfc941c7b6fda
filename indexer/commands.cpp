#include "indexer/commands.hpp"

#include <sys/signalfd.h>
#include <unistd.h>

#include <csignal>
#include <ctime>
#include <cstdio>
#include <iostream>

#include <xapian.h>

#include "common/errors.hpp"
#include "common/facets/facets.hpp"
#include "common/index/run.hpp"
#include "common/index/layout_counts.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/model/issue_record.hpp"
#include "common/parse/furniture_learner.hpp"
#include "common/text/text.hpp"
#include "indexer/progress.hpp"
#include "indexer/watch/watcher.hpp"

namespace wm::cli {
namespace {

void print_problems(const std::vector<FileProblem>& problems, std::string_view kind) {
    for (const auto& problem : problems) std::cerr << problem.file << ": " << kind << problem.reason << '\n';
}

void print_facets_as_text(const IssueRecord& record) {
    std::cout << record.issue.id << "  " << record.issue.title << "  ("
              << (record.issue.month.empty() ? "-" : record.issue.month) << ")\n";
    const auto line = [](std::string_view name, const std::vector<std::string>& values) {
        std::cout << "  " << name << ": ";
        for (std::size_t i = 0; i < values.size(); ++i) std::cout << (i ? "; " : "") << values[i];
        std::cout << '\n';
    };
    for (const auto& facet : schema::kFacets) line(facet.name, record.facets.issue[facet.id]);
}

// One log line, stamped with UTC time and flushed, so that a tail or the journal sees it at once.
void log_line(const std::string& line) {
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
    std::cout << stamp << ' ' << line << std::endl;
}

// SIGINT and SIGTERM become readable on a descriptor, so the watch stops between batches.
int stop_signal_fd() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    sigprocmask(SIG_BLOCK, &signals, nullptr);
    return signalfd(-1, &signals, SFD_CLOEXEC);
}

}  // namespace

ExitCode exit_code_for(ErrorKind kind) {
    switch (kind) {
        // Nothing was done: the database is locked, missing or of another layout, or the
        // issue asked for is not indexed. A re-run once that is put right does it all.
        case ErrorKind::unavailable:
        case ErrorKind::misconfigured:
        case ErrorKind::not_found:
        case ErrorKind::unreadable_input:
        case ErrorKind::abandoned: return kFatal;
    }
    return kFatal;
}

int run(const WatchCommand& command) {
    WatchOptions options;
    options.database = command.database;
    options.folder = command.folder;
    options.settle = std::chrono::milliseconds(command.settle_ms);
    const int stop_fd = stop_signal_fd();
    watch_folder(options, log_line, stop_fd);
    close(stop_fd);
    return kOk;
}

int run(const IndexCommand& command) {
    if (command.rebuild) open_for_reading(command.database);  // refuses, saying why, when there is nothing to rebuild
    IndexOptions options;
    options.database = command.database;
    options.inputs = command.inputs;
    options.prune = command.prune;
    options.batch_issues = command.batch;
    options.workers = command.threads;
    options.shards = command.shards;
    options.rebuild = command.rebuild;
    ProgressCallback progress;
    if (!command.quiet) progress = ProgressPrinter(isatty(STDERR_FILENO) != 0);
    IndexReport report;
    try {
        report = index_paths(options, progress);
    } catch (const Xapian::DatabaseError& e) {
        // A full disk, a file-size limit or an I/O error: the batch in progress was never committed.
        throw std::runtime_error("cannot write the database " + command.database + ": " + e.get_description() +
                                 "; the last commit is intact");
    }
    print_problems(report.warnings, "warning: ");
    print_problems(report.failures, "");
    std::printf("added %zu, replaced %zu, unchanged %zu, removed %zu, failed %zu in %.2f s\n",
                report.added, report.replaced, report.unchanged, report.removed, report.failed,
                report.seconds);
    return report.failed ? kSomeFilesFailed : kOk;
}

int run(const ListCommand& command) {
    const auto db = open_for_reading(command.database);
    for (const auto& issue : list_issues(db))
        std::cout << issue.id << '\t' << (issue.month.empty() ? "-" : issue.month) << '\t'
                  << issue.file << '\t' << issue.title << '\n';
    return kOk;
}

int run(const ShowCommand& command) {
    const auto db = open_for_reading(command.database);
    std::cout << nlohmann::json(read_issue(db, command.issue_id)).dump(2) << '\n';
    return kOk;
}

int run(const ExtractCommand& command) {
    std::vector<FileProblem> problems;
    const auto files = collect_issue_files(command.inputs, problems);
    // Every file is read before any is parsed: each page is judged against the layout of all of
    // them (and of the database's archive), as the indexer judges a run's files.
    struct ReadFile {
        std::string path, bytes;
    };
    std::vector<ReadFile> read;
    std::vector<LayoutKeys> layouts;
    for (const auto& path : files) {
        try {
            auto bytes = read_file_bytes(path, kMaxIssueFileBytes);
            layouts.push_back(layout_keys_of(decode_text(bytes).text, path));
            read.push_back({path, std::move(bytes)});
        } catch (const InputError& e) {
            problems.push_back({path, e.what()});
        }
    }
    std::vector<Xapian::Database> stored;
    std::vector<Xapian::Document> replaced;  // the given files' own stored pages count once
    Glossary glossary;
    if (!command.database.empty()) {
        stored.push_back(open_for_reading(command.database));
        glossary = load_glossary(stored.back());
        for (const auto& file : read)
            if (const auto docid = find_issue(stored.back(), issue_id_for_path(file.path)))
                replaced.push_back(stored.back().get_document(*docid));
    }
    const auto archive = archive_layout_with(stored, replaced, layouts);
    std::vector<IssueRecord> records;
    for (const auto& file : read) {
        try {
            IssueRecord record;
            record.issue = parse_issue_bytes(file.bytes, file.path, archive);
            glossary.learn(record.issue);
            records.push_back(std::move(record));
        } catch (const InputError& e) {
            problems.push_back({file.path, e.what()});
        }
    }
    for (auto& record : records) {
        record.facets = extract_facets(record.issue, glossary);
        if (!command.json) {
            print_facets_as_text(record);
            continue;
        }
        auto out = nlohmann::json(record);
        out.erase("path");
        out.erase("fingerprint");
        for (auto& section : out["sections"]) section.erase("body");
        std::cout << out.dump() << '\n';
    }
    print_problems(problems, "");
    return problems.empty() ? kOk : kSomeFilesFailed;
}

}  // namespace wm::cli
