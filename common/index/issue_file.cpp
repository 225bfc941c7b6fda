#include "common/index/issue_file.hpp"

#include "common/errors.hpp"
#include "common/facets/facets.hpp"
#include "common/index/document_builder.hpp"
#include "common/index/files.hpp"
#include "common/parse/issue_parser.hpp"

namespace wm {
namespace {

DocumentBuilder& thread_document_builder() {
    thread_local DocumentBuilder builder;
    return builder;
}

}  // namespace

BuiltIssue build_issue_file(const std::string& path, std::uintmax_t max_bytes, const Glossary& glossary,
                            const ArchiveLayout& archive) {
    BuiltIssue built;
    try {
        const auto bytes = read_file_bytes(path, max_bytes);
        built.record.issue = parse_issue_bytes(bytes, path, archive);
        built.record.source_path = path;
        built.record.fingerprint = fingerprint_of(bytes);
        built.record.facets = extract_facets(built.record.issue, glossary);
        built.document = thread_document_builder().build(built.record);
    } catch (const InputError& e) {
        built.failure = e.what();
    }
    return built;
}

BuiltIssue build_stored_issue(IssueRecord record, const Glossary& glossary) {
    BuiltIssue built;
    built.record = std::move(record);
    built.record.facets = extract_facets(built.record.issue, glossary);
    built.document = thread_document_builder().build(built.record);
    return built;
}

}  // namespace wm
