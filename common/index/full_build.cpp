#include "common/index/full_build.hpp"

#include <fcntl.h>  // AT_FDCWD
#include <stdio.h>  // renameat2

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

#include "common/errors.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/index/word_forms.hpp"

namespace wm {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kBuildingSuffix = ".building";

std::string building_folder(const std::string& database_path) {
    return fs::path(database_path).lexically_normal().string() + std::string(kBuildingSuffix);
}

// Contiguous parts of the run, each written to a database of its own by whichever writer is
// free: a writer that gets less of the machine (a busy core, a slower virtual CPU: measured 1.2
// against 2.0 s for equal halves) takes fewer parts instead of holding up the merge. At most
// kMaxParts databases are merged, so the compactor keeps few files open.
constexpr std::size_t kMaxParts = 16;
constexpr std::size_t kWriters = 2;

struct Part {
    std::size_t first, end;  ///< sources [first, end)
    std::string folder;
};

std::vector<Part> parts_of(const fs::path& building, std::size_t sources, std::size_t batch_issues) {
    const std::size_t size = std::max({std::size_t{1}, batch_issues / 2, (sources + kMaxParts - 1) / kMaxParts});
    std::vector<Part> parts;
    for (std::size_t first = 0; first < sources; first += size)
        parts.push_back({first, std::min(sources, first + size), (building / ("part-" + std::to_string(parts.size()))).string()});
    return parts;
}

// One part, each document at its place in the run; its spelling words are counted into
// spelling, for the merged database.
void write_part(const Part& part, const std::vector<BuildSource>& sources, const Glossary& glossary,
                const ArchiveLayout& archive, std::uintmax_t max_file_bytes, std::size_t batch_issues, const BuiltCallback& built,
                std::mutex& callback_mutex, SpellingWords& spelling) {
    // Only the merged database needs to survive a crash: the parts are rebuilt after one.
    Xapian::WritableDatabase db(part.folder, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    std::size_t uncommitted = 0;
    for (auto i = part.first; i < part.end; ++i) {
        const auto& source = sources[i];
        const auto issue = source.stored ? build_stored_issue(*source.stored, glossary)
                                         : build_issue_file(source.path, max_file_bytes, glossary, archive);
        if (issue.failure.empty()) {
            db.replace_document(static_cast<Xapian::docid>(i + 1), issue.document);
            count_spelling_words(issue.document, spelling);
            add_word_form_synonyms(db, issue.document);
            if (++uncommitted >= batch_issues) {
                db.commit();
                uncommitted = 0;
            }
        }
        const std::lock_guard lock(callback_mutex);
        built(source, issue);
    }
    db.commit();
}

void swap_folders(const std::string& a, const std::string& b) {
    if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0)
        throw UnavailableError("cannot swap the new database into place (" + a + "): " + std::strerror(errno));
}

}  // namespace

void full_build(const std::string& database_path, const std::vector<BuildSource>& sources,
                const Glossary& glossary, const ArchiveLayout& archive, std::uintmax_t max_file_bytes,
                std::size_t batch_issues, const BuiltCallback& built) {
    const fs::path building = building_folder(database_path);
    fs::remove_all(building);
    fs::create_directories(building);
    const auto merged = (building / "merged").string();
    const auto parts = parts_of(building, sources.size(), batch_issues);
    std::atomic<std::size_t> next_part{0};
    std::atomic<bool> failed{false};
    std::mutex callback_mutex;
    std::vector<std::exception_ptr> failures(kWriters);
    std::vector<SpellingWords> spelling(kWriters);
    {
        std::vector<std::jthread> writers;
        for (std::size_t w = 0; w < kWriters; ++w)
            writers.emplace_back([&, w] {
                try {
                    for (std::size_t p; !failed && (p = next_part++) < parts.size();)
                        write_part(parts[p], sources, glossary, archive, max_file_bytes, batch_issues, built, callback_mutex,
                                   spelling[w]);
                } catch (...) {
                    failures[w] = std::current_exception();
                    failed = true;
                }
            });
    }
    for (const auto& failure : failures)
        if (failure) std::rethrow_exception(failure);

    Xapian::Database all_parts;
    for (const auto& part : parts) all_parts.add_database(Xapian::Database(part.folder));
    all_parts.compact(merged, Xapian::DBCOMPACT_NO_RENUMBER);
    {
        Xapian::WritableDatabase result(merged, Xapian::DB_OPEN);
        for (std::size_t w = 1; w < kWriters; ++w)
            for (const auto& [word, occurrences] : spelling[w]) spelling[0][word] += occurrences;
        add_spelling_words(result, spelling[0]);
        result.set_metadata(std::string(schema::META_SCHEMA_VERSION), std::string(schema::kSchemaVersion));
        save_glossary(result, glossary);
        result.commit();
    }
    swap_folders(merged, database_path);
}

void remove_unfinished_builds(const std::string& database_path) {
    std::error_code ignored;
    fs::remove_all(building_folder(database_path), ignored);
}

}  // namespace wm
