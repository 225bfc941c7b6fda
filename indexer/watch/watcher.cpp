#include "indexer/watch/watcher.hpp"

#include <poll.h>
#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "common/errors.hpp"
#include "common/index/run.hpp"
#include "indexer/watch/inotify.hpp"

namespace wm {
namespace {
using Clock = std::chrono::steady_clock;

// What is waiting to be indexed, and when each part is ready.
class PendingChanges {
public:
    void add(const FolderChanges& changes, Clock::time_point now, std::chrono::milliseconds settle) {
        for (const auto& file : changes.files) ready_at_[file.path] = file.complete ? now : now + settle;
        rescan_ = rescan_ || changes.rescan;
        if (!changes.files.empty() || changes.rescan) last_change_ = now;
    }
    void rescan_later() { rescan_ = true; }
    bool empty() const { return !rescan_ && ready_at_.empty(); }

    /// When the next batch should be written, given the options; Clock::time_point::max() if never.
    Clock::time_point flush_time(const WatchOptions& options) const {
        auto first_ready = rescan_ ? last_change_ : Clock::time_point::max();
        for (const auto& [path, ready] : ready_at_) first_ready = std::min(first_ready, ready);
        if (first_ready == Clock::time_point::max()) return first_ready;
        const auto burst_over = std::min(last_change_ + options.quiet, first_ready + options.max_delay);
        return std::max({first_ready, burst_over, retry_at_});
    }

    bool wants_rescan() const { return rescan_; }

    /// Takes the batch that is ready at now: the whole folder when a rescan is due and the
    /// folder is there, else the ready files. Files still being written are left for later.
    IndexOptions take(const WatchOptions& options, Clock::time_point now, bool folder_exists) {
        IndexOptions batch;
        batch.database = options.database;
        if (rescan_ && folder_exists) {
            batch.inputs = {options.folder};
            batch.prune = true;
        }
        // A missing folder is rescanned when its parent's watch sees it return.
        rescan_ = false;
        for (auto it = ready_at_.begin(); it != ready_at_.end();) {
            if (it->second > now) {
                if (batch.prune) batch.skipped_files.push_back(it->first);
                ++it;
                continue;
            }
            std::error_code error;
            if (!batch.prune)
                (std::filesystem::exists(it->first, error) ? batch.inputs : batch.deleted_files).push_back(it->first);
            it = ready_at_.erase(it);
        }
        return batch;
    }

    /// Puts a batch that failed back, to be retried at retry_at.
    void put_back(const IndexOptions& batch, Clock::time_point retry_at) {
        if (batch.prune) rescan_ = true;
        else
            for (const auto& path : batch.inputs) ready_at_.emplace(path, Clock::time_point{});
        for (const auto& path : batch.deleted_files) ready_at_.emplace(path, Clock::time_point{});
        retry_at_ = retry_at;
    }

private:
    std::map<std::string, Clock::time_point> ready_at_;
    bool rescan_ = true;  // the first batch catches up with whatever changed while not watching
    Clock::time_point last_change_ = Clock::now();
    Clock::time_point retry_at_{};
};

std::string describe(const IndexReport& report) {
    return "added " + std::to_string(report.added) + ", replaced " + std::to_string(report.replaced) +
           ", unchanged " + std::to_string(report.unchanged) + ", removed " + std::to_string(report.removed) +
           ", failed " + std::to_string(report.failed);
}

void log_report(const IndexReport& report, const WatchLog& log) {
    for (const auto& action : report.actions)
        log(std::string(action.kind) + " " + action.issue_id + " (" + action.path + ")");
    for (const auto& problem : report.warnings) log("warning " + problem.file + ": " + problem.reason);
    for (const auto& problem : report.failures) log("failed " + problem.file + ": " + problem.reason);
    if (!report.actions.empty() || report.failed) log("committed: " + describe(report));
}

bool stop_requested(int stop_fd, int timeout_ms, int watch_fd, bool& events_waiting) {
    pollfd fds[2] = {{stop_fd, POLLIN, 0}, {watch_fd, POLLIN, 0}};
    const int ready = poll(fds, 2, timeout_ms);
    events_waiting = ready > 0 && (fds[1].revents & POLLIN);
    return ready > 0 && (fds[0].revents & (POLLIN | POLLHUP));
}

}  // namespace

void watch_folder(const WatchOptions& options, const WatchLog& log, int stop_fd) {
    FolderWatch watch(options.folder);
    log("watching " + options.folder + " for " + options.database);
    PendingChanges pending;
    auto backoff = std::chrono::seconds(1);
    for (;;) {
        const auto now = Clock::now();
        const auto flush_at = pending.flush_time(options);
        if (flush_at <= now) {
            // Events read just before a rescan tell it which files are still being written.
            pending.add(watch.read_changes(), now, options.settle);
            const bool folder_exists = std::filesystem::is_directory(options.folder);
            if (pending.wants_rescan() && !folder_exists)
                log("folder " + options.folder + " is missing; waiting for it to come back");
            auto batch = pending.take(options, now, folder_exists);
            if (batch.inputs.empty() && batch.deleted_files.empty()) continue;
            // A locked database, a full disk or a failed write passes: the batch waits and is
            // tried again. Only a wrong configuration (another schema, another shard layout) stops.
            const auto retry_later = [&](const std::string& reason) {
                log("error: " + reason + "; retrying in " + std::to_string(backoff.count()) + " s");
                pending.put_back(batch, Clock::now() + backoff);
                backoff = std::min(backoff * 2, std::chrono::seconds(60));
            };
            try {
                const auto report = index_paths(batch);
                log_report(report, log);
                if (batch.prune) log("folder indexed: " + describe(report));
                backoff = std::chrono::seconds(1);
            } catch (const ConfigError&) {
                throw;
            } catch (const Xapian::Error& e) {
                retry_later(e.get_description());
            } catch (const std::exception& e) {
                retry_later(e.what());
            }
            continue;
        }
        const int timeout_ms = flush_at == Clock::time_point::max()
            ? -1
            : static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(flush_at - now).count());
        bool events_waiting = false;
        if (stop_requested(stop_fd, timeout_ms, watch.fd(), events_waiting)) {
            log("stopping");
            return;
        }
        if (events_waiting) pending.add(watch.read_changes(), Clock::now(), options.settle);
    }
}

}  // namespace wm
