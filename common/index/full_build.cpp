#include "common/index/full_build.hpp"

#include <fcntl.h>  // AT_FDCWD
#include <stdio.h>  // renameat2

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

// One writer: its half of the sources, each document at its place in the run.
void write_half(const std::string& folder, const std::vector<BuildSource>& sources, std::size_t first, std::size_t end,
                const Glossary& glossary, std::uintmax_t max_file_bytes, std::size_t batch_issues,
                const BuiltCallback& built, std::mutex& callback_mutex) {
    // Only the merged database needs to survive a crash: the halves are rebuilt after one.
    Xapian::WritableDatabase half(folder, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
    std::size_t uncommitted = 0;
    for (auto i = first; i < end; ++i) {
        const auto& source = sources[i];
        const auto issue = source.stored ? build_stored_issue(*source.stored, glossary)
                                         : build_issue_file(source.path, max_file_bytes, glossary);
        if (issue.failure.empty()) {
            half.replace_document(static_cast<Xapian::docid>(i + 1), issue.document);
            add_dictionary_data(half, issue.document);
            if (++uncommitted >= batch_issues) {
                half.commit();
                uncommitted = 0;
            }
        }
        const std::lock_guard lock(callback_mutex);
        built(source, issue);
    }
    half.commit();
}

void swap_folders(const std::string& a, const std::string& b) {
    if (renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) != 0)
        throw UnavailableError(ErrorCode::database_unavailable,
                               "cannot swap the new database into place (" + a + "): " + std::strerror(errno));
}

}  // namespace

void full_build(const std::string& database_path, const std::vector<BuildSource>& sources,
                       const Glossary& glossary, std::uintmax_t max_file_bytes, std::size_t batch_issues,
                       const BuiltCallback& built) {
    const fs::path building = building_folder(database_path);
    fs::remove_all(building);
    fs::create_directories(building);
    const auto half_0 = (building / "half-0").string(), half_1 = (building / "half-1").string();
    const auto merged = (building / "merged").string();
    const std::size_t middle = sources.size() / 2;
    std::mutex callback_mutex;
    std::exception_ptr second_failed;
    {
        std::jthread second([&] {
            try {
                write_half(half_1, sources, middle, sources.size(), glossary, max_file_bytes, batch_issues, built,
                           callback_mutex);
            } catch (...) {
                second_failed = std::current_exception();
            }
        });
        write_half(half_0, sources, 0, middle, glossary, max_file_bytes, batch_issues, built, callback_mutex);
    }
    if (second_failed) std::rethrow_exception(second_failed);

    Xapian::Database halves;
    halves.add_database(Xapian::Database(half_0));
    halves.add_database(Xapian::Database(half_1));
    halves.compact(merged, Xapian::DBCOMPACT_NO_RENUMBER);
    {
        Xapian::WritableDatabase result(merged, Xapian::DB_OPEN);
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
