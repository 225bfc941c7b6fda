#include "common/index/run.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "common/errors.hpp"
#include "common/facets/facets.hpp"
#include "common/facets/tokens.hpp"
#include "common/index/full_build.hpp"
#include "common/index/issue_file.hpp"
#include "common/index/layout_counts.hpp"
#include "common/index/pipeline.hpp"
#include "common/index/reextract.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/index/target.hpp"
#include "common/parse/furniture_learner.hpp"
#include "common/text/text.hpp"

namespace wm {
namespace fs = std::filesystem;
namespace {

// An indexing run reads every changed file twice, on worker threads: first a cheap scan of its
// text that teaches the glossary the acronym definitions of the whole run (an issue may use an
// acronym a later one defines), then to parse it, extract facets with that glossary and build
// its document. Nothing is kept between the passes, so memory does not grow with the run.
struct PlannedFile {
    std::string path, id;
    std::string stored_fingerprint;  ///< of the indexed copy from this path; empty if none
    bool replaces = false;           ///< an issue with this id is indexed (from this path)
};

struct ReadFile {
    std::optional<std::string> changed;  ///< the decoded text, when the file is new or changed
    std::vector<Token> tokens;           ///< of the changed text: tokenized by the reading worker
    LayoutKeys layout;                   ///< of the changed text: what it tells of the site's layout
    std::string failure;
};

// A run that fills an empty database with at least this many issues writes it on two writers
// (see full_build.hpp): below it, the merge costs more than the second writer saves.
constexpr std::size_t kFullBuildFiles = 200;
// Issues per commit of each writer of a full build: nothing is visible until the swap, so only
// the writers' memory bounds it.
constexpr std::size_t kFullBuildBatch = 250;

// Documents wait for the writer in a window this many times the worker count.
constexpr std::size_t kWindowPerWorker = 8;

ReadFile read_planned(const PlannedFile& file, std::uintmax_t max_bytes) {
    ReadFile result;
    try {
        const auto bytes = read_file_bytes(file.path, max_bytes);
        if (fingerprint_of(bytes) != file.stored_fingerprint) {
            result.changed = decode_text(bytes).text;
            result.tokens = tokenize(*result.changed);
            result.layout = layout_keys_of(*result.changed, file.path);
        }
    } catch (const InputError& e) {
        result.failure = e.what();
    }
    return result;
}

IndexReport finish(IndexReport& report, std::chrono::steady_clock::time_point started, IndexProgress& state,
                   const ProgressCallback& progress) {
    report.failed = report.failures.size();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    state.done = state.total;
    state.current_file.clear();
    if (progress) progress(state);
    return report;
}

bool is_gone(const std::string& path) {
    std::error_code error;
    return !path.empty() && !fs::exists(path, error) && !error;
}

void remove_issue(Xapian::WritableDatabase& db, const std::string& issue_id, const std::string& path,
                  IndexReport& report) {
    db.delete_document(schema::unique_id_term(issue_id));
    ++report.removed;
    report.actions.push_back({"removed", issue_id, path});
}

void prune_missing(IndexTarget& target, IndexReport& report) {
    for (std::size_t shard = 0; shard < target.shard_count(); ++shard) {
        auto& db = target.shard(shard);
        for (const auto docid : issue_docids(db)) {
            const auto doc = db.get_document(docid);
            const auto path = doc.get_value(schema::SLOT_SOURCE_PATH);
            if (is_gone(path)) remove_issue(db, doc.get_value(schema::SLOT_ISSUE_ID), path, report);
        }
    }
}

void remove_deleted(IndexTarget& target, const std::vector<std::string>& deleted, IndexReport& report) {
    for (const auto& file : deleted) {
        const auto path = fs::absolute(file).lexically_normal().string();
        const auto id = issue_id_for_path(path);
        auto& db = target.shard_for(id);
        const auto docid = find_issue(db, id);
        if (docid && db.get_document(*docid).get_value(schema::SLOT_SOURCE_PATH) == path && is_gone(path))
            remove_issue(db, id, path, report);
    }
}

}  // namespace

namespace {

// The source files of the issues a database holds join a rebuild. An issue whose file is gone
// is kept from its stored record when the run rebuilds on request (returned, for the build);
// an older database's records may not read as this version's, so there it is reported as lost.
std::vector<BuildSource> add_stored_sources(const Xapian::Database& db, std::vector<std::string>& files, bool keep_gone,
                                            IndexReport& report) {
    std::set<std::string> known(files.begin(), files.end());
    std::vector<BuildSource> kept;
    for (const auto docid : issue_docids(db)) {
        const auto doc = db.get_document(docid);
        const auto path = doc.get_value(schema::SLOT_SOURCE_PATH);
        if (path.empty() || !known.insert(path).second) continue;
        std::error_code error;
        if (fs::is_regular_file(path, error)) {
            files.push_back(path);
        } else if (keep_gone) {
            auto record = record_of(doc);
            record.issue.layout = stored_layout(doc);
            kept.push_back({path, std::move(record)});
            report.warnings.push_back({path, "its file is gone: kept as indexed before"});
        } else {
            report.warnings.push_back({path, "indexed by an older version and its file is gone: left out of the rebuilt index"});
        }
    }
    return kept;
}

}  // namespace

IndexReport index_paths(const IndexOptions& options, const ProgressCallback& progress) {
    const auto started = std::chrono::steady_clock::now();
    IndexReport report;
    auto files = collect_issue_files(options.inputs, report.failures);
    for (const auto& skipped : options.skipped_files)
        std::erase(files, fs::absolute(skipped).lexically_normal().string());

    auto target = IndexTarget::open(options.database, options.shards);
    remove_unfinished_builds(options.database);  // the lock is ours: nobody else is building
    // A database an older version wrote, or one rebuilt on request, is rebuilt in one full build
    // from its issues' source files and this run's, then swapped in for it: readers keep the old
    // one until that moment. Shards are rebuilt in place: every stored issue is read again.
    const bool older = target.older_schema();
    const bool rebuilding = !target.sharded() && (older || options.rebuild);
    std::vector<BuildSource> kept_records;
    if (rebuilding) kept_records = add_stored_sources(target.shard(0), files, !older, report);
    if (options.rebuild && target.sharded())
        for (std::size_t shard = 0; shard < target.shard_count(); ++shard) add_stored_sources(target.shard(shard), files, false, report);
    const bool empty_database = !target.sharded() && target.shard(0).get_doccount() == 0;
    Glossary glossary = rebuilding ? Glossary{} : load_glossary(target.dictionary());
    const Glossary stored_glossary = glossary;

    std::vector<PlannedFile> plan;
    std::map<std::string, std::string> path_of_id;
    for (const auto& path : files) {
        PlannedFile file{path, issue_id_for_path(path), {}, false};
        if (const auto seen = path_of_id.find(file.id); seen != path_of_id.end()) {
            report.failures.push_back({path, "conflict: issue id '" + file.id + "' is already taken by " + seen->second});
            continue;
        }
        path_of_id[file.id] = path;
        auto& shard = target.shard_for(file.id);
        if (const auto existing = find_issue(shard, file.id)) {
            const auto doc = shard.get_document(*existing);
            const auto stored_path = doc.get_value(schema::SLOT_SOURCE_PATH);
            std::error_code error;
            if (stored_path != path && fs::exists(stored_path, error)) {
                report.failures.push_back({path, "conflict: issue id '" + file.id + "' is already indexed from " + stored_path});
                continue;
            }
            file.replaces = true;
            if (stored_path == path && !options.rebuild) file.stored_fingerprint = doc.get_value(schema::SLOT_FINGERPRINT);
        }
        plan.push_back(std::move(file));
    }

    const unsigned workers = options.workers ? options.workers : default_worker_count();
    const std::size_t window = kWindowPerWorker * std::max(1u, workers);
    IndexProgress state{0, 2 * plan.size() + kept_records.size(), {}};
    const auto step = [&](const std::string& path) {
        ++state.done;
        state.current_file = path;
        if (progress) progress(state);
    };

    std::vector<const PlannedFile*> changed;
    std::vector<LayoutKeys> layouts;  // of the changed files, in order
    run_ordered(plan.size(), workers, window,
                [&](std::size_t i) { return read_planned(plan[i], options.max_file_bytes); },
                [&](std::size_t i, ReadFile&& read) {
                    step(plan[i].path);
                    if (!read.failure.empty()) {
                        report.failures.push_back({plan[i].path, read.failure});
                    } else if (!read.changed) {
                        ++report.unchanged;
                    } else {
                        // Learned in file order: what an issue teaches can depend on what came before.
                        glossary.learn_tokens(*read.changed, read.tokens, plan[i].id);
                        changed.push_back(&plan[i]);
                        layouts.push_back(std::move(read.layout));
                    }
                });
    state.done = 2 * plan.size() - changed.size();

    if (rebuilding || (empty_database && workers >= 2 && changed.size() >= kFullBuildFiles)) {
        std::vector<BuildSource> sources;
        for (const auto* file : changed) sources.push_back({file->path, std::nullopt});
        for (auto& kept : kept_records) {
            layouts.push_back(kept.stored->issue.layout);
            sources.push_back(std::move(kept));
        }
        const auto archive = archive_layout_with({}, {}, layouts);
        // Nothing may be left to write to the empty database: once swapped out, a commit on
        // close would write its revision over the new one's.
        target.commit();
        full_build(options.database, sources, glossary, archive, options.max_file_bytes, kFullBuildBatch,
                   [&](const BuildSource& source, const BuiltIssue& built) {
                       step(source.path);
                       if (!built.failure.empty()) {
                           report.failures.push_back({source.path, built.failure});
                           return;
                       }
                       for (const auto& warning : built.record.issue.warnings) report.warnings.push_back({source.path, warning});
                       ++report.added;
                       report.actions.push_back({"added", built.record.issue.id, source.path});
                   });
        target.close();
        remove_unfinished_builds(options.database);
        return finish(report, started, state, progress);
    }

    // A newly learned acronym changes what stored issues yield: they are re-extracted, and the
    // glossary saved, in the first commit, so a run killed after any commit leaves a database
    // whose glossary already holds the whole run's definitions, and a re-run converges.
    if (!(glossary == stored_glossary)) {
        std::set<std::string> replaced_later;
        for (const auto* file : changed) replaced_later.insert(file->id);
        for (auto& issue : reextract_stored_issues(target, glossary, stored_glossary, replaced_later))
            report.actions.push_back({"re-extracted", std::move(issue.issue_id), std::move(issue.path)});
        save_glossary(target.dictionary(), glossary);
    }

    // Each new page is judged against the archive as it will be: the stored pages but those it
    // replaces, and the run's.
    std::vector<Xapian::Database> stored;
    std::vector<Xapian::Document> replaced;
    for (std::size_t shard = 0; shard < target.shard_count(); ++shard) stored.push_back(target.shard(shard));
    for (const auto* file : changed)
        if (file->replaces)
            if (auto& shard = target.shard_for(file->id); const auto docid = find_issue(shard, file->id))
                replaced.push_back(shard.get_document(*docid));
    const auto archive = archive_layout_with(stored, replaced, layouts);

    // Documents are added in file order, so a run always gives the same document ids; every
    // batch is a commit, so a kill loses at most the batch in progress and a re-run resumes.
    std::size_t uncommitted = 0;
    run_ordered(changed.size(), workers, window,
                [&](std::size_t i) { return build_issue_file(changed[i]->path, options.max_file_bytes, glossary, archive); },
                [&](std::size_t i, BuiltIssue&& built) {
                    const auto& file = *changed[i];
                    step(file.path);
                    if (!built.failure.empty()) {
                        report.failures.push_back({file.path, built.failure});
                        return;
                    }
                    for (const auto& warning : built.record.issue.warnings) report.warnings.push_back({file.path, warning});
                    target.write_issue(file.id, built.document, file.replaces);
                    ++(file.replaces ? report.replaced : report.added);
                    report.actions.push_back({file.replaces ? "replaced" : "added", file.id, file.path});
                    if (++uncommitted >= options.batch_issues) {
                        target.commit();
                        uncommitted = 0;
                    }
                });
    remove_deleted(target, options.deleted_files, report);
    if (options.prune) prune_missing(target, report);
    target.commit();
    return finish(report, started, state, progress);
}

}  // namespace wm
