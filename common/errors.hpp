#pragma once
// Library errors are exceptions; the CLI and the daemon turn each into one message at their edge.
#include <stdexcept>
#include <string>

namespace wm {

/// A source file that cannot be indexed (empty, binary, too large...). The batch goes on without it.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Another process holds the database's write lock.
struct DatabaseLockedError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// The request itself is wrong (unknown issue id, malformed option): the caller can fix it.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A request parameter is invalid. code is a stable machine-readable name in Meilisearch's
/// style ("invalid_search_per_page"); the HTTP layer maps it to a status.
struct InvalidRequest : UsageError {
    InvalidRequest(std::string error_code, const std::string& message)
        : UsageError(message), code(std::move(error_code)) {}
    std::string code;
};

/// Something was looked up that does not exist (an issue id, a facet value).
struct NotFoundError : std::runtime_error {
    explicit NotFoundError(const std::string& message, std::string error_code = "not_found")
        : std::runtime_error(message), code(std::move(error_code)) {}
    std::string code;
};

}  // namespace wm
