#pragma once
// inotify over a folder tree: which issue files changed, and when only a full rescan can tell.
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace wm {

struct FileChange {
    std::string path;
    /// Closed after writing, or renamed into place: ready now. Otherwise (created, modified,
    /// deleted) the caller waits for the file to settle or for its close.
    bool complete = false;
};

struct FolderChanges {
    std::vector<FileChange> files;
    /// The kernel dropped events, or a folder appeared, vanished or was replaced: what changed
    /// inside it is unknown.
    bool rescan = false;
};

class FolderWatch {
public:
    /// Watches root and every folder under it; the root's parent is watched too, so a root that
    /// is deleted, renamed away or replaced is picked up again. Throws std::runtime_error.
    explicit FolderWatch(std::string root);
    ~FolderWatch();
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;

    /// Readable when events are waiting (for poll()).
    int fd() const { return fd_; }
    /// Reads every waiting event without blocking.
    FolderChanges read_changes();

private:
    void watch_root();
    void watch_tree(const std::filesystem::path& folder);
    void forget_tree();

    std::filesystem::path root_;
    int fd_ = -1;
    int parent_watch_ = -1;
    std::unordered_map<int, std::filesystem::path> folders_;  ///< watch descriptor -> folder
};

}  // namespace wm
