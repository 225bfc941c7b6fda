// searchd's pool of searchers: bounded, reused, and never handing one searcher to two requests.
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <random>
#include <thread>

#include "common/index/run.hpp"
#include "searchd/searcher_pool.hpp"

using namespace wm;
namespace fs = std::filesystem;

namespace {

struct CorpusDatabase {
    fs::path folder = fs::temp_directory_path() / ("wm-pool-" + std::to_string(std::random_device{}()));
    CorpusDatabase() {
        IndexOptions options;
        options.database = path();
        options.inputs = {WM_CORPUS_DIR};
        REQUIRE(index_paths(options).failed == 0);
    }
    ~CorpusDatabase() { fs::remove_all(folder); }
    std::string path() const { return (folder / "db").string(); }
};

}  // namespace

TEST_CASE("searcher pool: at most its size are lent at once, and a returned searcher is reused", "[searchd][pool]") {
    const CorpusDatabase database;
    searchd::SearcherPool pool(database.path(), 2);
    Searcher* first_searcher = nullptr;
    std::atomic<bool> third_lent{false};
    std::thread third;
    {
        auto first = pool.acquire();
        auto second = pool.acquire();
        first_searcher = &*first;
        CHECK(&*first != &*second);
        third = std::thread([&] {
            auto lease = pool.acquire();
            third_lent = true;
            CHECK(lease->search(SearchRequest{}).total == 5);
        });
        // Settle period: the third request must still be waiting after it.
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        CHECK_FALSE(third_lent);
    }
    third.join();
    CHECK(third_lent);
    auto again = pool.acquire();
    auto other = pool.acquire();
    CHECK((&*again == first_searcher || &*other == first_searcher));  // no third searcher was opened for it
}

TEST_CASE("searcher pool: a request that ends in an exception returns its place", "[searchd][pool]") {
    const CorpusDatabase database;
    searchd::SearcherPool pool(database.path(), 1);
    try {
        auto lease = pool.acquire();
        throw std::runtime_error("the request failed");
    } catch (const std::runtime_error&) {
    }
    auto lease = pool.acquire();  // would wait for ever if the place were lost
    CHECK(lease->search(SearchRequest{}).total == 5);
}
