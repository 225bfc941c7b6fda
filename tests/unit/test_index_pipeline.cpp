// The pieces an indexing run spreads over threads: ordered results, and a stemmer cache that
// must not change a single stem.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "common/index/pipeline.hpp"
#include "common/index/stemmer_cache.hpp"

using namespace wm;

TEST_CASE("run_ordered consumes every result in order, whatever order the workers finish in", "[pipeline]") {
    std::vector<std::size_t> consumed;
    run_ordered(500, 4, 8,
                [](std::size_t i) {
                    // Early items take longest, so later ones finish first.
                    std::this_thread::sleep_for(std::chrono::microseconds((500 - i) % 7 * 50));
                    return i * i;
                },
                [&](std::size_t i, std::size_t square) {
                    CHECK(square == i * i);
                    consumed.push_back(i);
                });
    REQUIRE(consumed.size() == 500);
    for (std::size_t i = 0; i < consumed.size(); ++i) REQUIRE(consumed[i] == i);
}

TEST_CASE("run_ordered keeps at most a window of results waiting", "[pipeline]") {
    std::atomic<std::size_t> produced{0};
    std::size_t most_waiting = 0;
    run_ordered(200, 3, 6, [&](std::size_t i) { ++produced; return i; },
                [&](std::size_t i, std::size_t) {
                    std::this_thread::sleep_for(std::chrono::microseconds(200));  // a slow writer
                    most_waiting = std::max(most_waiting, produced.load() - (i + 1));  // beyond the one in hand
                });
    CHECK(most_waiting <= 6);
}

TEST_CASE("run_ordered rethrows a worker's exception at its turn and stops", "[pipeline]") {
    std::vector<std::size_t> consumed;
    const auto run = [&] {
        run_ordered(100, 2, 4,
                    [](std::size_t i) -> int {
                        if (i == 10) throw std::runtime_error("item 10");
                        return 0;
                    },
                    [&](std::size_t i, int) { consumed.push_back(i); });
    };
    REQUIRE_THROWS_WITH(run(), "item 10");
    CHECK(consumed.size() == 10);
}

TEST_CASE("run_ordered stops the workers when the consumer throws", "[pipeline]") {
    std::atomic<std::size_t> produced{0};
    const auto run = [&] {
        run_ordered(10'000, 2, 4, [&](std::size_t i) { ++produced; return i; },
                    [](std::size_t i, std::size_t) {
                        if (i == 3) throw std::runtime_error("disk full");
                    });
    };
    REQUIRE_THROWS_WITH(run(), "disk full");
    CHECK(produced.load() < 100);
}

TEST_CASE("the caching stemmer gives Xapian's English stems, asked once or many times", "[pipeline]") {
    auto cached = caching_english_stemmer();
    Xapian::Stem english("english");
    for (int round = 0; round < 2; ++round)
        for (const std::string word : {"fostering", "inspectors", "inspection", "children", "leaver", "leavers",
                                       "authorities", "organisation", "caf\xc3\xa9s", "", "a"})
            CHECK(cached(word) == english(word));
}
