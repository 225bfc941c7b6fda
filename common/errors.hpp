#pragma once
// Errors: the library throws, the edges turn each into one clear message. The engine says what
// kind of failure it is; the edges decide what a kind means to their caller: the indexer an exit
// code (indexer/main.cpp), searchd an HTTP status and error code (api/error_codes.hpp).
#include <stdexcept>
#include <string>

namespace wm {

enum class ErrorKind {
    not_found,         ///< no such issue, or no issue mentions the name
    unavailable,       ///< the database cannot be opened or written now: missing, locked, a shard down
    misconfigured,     ///< nothing will work until a person changes the configuration
    unreadable_input,  ///< a source file that cannot be indexed
    abandoned,         ///< the search's client went away, so the search stopped
};

struct Error : std::runtime_error {
    Error(ErrorKind error_kind, const std::string& message) : std::runtime_error(message), kind(error_kind) {}
    ErrorKind kind;
};

/// What was asked for is not in the index (an unknown issue id, a name no issue mentions).
struct NotFoundError : Error {
    explicit NotFoundError(const std::string& message) : Error(ErrorKind::not_found, message) {}
};

/// The database cannot be opened or written now: missing, locked by another writer, a shard
/// unreachable. Retrying later may work (the watcher retries with backoff).
struct UnavailableError : Error {
    explicit UnavailableError(const std::string& message) : Error(ErrorKind::unavailable, message) {}
};

/// The configuration is wrong (a database of another schema version, a shard count that
/// differs from the folder's): nothing will work until a person changes it.
struct ConfigError : Error {
    explicit ConfigError(const std::string& message) : Error(ErrorKind::misconfigured, message) {}
};

/// A source file that cannot be indexed (empty, binary, too large...). The batch goes on without it.
struct InputError : Error {
    explicit InputError(const std::string& message) : Error(ErrorKind::unreadable_input, message) {}
};

}  // namespace wm
