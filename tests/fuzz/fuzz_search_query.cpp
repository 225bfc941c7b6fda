// Fuzz target: searchd's query handling. The input is a query string (name=value&...) or,
// when it starts with '{', a Meilisearch JSON body; either is run against a database of the
// real issues. A bad request may be refused with RequestError; nothing may crash, and every
// answer must serialise.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "api/meilisearch.hpp"
#include "api/params.hpp"
#include "api/search_json.hpp"
#include "api/error_codes.hpp"
#include "common/index/run.hpp"
#include "common/search/searcher.hpp"

namespace {

// The database of the real issues, removed when the process exits.
struct FuzzDatabase {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("wmsearch-fuzz-" + std::to_string(getpid()));
    ~FuzzDatabase() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};
FuzzDatabase database;
std::unique_ptr<wm::Archive> archive;

wm::Params split_query_string(std::string_view text) {
    wm::Params params;
    while (!text.empty()) {
        const auto amp = text.find('&');
        const auto pair = text.substr(0, amp);
        const auto eq = pair.find('=');
        params.emplace(std::string(pair.substr(0, eq)), eq == std::string_view::npos ? "" : std::string(pair.substr(eq + 1)));
        text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    }
    return params;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    wm::IndexOptions options;
    options.database = database.path.string();
    options.inputs = {WM_CORPUS_DIR};
    wm::index_paths(options);
    archive = std::make_unique<wm::Archive>(options.database);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    try {
        auto searcher = archive->searcher();
        if (!input.empty() && input[0] == '{') {
            const auto body = nlohmann::json::parse(input, nullptr, false);
            if (body.is_discarded()) return 0;
            const auto query = wm::parse_meilisearch_query(body);
            (void)wm::meilisearch_response(query, searcher->search(query.request), "issues")
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        } else {
            const auto request = wm::parse_search_params(split_query_string(input));
            // Whatever the query, the answer is JSON a strict parser reads (parse throws otherwise).
            const auto answer = nlohmann::json::parse(wm::search_result_json(searcher->search(request)));
            if (!answer.is_object()) std::abort();
        }
    } catch (const wm::RequestError&) {  // a 4xx for searchd
    }
    return 0;
}
