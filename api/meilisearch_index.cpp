#include "api/meilisearch_index.hpp"

#include <array>
#include <ctime>

#include "api/meilisearch.hpp"

namespace wm {
namespace {

// Meilisearch's default page of indexes.
constexpr std::size_t kDefaultIndexLimit = 20;
constexpr std::size_t kMaxIndexList = 1000;

std::string rfc3339(std::time_t when) {
    std::tm utc{};
    gmtime_r(&when, &utc);
    std::array<char, 32> text{};
    std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text.data();
}

std::size_t list_param(const Params& params, const std::string& name, std::size_t fallback, ErrorCode code) {
    const auto it = params.find(name);
    if (it == params.end()) return fallback;
    return bounded_integer(it->second, name, 0, kMaxIndexList, code);
}

}  // namespace

nlohmann::json meilisearch_health() { return {{"status", "available"}}; }

nlohmann::json meilisearch_version() {
    return {{"pkgVersion", WM_VERSION}, {"commitSha", "unknown"}, {"commitDate", "unknown"}};
}

nlohmann::json meilisearch_index(std::time_t updated) {
    // The archive has no creation date of its own; its last write is the best answer to both.
    return {{"uid", kMeilisearchIndexUid}, {"primaryKey", "id"}, {"createdAt", rfc3339(updated)},
            {"updatedAt", rfc3339(updated)}};
}

nlohmann::json meilisearch_index_list(const Params& params, std::time_t updated) {
    require_known_params(params, {"offset", "limit"});
    const auto offset = list_param(params, "offset", 0, ErrorCode::invalid_index_offset);
    const auto limit = list_param(params, "limit", kDefaultIndexLimit, ErrorCode::invalid_index_limit);
    auto results = nlohmann::json::array();
    if (offset == 0 && limit > 0) results.push_back(meilisearch_index(updated));
    return {{"results", results}, {"offset", offset}, {"limit", limit}, {"total", 1}};
}

nlohmann::json meilisearch_stats(std::size_t documents) {
    auto fields = nlohmann::json::object();
    for (const auto name : kHitAttributes) fields[std::string(name)] = documents;
    return {{"numberOfDocuments", documents}, {"isIndexing", false}, {"fieldDistribution", fields}};
}

}  // namespace wm
