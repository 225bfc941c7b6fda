#include "common/index/target.hpp"

#include <filesystem>
#include <fstream>

#include "common/errors.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/index/word_forms.hpp"

namespace wm {
namespace fs = std::filesystem;
namespace {

// Written beside the shards and renamed into place, so a reader never sees half a stub.
void write_stub(const fs::path& folder, std::size_t shards) {
    const auto temporary = folder / (std::string(schema::kStubFile) + ".tmp");
    {
        std::ofstream out(temporary);
        out << "auto " << schema::kDictionaryName << "\n";
        for (std::size_t i = 0; i < shards; ++i) out << "auto " << schema::shard_name(i) << "\n";
        if (!out.flush()) throw UnavailableError("cannot write " + temporary.string());
    }
    fs::rename(temporary, folder / schema::kStubFile);
}

std::size_t stored_shard_count(const Xapian::Database& dictionary) {
    const auto stored = dictionary.get_metadata(std::string(schema::META_SHARDS));
    return stored.empty() ? 0 : std::stoul(stored);
}

bool is_sharded_index(const std::string& path) {
    std::error_code error;
    return fs::is_regular_file(fs::path(path) / schema::kStubFile, error);
}

}  // namespace

IndexTarget IndexTarget::open(const std::string& path, std::size_t shards) {
    IndexTarget target;
    const fs::path folder(path);
    std::error_code error;
    const bool exists = fs::exists(folder, error) && !fs::is_empty(folder, error);
    if (!is_sharded_index(path) && (shards == 0 || exists)) {
        if (shards > 0)
            throw ConfigError(path + " holds a single database; index into a new folder to split it into " +
                             std::to_string(shards) + " shards");
        target.shards_.push_back(open_for_writing(path, true));
        return target;
    }
    target.dictionary_ = open_for_writing((folder / schema::kDictionaryName).string());
    const auto stored = stored_shard_count(*target.dictionary_);
    if (stored != 0 && shards != 0 && stored != shards)
        throw ConfigError(path + " has " + std::to_string(stored) + " shards, not " + std::to_string(shards) +
                         "; index into a new folder to change the number");
    const auto count = stored != 0 ? stored : shards;
    if (count == 0) throw ConfigError(path + " is a sharded index without a shard count in its dictionary");
    for (std::size_t i = 0; i < count; ++i)
        target.shards_.push_back(open_for_writing((folder / schema::shard_name(i)).string()));
    if (stored == 0) {
        target.dictionary_->set_metadata(std::string(schema::META_SHARDS), std::to_string(count));
        target.commit();
        write_stub(folder, count);
    }
    return target;
}

Xapian::WritableDatabase& IndexTarget::shard_for(std::string_view issue_id) {
    return shards_[schema::shard_of(issue_id, shards_.size())];
}

void IndexTarget::write_issue(std::string_view issue_id, const Xapian::Document& document, bool replaces) {
    auto& shard = shard_for(issue_id);
    if (replaces) shard.delete_document(schema::unique_id_term(issue_id));
    shard.add_document(document);
    add_dictionary_data(dictionary(), document);
}

void IndexTarget::close() {
    for (auto& shard : shards_) shard.close();
    if (dictionary_) dictionary_->close();
}

void IndexTarget::commit() {
    for (auto& shard : shards_) shard.commit();
    if (dictionary_) dictionary_->commit();
}

}  // namespace wm
