// The record a document stores: read back whole, or in place for a hit, in this format and the last one.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

#include "common/index/record_codec.hpp"

using namespace wm;

namespace {

IssueRecord sample_record() {
    IssueRecord record;
    record.issue.id = "007_abc";
    record.issue.file = "007_abc.txt";
    record.issue.title = "Regional Update - May 2023";
    record.issue.month = "2023-05";
    record.issue.kind = PageKind::article;
    record.issue.signatory = "Jo Britton";
    record.issue.warnings = {"no date line"};
    record.issue.sections = {{"", "Introduction", "Dear colleagues, welcome.", true},
                             {"Key Updates", "Care leavers", "The care leaver offer is live.", false}};
    record.facets.issue[FacetId::people] = {"Jo Britton"};
    record.facets.sections.resize(2);
    record.facets.sections[1][FacetId::programmes] = {"Care Leaver Offer", "Local Offer"};
    record.source_path = "/archive/007_abc.txt";
    record.fingerprint = "f00d/42/a3s3";
    return record;
}

// A number as the codec writes it: seven bits a byte, low bits first.
std::string number(std::uint64_t n) {
    std::string out;
    for (; n >= 0x80; n >>= 7) out += static_cast<char>((n & 0x7f) | 0x80);
    return out + static_cast<char>(n);
}

std::string text(const std::string& s) { return number(s.size()) + s; }

// The record in format 1, which also held each section's term positions (schema version 2).
std::string format_one(const IssueRecord& record) {
    const auto& issue = record.issue;
    std::string out = number(1);
    for (const auto* field : {&issue.id, &issue.file, &issue.title, &issue.month, &issue.signatory,
                              &record.source_path, &record.fingerprint})
        out += text(*field);
    out += number(static_cast<std::uint64_t>(issue.kind));
    out += number(issue.warnings.size());
    for (const auto& warning : issue.warnings) out += text(warning);
    const auto facets = [&](const FacetValues& values) {
        for (const auto& list : values.lists) {
            out += number(list.size());
            for (const auto& value : list) out += text(value);
        }
    };
    out += number(issue.sections.size());
    for (std::size_t i = 0; i < issue.sections.size(); ++i) {
        const auto& section = issue.sections[i];
        out += text(section.group) + text(section.heading) + text(section.body) + number(section.is_introduction);
        out += number(10 * i + 1) + number(10 * i + 9);
        facets(record.facets.sections[i]);
    }
    facets(record.facets.issue);
    return out;
}

void check_same(const IssueRecord& read, const IssueRecord& written) {
    CHECK(nlohmann::json(read) == nlohmann::json(written));
}

void check_hit(const HitRecord& hit, const IssueRecord& written) {
    CHECK(hit.id == written.issue.id);
    CHECK(hit.file == written.issue.file);
    CHECK(hit.title == written.issue.title);
    CHECK(hit.month == written.issue.month);
    CHECK(hit.kind == written.issue.kind);
    REQUIRE(hit.sections.size() == written.issue.sections.size());
    for (std::size_t i = 0; i < hit.sections.size(); ++i) {
        CHECK(hit.sections[i].group == written.issue.sections[i].group);
        CHECK(hit.sections[i].heading == written.issue.sections[i].heading);
        CHECK(hit.sections[i].body == written.issue.sections[i].body);
    }
}

}  // namespace

TEST_CASE("record codec: a record reads back whole, and in place for a hit", "[record]") {
    const auto record = sample_record();
    const auto stored = encode_record(record);
    check_same(decode_record(stored), record);
    check_hit(read_hit_record(stored), record);
}

TEST_CASE("record codec: the last format (with section positions) still reads, for a database awaiting its rebuild",
          "[record]") {
    const auto record = sample_record();
    const auto stored = format_one(record);
    check_same(decode_record(stored), record);
    check_hit(read_hit_record(stored), record);
}

TEST_CASE("record codec: truncated or foreign bytes are refused, never read past", "[record]") {
    const auto stored = encode_record(sample_record());
    for (std::size_t size = 0; size < stored.size(); ++size) {
        INFO("first " << size << " bytes");
        CHECK_THROWS_AS(decode_record(stored.substr(0, size)), std::runtime_error);
        CHECK_THROWS_AS(read_hit_record(stored.substr(0, size)), std::runtime_error);
    }
    CHECK_THROWS_AS(decode_record(number(9) + stored.substr(1)), std::runtime_error);
    CHECK_THROWS_AS(read_hit_record("{\"id\":\"json\"}"), std::runtime_error);
}
