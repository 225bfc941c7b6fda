#include "common/index/store.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "common/errors.hpp"
#include "common/index/record_codec.hpp"
#include "common/index/schema.hpp"

namespace wm {

namespace {

// Schema versions are whole numbers; anything else (or none, in a database with documents) is
// not ours to rebuild.
int schema_number(const std::string& version) {
    if (version.empty() || version.size() > 6 || !std::all_of(version.begin(), version.end(), ::isdigit)) return -1;
    return std::stoi(version);
}

}  // namespace

bool has_older_schema(const Xapian::Database& db) {
    const auto number = schema_number(db.get_metadata(std::string(schema::META_SCHEMA_VERSION)));
    return number > 0 && number < schema_number(std::string(schema::kSchemaVersion));
}

Xapian::WritableDatabase open_for_writing(const std::string& path, bool accept_older_schema) {
    std::error_code ignored;
    std::filesystem::create_directories(path, ignored);
    try {
        Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
        const auto version = db.get_metadata(std::string(schema::META_SCHEMA_VERSION));
        if (version.empty() && db.get_doccount() == 0) {
            db.set_metadata(std::string(schema::META_SCHEMA_VERSION), std::string(schema::kSchemaVersion));
        } else if (version != schema::kSchemaVersion && !(accept_older_schema && has_older_schema(db))) {
            throw ConfigError("database " + path + " has schema version '" + version +
                             "' but this build writes version '" +
                             std::string(schema::kSchemaVersion) +
                             "': remove it (or choose another --db) and index again");
        }
        return db;
    } catch (const Xapian::DatabaseLockError&) {
        throw UnavailableError("database is locked by another writer: " + path);
    }
}

namespace {

namespace fs = std::filesystem;

// The stub file Xapian would read for this path: a folder's XAPIANDB, or the file itself.
std::optional<fs::path> stub_file(const fs::path& path) {
    std::error_code error;
    if (fs::is_directory(path, error)) {
        const auto stub = path / schema::kStubFile;
        return fs::is_regular_file(stub, error) ? std::optional(stub) : std::nullopt;
    }
    return fs::is_regular_file(path, error) ? std::optional(path) : std::nullopt;
}

// Xapian's stub lines `remote HOST:PORT` take no timeout, so such a stub is opened here line by
// line as Xapian would (a relative path is relative to the stub's folder), each remote shard
// with ours. A stub with lines of other kinds (`remote :PROGRAM`, `inmemory`, `chert`) or with
// no remote line is left to Xapian: nullopt.
std::optional<Xapian::Database> open_remote_stub(const fs::path& stub, unsigned timeout_ms) {
    std::ifstream in(stub);
    Xapian::Database combined;
    bool remote = false;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const auto space = line.find(' ');
        if (space == std::string::npos) return std::nullopt;
        const auto kind = line.substr(0, space), rest = line.substr(space + 1);
        const auto colon = rest.rfind(':');
        const auto port = colon == std::string::npos ? std::string() : rest.substr(colon + 1);
        if (kind == "auto" || kind == "glass") {
            const auto shard = fs::path(rest).is_absolute() ? fs::path(rest) : stub.parent_path() / rest;
            combined.add_database(Xapian::Database(shard.string(), kind == "glass" ? Xapian::DB_BACKEND_GLASS : 0));
        } else if (kind == "remote" && colon != std::string::npos && colon > 0 && !port.empty() && port.size() <= 5 &&
                   std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            combined.add_database(Xapian::Remote::open(rest.substr(0, colon), static_cast<unsigned>(std::stoul(port)),
                                                       timeout_ms, timeout_ms));
            remote = true;
        } else {
            return std::nullopt;
        }
    }
    return remote ? std::optional(combined) : std::nullopt;
}

}  // namespace

Xapian::Database open_for_reading(const std::string& path, unsigned remote_timeout_ms) {
    try {
        if (const auto stub = stub_file(path))
            if (auto remote = open_remote_stub(*stub, remote_timeout_ms)) return *remote;
        return Xapian::Database(path);
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw UnavailableError("cannot open database " + path + ": " + e.get_msg() +
                         " (has anything been indexed? run `indexer index` first)");
    }
}

std::string database_version(const Xapian::Database& db) {
    if (db.size() == 1) {
        try {
            // The uuid too: a full build swaps in a new database whose revision may equal the old one's.
            return db.get_uuid() + ":" + std::to_string(db.get_revision());
        } catch (const Xapian::InvalidOperationError&) {
            // a single remote shard: fall through
        }
    }
    return std::to_string(db.get_doccount()) + ":" + std::to_string(db.get_lastdocid()) + ":" +
           std::to_string(db.get_total_length());
}

std::optional<Xapian::docid> find_issue(const Xapian::Database& db, std::string_view issue_id) {
    const auto term = schema::unique_id_term(issue_id);
    auto posting = db.postlist_begin(term);
    if (posting == db.postlist_end(term)) return std::nullopt;
    return *posting;
}

IssueRecord record_of(const Xapian::Document& doc) {
    auto record = decode_record(doc.get_value(schema::SLOT_RECORD));
    record.facets.roles = schema::roles_from_value(doc.get_value(schema::SLOT_ROLES));
    return record;
}

IssueRecord read_issue(const Xapian::Database& db, std::string_view issue_id) {
    const auto docid = find_issue(db, issue_id);
    if (!docid) throw NotFoundError("no issue with id '" + std::string(issue_id) + "' is indexed");
    return record_of(db.get_document(*docid));
}

std::vector<Xapian::docid> issue_docids(const Xapian::Database& db) {
    return {db.postlist_begin(""), db.postlist_end("")};
}

std::vector<IssueSummary> list_issues(const Xapian::Database& db) {
    std::vector<IssueSummary> issues;
    for (const auto docid : issue_docids(db)) {
        const auto record = record_of(db.get_document(docid));
        issues.push_back({record.issue.id, record.issue.month, record.issue.file, record.issue.title});
    }
    std::sort(issues.begin(), issues.end(), [](const IssueSummary& a, const IssueSummary& b) {
        if (a.month.empty() != b.month.empty()) return b.month.empty();
        if (a.month != b.month) return a.month > b.month;
        return a.id < b.id;
    });
    return issues;
}

std::string stored_glossary(const Xapian::Database& db) { return db.get_metadata(std::string(schema::META_GLOSSARY)); }

Glossary glossary_from(const std::string& stored) {
    if (stored.empty()) return {};
    return nlohmann::json::parse(stored).get<Glossary>();
}

Glossary load_glossary(const Xapian::Database& db) { return glossary_from(stored_glossary(db)); }

void save_glossary(Xapian::WritableDatabase& db, const Glossary& glossary) {
    db.set_metadata(std::string(schema::META_GLOSSARY), nlohmann::json(glossary).dump());
}

}  // namespace wm
