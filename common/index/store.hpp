#pragma once
// Opening the index and reading issues back out of it, for the indexer and the daemon.
#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "common/facets/glossary.hpp"
#include "common/model/issue_record.hpp"

namespace wm {

/// Opens (creating if needed) the database for writing. Throws UnavailableError when another
/// writer holds it and ConfigError when it was written with another schema version (an older
/// one is accepted when accept_older_schema: the caller rebuilds it).
Xapian::WritableDatabase open_for_writing(const std::string& path, bool accept_older_schema = false);

/// Whether db was written with an older schema version than this build's.
bool has_older_schema(const Xapian::Database& db);

/// How long a remote shard (xapian-tcpsrv) may take to connect or to answer one operation
/// before the request fails (unavailable): Xapian's default is 10 s, which a shard that accepts
/// connections but hangs would cost every request.
inline constexpr unsigned kRemoteTimeoutMs = 2000;

/// Opens the database read-only; throws UnavailableError naming the path when there is none.
/// The `remote HOST:PORT` lines of a stub file get remote_timeout_ms (see kRemoteTimeoutMs).
Xapian::Database open_for_reading(const std::string& path, unsigned remote_timeout_ms = kRemoteTimeoutMs);

/// Changes whenever the database does. A local database has a revision number; several
/// shards (a stub file listing xapian-tcpsrv servers) have none, so their document count,
/// last document id and total length stand in for it.
std::string database_version(const Xapian::Database& db);

/// The issue document's id, if the issue is indexed.
std::optional<Xapian::docid> find_issue(const Xapian::Database& db, std::string_view issue_id);

/// The record an issue's document stores.
IssueRecord record_of(const Xapian::Document& doc);

/// The stored record of an indexed issue; throws NotFoundError when it is not indexed.
IssueRecord read_issue(const Xapian::Database& db, std::string_view issue_id);

/// One line of `indexer list`.
struct IssueSummary {
    std::string id, month, file, title;
};

/// Every indexed issue, newest first (unknown months last, then by id).
std::vector<IssueSummary> list_issues(const Xapian::Database& db);

/// Ids of every indexed issue's document, in docid order.
std::vector<Xapian::docid> issue_docids(const Xapian::Database& db);

Glossary load_glossary(const Xapian::Database& db);
/// The glossary as the database stores it, and read from that (load_glossary is both): for a
/// reader that keeps the glossary it parsed while the stored one is unchanged.
std::string stored_glossary(const Xapian::Database& db);
Glossary glossary_from(const std::string& stored);
void save_glossary(Xapian::WritableDatabase& db, const Glossary& glossary);

}  // namespace wm
