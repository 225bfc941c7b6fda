#include "common/index/record_codec.hpp"

#include <stdexcept>

namespace wm {
namespace {

// The first byte: which layout follows. Format 1 (schema 2) also held each section's term
// positions; it is still read, so that searchd answers from an older database while the
// indexer rebuilds it.
constexpr char kFormat = 2;
constexpr char kFormatWithPositions = 1;

class Writer {
public:
    void number(std::uint64_t n) {
        while (n >= 0x80) {
            out_ += static_cast<char>((n & 0x7f) | 0x80);
            n >>= 7;
        }
        out_ += static_cast<char>(n);
    }
    void text(std::string_view s) {
        number(s.size());
        out_.append(s);
    }
    void texts(const std::vector<std::string>& list) {
        number(list.size());
        for (const auto& s : list) text(s);
    }
    void facets(const FacetValues& values) {
        for (const auto& list : values.lists) texts(list);
    }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    std::uint64_t number() {
        std::uint64_t n = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            const auto byte = static_cast<unsigned char>(next());
            n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return n;
        }
        throw std::runtime_error("stored record: bad number");
    }
    std::string text() { return std::string(view()); }
    std::string_view view() {
        const auto size = number();
        if (size > in_.size() - at_) throw std::runtime_error("stored record: truncated");
        const auto s = in_.substr(at_, size);
        at_ += size;
        return s;
    }
    void skip_texts() {
        for (auto count = number(); count > 0; --count) view();
    }
    void skip_facets() {
        for (std::size_t list = 0; list < kFacetCount; ++list) skip_texts();
    }
    std::vector<std::string> texts() {
        std::vector<std::string> list(number());
        for (auto& s : list) s = text();
        return list;
    }
    void facets(FacetValues& values) {
        for (auto& list : values.lists) list = texts();
    }
    char next() {
        if (at_ >= in_.size()) throw std::runtime_error("stored record: truncated");
        return in_[at_++];
    }

private:
    std::string_view in_;
    std::size_t at_ = 0;
};

}  // namespace

std::string encode_record(const IssueRecord& record) {
    const Issue& issue = record.issue;
    Writer out;
    out.number(static_cast<unsigned char>(kFormat));
    for (const auto* field : {&issue.id, &issue.file, &issue.title, &issue.month, &issue.signatory,
                              &record.source_path, &record.fingerprint})
        out.text(*field);
    out.number(static_cast<std::uint64_t>(issue.kind));
    out.texts(issue.warnings);
    out.number(issue.sections.size());
    for (std::size_t i = 0; i < issue.sections.size(); ++i) {
        const auto& section = issue.sections[i];
        out.text(section.group);
        out.text(section.heading);
        out.text(section.body);
        out.number(section.is_introduction);
        out.facets(i < record.facets.sections.size() ? record.facets.sections[i] : FacetValues{});
    }
    out.facets(record.facets.issue);
    return out.take();
}

namespace {

// Which format data is in (the reader past its first byte).
char format_of(Reader& in) {
    const auto format = in.number();
    if (format != static_cast<unsigned char>(kFormat) && format != static_cast<unsigned char>(kFormatWithPositions))
        throw std::runtime_error("stored record: unknown format");
    return static_cast<char>(format);
}

}  // namespace

IssueRecord decode_record(std::string_view data) {
    Reader in(data);
    const auto format = format_of(in);
    IssueRecord record;
    Issue& issue = record.issue;
    for (auto* field : {&issue.id, &issue.file, &issue.title, &issue.month, &issue.signatory, &record.source_path,
                        &record.fingerprint})
        *field = in.text();
    issue.kind = static_cast<PageKind>(in.number());
    issue.warnings = in.texts();
    const auto sections = in.number();
    for (std::uint64_t i = 0; i < sections; ++i) {
        Section section;
        section.group = in.text();
        section.heading = in.text();
        section.body = in.text();
        section.is_introduction = in.number() != 0;
        issue.sections.push_back(std::move(section));
        if (format == kFormatWithPositions) in.number(), in.number();
        in.facets(record.facets.sections.emplace_back());
    }
    in.facets(record.facets.issue);
    return record;
}

HitRecord read_hit_record(std::string_view data) {
    Reader in(data);
    const auto format = format_of(in);
    HitRecord record;
    record.stored = data;
    for (auto* field : {&record.id, &record.file, &record.title, &record.month}) *field = in.view();
    in.view(), in.view(), in.view();  // signatory, source path, fingerprint
    record.kind = static_cast<PageKind>(in.number());
    in.skip_texts();  // warnings
    const auto sections = in.number();
    record.sections.reserve(std::min<std::uint64_t>(sections, data.size()));
    for (std::uint64_t i = 0; i < sections; ++i) {
        auto& section = record.sections.emplace_back();
        section.group = in.view();
        section.heading = in.view();
        section.body = in.view();
        in.number();  // introduction
        if (format == kFormatWithPositions) in.number(), in.number();
        in.skip_facets();
    }
    in.skip_facets();  // the issue's: read over, so that a truncated record is refused as decode_record refuses it
    return record;
}

}  // namespace wm
