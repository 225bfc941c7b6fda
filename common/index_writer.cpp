#include "common/index_writer.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "common/document_builder.hpp"
#include "common/errors.hpp"
#include "common/issue_store.hpp"
#include "common/word_forms.hpp"
#include "common/schema.hpp"
#include "common/text.hpp"

namespace wm {
namespace fs = std::filesystem;
namespace {

std::string fingerprint_of(std::string_view bytes) {
    return content_hash(bytes) + "/" + std::to_string(bytes.size()) + "/a" +
           std::string(kAnalysisVersion) + "s" + std::string(schema::kSchemaVersion);
}

struct PendingIssue {
    IssueRecord record;
    bool replaces = false;
};

// Writes an issue's documents in place of whatever the index held for it.
void write_issue(Xapian::WritableDatabase& db, Xapian::TermGenerator& terms, const IssueRecord& record) {
    db.delete_document(schema::issue_term(record.issue.id));
    const auto docs = build_documents(record, terms);
    db.replace_document(schema::unique_id_term(record.issue.id), docs[0]);
    add_word_form_synonyms(db, docs[0]);
    for (std::size_t i = 1; i < docs.size(); ++i)
        db.replace_document(schema::unique_id_term(record.issue.id, i - 1), docs[i]);
}

// A newly learned acronym changes what older issues yield, so every stored issue whose facets
// differ under the new glossary is written again.
void reextract_stored_issues(Xapian::WritableDatabase& db, Xapian::TermGenerator& terms,
                             const Glossary& glossary, const std::set<std::string>& rewritten,
                             IndexReport& report) {
    for (const auto docid : issue_docids(db)) {
        auto record = nlohmann::json::parse(db.get_document(docid).get_data()).get<IssueRecord>();
        if (rewritten.count(record.issue.id)) continue;
        auto facets = extract_facets(record.issue, glossary);
        if (nlohmann::json(facets.issue) == nlohmann::json(record.facets.issue) &&
            nlohmann::json(facets.sections) == nlohmann::json(record.facets.sections))
            continue;
        record.facets = std::move(facets);
        write_issue(db, terms, record);
        report.actions.push_back({"re-extracted", record.issue.id, record.source_path});
    }
}

bool is_gone(const std::string& path) {
    std::error_code error;
    return !path.empty() && !fs::exists(path, error) && !error;
}

void remove_issue(Xapian::WritableDatabase& db, const std::string& issue_id, const std::string& path,
                  IndexReport& report) {
    db.delete_document(schema::issue_term(issue_id));
    ++report.removed;
    report.actions.push_back({"removed", issue_id, path});
}

void prune_missing(Xapian::WritableDatabase& db, IndexReport& report) {
    for (const auto docid : issue_docids(db)) {
        const auto doc = db.get_document(docid);
        const auto path = doc.get_value(schema::SLOT_SOURCE_PATH);
        if (is_gone(path)) remove_issue(db, doc.get_value(schema::SLOT_ISSUE_ID), path, report);
    }
}

void remove_deleted(Xapian::WritableDatabase& db, const std::vector<std::string>& deleted, IndexReport& report) {
    for (const auto& file : deleted) {
        const auto path = fs::absolute(file).lexically_normal().string();
        const auto id = schema::issue_id_for_path(path);
        const auto docid = find_issue(db, id);
        if (docid && db.get_document(*docid).get_value(schema::SLOT_SOURCE_PATH) == path && is_gone(path))
            remove_issue(db, id, path, report);
    }
}

}  // namespace

bool is_issue_file_name(std::string_view name) {
    // Editors' temporary files ("~foo.txt", ".#foo.txt", "foo.txt~") are not issues.
    if (name.empty() || name[0] == '.' || name[0] == '~' || name.back() == '~') return false;
    return name.size() > 4 && iequals(name.substr(name.size() - 4), ".txt");
}

std::string content_hash(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (unsigned char c : bytes) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
    return hex;
}

std::vector<std::string> collect_issue_files(const std::vector<std::string>& inputs,
                                             std::vector<FileProblem>& problems) {
    std::vector<std::string> files;
    for (const auto& input : inputs) {
        std::error_code error;
        const auto status = fs::status(input, error);
        if (fs::is_directory(status)) {
            const auto options = fs::directory_options::skip_permission_denied;
            for (auto it = fs::recursive_directory_iterator(input, options, error);
                 !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
                const auto name = it->path().filename().string();
                if (it->is_directory() && !name.empty() && name[0] == '.') {
                    it.disable_recursion_pending();
                } else if (it->is_regular_file() && is_issue_file_name(name)) {
                    files.push_back(fs::absolute(it->path()).lexically_normal().string());
                }
            }
            if (error) problems.push_back({input, "cannot read folder: " + error.message()});
        } else if (fs::is_regular_file(status)) {
            files.push_back(fs::absolute(input).lexically_normal().string());
        } else {
            problems.push_back({input, fs::exists(status) ? "not a regular file or folder"
                                                          : "no such file or folder"});
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

IndexReport index_paths(const IndexOptions& options, const ProgressCallback& progress) {
    const auto started = std::chrono::steady_clock::now();
    IndexReport report;
    auto files = collect_issue_files(options.inputs, report.failures);
    for (const auto& skipped : options.skipped_files)
        std::erase(files, fs::absolute(skipped).lexically_normal().string());

    auto db = open_for_writing(options.database);
    auto terms = make_term_generator(db);
    Glossary glossary = load_glossary(db);
    const Glossary stored_glossary = glossary;

    IndexProgress state{0, files.size(), {}};
    std::map<std::string, std::string> path_of_id;
    std::vector<PendingIssue> pending;
    for (const auto& path : files) {
        state.current_file = path;
        if (progress) progress(state);
        ++state.done;
        const auto id = schema::issue_id_for_path(path);
        if (const auto seen = path_of_id.find(id); seen != path_of_id.end()) {
            report.failures.push_back({path, "conflict: issue id '" + id + "' is already taken by " + seen->second});
            continue;
        }
        path_of_id[id] = path;
        try {
            const auto bytes = read_file_bytes(path, options.max_file_bytes);
            const auto fingerprint = fingerprint_of(bytes);
            const auto existing = find_issue(db, id);
            if (existing) {
                const auto doc = db.get_document(*existing);
                const auto stored_path = doc.get_value(schema::SLOT_SOURCE_PATH);
                std::error_code error;
                if (stored_path != path && fs::exists(stored_path, error)) {
                    report.failures.push_back({path, "conflict: issue id '" + id + "' is already indexed from " + stored_path});
                    continue;
                }
                if (stored_path == path && doc.get_value(schema::SLOT_FINGERPRINT) == fingerprint) {
                    ++report.unchanged;
                    continue;
                }
            }
            PendingIssue item;
            item.record.issue = parse_issue_bytes(bytes, path);
            item.record.source_path = path;
            item.record.fingerprint = fingerprint;
            item.replaces = existing.has_value();
            for (const auto& warning : item.record.issue.warnings) report.warnings.push_back({path, warning});
            glossary.learn(item.record.issue);
            pending.push_back(std::move(item));
        } catch (const InputError& e) {
            report.failures.push_back({path, e.what()});
        }
    }

    // One transaction: a failure or a kill before commit_transaction leaves the last commit intact.
    db.begin_transaction(true);
    std::set<std::string> rewritten;
    for (auto& item : pending) {
        item.record.facets = extract_facets(item.record.issue, glossary);
        write_issue(db, terms, item.record);
        rewritten.insert(item.record.issue.id);
        ++(item.replaces ? report.replaced : report.added);
        report.actions.push_back({item.replaces ? "replaced" : "added", item.record.issue.id, item.record.source_path});
    }
    if (!(glossary == stored_glossary)) {
        reextract_stored_issues(db, terms, glossary, rewritten, report);
        save_glossary(db, glossary);
    }
    remove_deleted(db, options.deleted_files, report);
    if (options.prune) prune_missing(db, report);
    db.commit_transaction();

    report.failed = report.failures.size();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    state.current_file.clear();
    if (progress) progress(state);
    return report;
}

}  // namespace wm
