#include "indexer/watch/inotify.hpp"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "common/index/files.hpp"

namespace wm {
namespace fs = std::filesystem;
namespace {

constexpr std::uint32_t kTreeEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                      IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;
constexpr std::uint32_t kParentEvents = IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR;

std::runtime_error system_error(const std::string& what) {
    return std::runtime_error(what + ": " + std::strerror(errno));
}

}  // namespace

FolderWatch::FolderWatch(std::string root) : root_(fs::absolute(root).lexically_normal()) {
    if (root_.has_filename() == false) root_ = root_.parent_path();
    fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0) throw system_error("cannot start inotify");
    parent_watch_ = inotify_add_watch(fd_, root_.parent_path().c_str(), kParentEvents);
    if (parent_watch_ < 0) {
        const auto error = system_error("cannot watch " + root_.parent_path().string());
        close(fd_);
        throw error;
    }
    watch_root();
}

FolderWatch::~FolderWatch() { close(fd_); }

void FolderWatch::watch_root() {
    forget_tree();
    std::error_code error;
    if (fs::is_directory(root_, error)) watch_tree(root_);
}

void FolderWatch::watch_tree(const fs::path& folder) {
    const int watch = inotify_add_watch(fd_, folder.c_str(), kTreeEvents);
    if (watch < 0) {
        // A folder removed while being walked is not an error; running out of watches is.
        if (errno == ENOENT || errno == ENOTDIR) return;
        throw system_error("cannot watch " + folder.string() +
                           (errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : ""));
    }
    folders_[watch] = folder;
    std::error_code error;
    for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
        const auto name = it->path().filename().string();
        if (!name.empty() && name[0] != '.' && it->is_directory(error)) watch_tree(it->path());
    }
}

void FolderWatch::forget_tree() {
    for (const auto& [watch, folder] : folders_) inotify_rm_watch(fd_, watch);
    folders_.clear();
}

FolderChanges FolderWatch::read_changes() {
    FolderChanges changes;
    bool rewatch = false;
    alignas(inotify_event) char buffer[64 * 1024];
    for (;;) {
        const ssize_t length = read(fd_, buffer, sizeof buffer);
        if (length < 0 && errno == EINTR) continue;
        if (length < 0 && errno == EAGAIN) break;
        if (length <= 0) throw system_error("cannot read inotify events");
        for (ssize_t offset = 0; offset < length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
            offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            const std::string name = event->len ? event->name : "";
            if (event->mask & IN_Q_OVERFLOW) {
                changes.rescan = true;
                continue;
            }
            if (event->wd == parent_watch_) {
                if (name == root_.filename().string()) rewatch = true;
                continue;
            }
            const auto folder = folders_.find(event->wd);
            if (folder == folders_.end()) continue;  // from a tree already forgotten
            if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_ISDIR)) {
                // Folders came or went: watches are laid again and the whole tree rescanned.
                if (!(event->mask & IN_ISDIR) || (!name.empty() && name[0] != '.')) rewatch = true;
                continue;
            }
            if (!is_issue_file_name(name)) continue;
            const bool complete = event->mask & (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE);
            changes.files.push_back({(folder->second / name).string(), complete});
        }
    }
    if (rewatch) {
        watch_root();
        changes.rescan = true;
    }
    return changes;
}

}  // namespace wm
