#include "common/index/store.hpp"

#include <algorithm>
#include <filesystem>

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
        throw UnavailableError(ErrorCode::database_unavailable, "database is locked by another writer: " + path);
    }
}

Xapian::Database open_for_reading(const std::string& path) {
    try {
        return Xapian::Database(path);
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw UnavailableError(ErrorCode::database_unavailable, "cannot open database " + path + ": " + e.get_msg() +
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

IssueRecord record_of(const Xapian::Document& doc) { return decode_record(doc.get_value(schema::SLOT_RECORD)); }

IssueRecord read_issue(const Xapian::Database& db, std::string_view issue_id) {
    const auto docid = find_issue(db, issue_id);
    if (!docid) throw RequestError(ErrorCode::not_found, "no issue with id '" + std::string(issue_id) + "' is indexed");
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

Glossary load_glossary(const Xapian::Database& db) {
    const auto stored = db.get_metadata(std::string(schema::META_GLOSSARY));
    if (stored.empty()) return {};
    return nlohmann::json::parse(stored).get<Glossary>();
}

void save_glossary(Xapian::WritableDatabase& db, const Glossary& glossary) {
    db.set_metadata(std::string(schema::META_GLOSSARY), nlohmann::json(glossary).dump());
}

}  // namespace wm
