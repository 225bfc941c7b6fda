// The record cache: each record read once per database revision, within a byte bound.
#include <catch2/catch.hpp>

#include <string>

#include "common/search/record_cache.hpp"

using namespace wm;

TEST_CASE("record cache: a record is read once while the revision lasts, and again after it changes", "[records]") {
    RecordCache cache(1000);
    int reads = 0;
    const auto reader = [&](std::string text) {
        return [&reads, text] {
            ++reads;
            return text;
        };
    };
    CHECK(*cache.get("r1", 7, reader("seven")) == "seven");
    CHECK(*cache.get("r1", 7, reader("other")) == "seven");
    CHECK(reads == 1);
    CHECK(*cache.get("r1", 8, reader("eight")) == "eight");
    CHECK(reads == 2);
    // Indexed again under the same document id: the new revision reads it afresh.
    CHECK(*cache.get("r2", 7, reader("seven, changed")) == "seven, changed");
    CHECK(*cache.get("r2", 7, reader("unused")) == "seven, changed");
    CHECK(reads == 3);
}

TEST_CASE("record cache: past its bytes the least recently used records go first", "[records]") {
    RecordCache cache(250);
    int reads = 0;
    const auto record = [&](char c) {
        return [&reads, c] {
            ++reads;
            return std::string(100, c);
        };
    };
    cache.get("r", 1, record('a'));
    cache.get("r", 2, record('b'));
    cache.get("r", 1, record('a'));  // 1 is now the most recent
    cache.get("r", 3, record('c'));  // 300 bytes: 2 goes
    CHECK(reads == 3);
    cache.get("r", 1, record('a'));
    cache.get("r", 3, record('c'));
    CHECK(reads == 3);
    CHECK(*cache.get("r", 2, record('b')) == std::string(100, 'b'));
    CHECK(reads == 4);
    // A record larger than the whole cache is returned, not kept.
    RecordCache small(10);
    CHECK(small.get("r", 1, record('z'))->size() == 100);
    small.get("r", 1, record('z'));
    CHECK(reads == 6);
}
