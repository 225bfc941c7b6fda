// The real indexer binary against a real database on disk, checked through the Xapian API.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include <filesystem>
#include <set>

#include "common/index/record_codec.hpp"
#include "common/index/schema.hpp"
#include "common/index/store.hpp"
#include "common/model/issue_record.hpp"
#include "common/text/text.hpp"
#include "test_support.hpp"

using namespace wm;
using namespace wm::test;
namespace fs = std::filesystem;

namespace {

const std::string kCorpus = WM_CORPUS_DIR;

std::size_t postings(const Xapian::Database& db, const std::string& term) {
    return db.get_termfreq(term);
}

std::string copy_corpus(const TempDir& dir) {
    const auto target = dir / "corpus";
    fs::create_directories(target);
    for (const auto& entry : fs::directory_iterator(kCorpus))
        fs::copy_file(entry.path(), fs::path(target) / entry.path().filename());
    return target;
}

std::size_t count_lines(const std::string& text) { return std::count(text.begin(), text.end(), '\n'); }

}  // namespace

TEST_CASE("index writes one document per issue with terms, values and its sections' text", "[indexer]") {
    TempDir dir;
    const auto db_path = dir / "db";
    const auto result = index_into(db_path, {kCorpus});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(result.out.find("added 5, replaced 0, unchanged 0, removed 0, failed 0") != std::string::npos);

    Xapian::Database db(db_path);
    CHECK(db.get_doccount() == 5);
    CHECK(db.get_metadata(std::string(schema::META_SCHEMA_VERSION)) == schema::kSchemaVersion);

    const std::string id = "000_0ade5a7af2cbefc2";
    REQUIRE(postings(db, schema::unique_id_term(id)) == 1);
    const auto doc = db.get_document(*db.postlist_begin(schema::unique_id_term(id)));
    CHECK(doc.get_value(schema::SLOT_MONTH) == "2022-04");
    CHECK(doc.get_value(schema::SLOT_ISSUE_ID) == id);
    CHECK(doc.get_value(schema::SLOT_SOURCE_PATH) == fs::canonical(kCorpus + "/" + id + ".txt").string());
    const auto data = nlohmann::json(record_of(doc));
    CHECK(data["title"] == "Regional Update - April 2022");
    CHECK(data["signatory"] == "Jenny Turnross");

    CHECK(postings(db, schema::year_term("2022-04")) > 0);
    CHECK(db.term_exists(schema::month_term("2022-04")));
    CHECK(db.term_exists(std::string(schema::PREFIX_TITLE) + "april"));
    CHECK(db.term_exists(std::string(schema::PREFIX_HEADING) + "riia"));
    CHECK(db.term_exists("crabbb"));

    // Facets: boolean terms to filter by, and a value list to count.
    CHECK(db.term_exists(schema::facet_term(schema::AUTHORITIES, "Telford and Wrekin")));
    CHECK(db.term_exists(schema::facet_term(schema::PEOPLE, "Pat Bullen")));
    const auto people = split(doc.get_value(schema::PEOPLE.slot), schema::kListSeparator);
    CHECK(std::count(people.begin(), people.end(), "Jenny Turnross") == 1);

    // Each section keeps its heading and text, which a hit reads in place as the whole record has them.
    const auto stored = doc.get_value(schema::SLOT_RECORD);
    const auto hit = read_hit_record(stored);
    CHECK(hit.id == id);
    CHECK(hit.title == data["title"]);
    CHECK(hit.month == "2022-04");
    REQUIRE(hit.sections.size() == data["sections"].size());
    bool found_section = false;
    for (std::size_t i = 0; i < hit.sections.size(); ++i) {
        CHECK(hit.sections[i].heading == data["sections"][i].value("heading", ""));
        CHECK(hit.sections[i].body == data["sections"][i].value("body", ""));
        if (hit.sections[i].heading != "PSW Master Classes") continue;
        found_section = true;
        CHECK(hit.sections[i].body.find("Masterclasses") != std::string::npos);
        CHECK(db.term_exists("masterclasses"));
    }
    CHECK(found_section);

    // Page furniture is not searchable text.
    CHECK_FALSE(db.term_exists("views0"));
    CHECK_FALSE(db.term_exists(std::string(schema::PREFIX_HEADING) + "recent"));
    CHECK(db.get_spelling_suggestion("safegaurding") == "safeguarding");
}

TEST_CASE("indexing twice changes nothing, a changed file replaces its documents, --prune removes", "[indexer]") {
    TempDir dir;
    const auto corpus = copy_corpus(dir);
    const auto db_path = dir / "db";
    REQUIRE(index_into(db_path, {corpus}).exit_code == 0);
    const auto revision = Xapian::Database(db_path).get_revision();

    const auto again = index_into(db_path, {corpus});
    CHECK(again.exit_code == 0);
    CHECK(again.out.find("added 0, replaced 0, unchanged 5, removed 0, failed 0") != std::string::npos);
    CHECK(Xapian::Database(db_path).get_revision() == revision);

    const auto changed = corpus + "/004_ad146b42a34eb8f9.txt";
    write_file(changed, "Regional Update \u2013 August 2022\n\nShort Item\n\nOnly one section now about fostering.\n");
    const auto replaced = index_into(db_path, {corpus});
    CHECK(replaced.out.find("added 0, replaced 1, unchanged 4") != std::string::npos);
    {
        Xapian::Database db(db_path);
        CHECK(postings(db, schema::unique_id_term("004_ad146b42a34eb8f9")) == 1);
        CHECK(db.get_doccount() == 5);
        CHECK(db.term_exists(schema::month_term("2022-08")));
        CHECK_FALSE(db.term_exists(schema::month_term("2022-07")));
    }

    fs::remove(corpus + "/003_5a3c62a5cd5b4844.txt");
    const auto without_prune = index_into(db_path, {corpus});
    CHECK(without_prune.out.find("removed 0") != std::string::npos);
    const auto pruned = index_into(db_path, {corpus}, "--prune");
    CHECK(pruned.out.find("unchanged 4, removed 1, failed 0") != std::string::npos);
    Xapian::Database db(db_path);
    CHECK(postings(db, schema::unique_id_term("003_5a3c62a5cd5b4844")) == 0);
    CHECK(db.get_doccount() == 4);
}

TEST_CASE("bad files are reported and skipped, the rest of the batch is indexed", "[indexer][input]") {
    TempDir dir;
    const auto in = dir / "in";
    fs::create_directories(in + "/other");
    write_file(in + "/empty.txt", "");
    write_file(in + "/binary.txt", std::string("\x7f" "ELF\x02\x01\x01\0\0\0\0", 12) + std::string(4000, '\0'));
    write_file(in + "/latin1.txt", "Regional Update - May 2021\n\nCaf\xe9 culture and children\x92s services.\n");
    write_file(in + "/crlf-bom.txt", "\xEF\xBB\xBFRegional Update - June 2021\r\n\r\nA line.\r\n");
    write_file(in + "/huge.txt", std::string(50u << 20, 'a'));
    write_file(in + "/dup.txt", "Regional Update - July 2021\n\nFirst copy.\n");
    write_file(in + "/other/dup.txt", "Regional Update - July 2021\n\nSecond copy.\n");
    write_file(in + "/.hidden.txt", "Regional Update - July 2021\n\nHidden.\n");
    write_file(in + "/draft.txt~", "Regional Update - July 2021\n\nBackup.\n");

    const auto db_path = dir / "db";
    const auto result = index_into(db_path, {in, dir / "missing"});
    CHECK(result.exit_code == 1);
    CHECK(result.out.find("added 3, replaced 0, unchanged 0, removed 0, failed 5") != std::string::npos);
    CHECK(result.err.find(in + "/empty.txt: empty file") != std::string::npos);
    CHECK(result.err.find(in + "/binary.txt: binary file") != std::string::npos);
    CHECK(result.err.find(in + "/huge.txt: file too large") != std::string::npos);
    CHECK(result.err.find(in + "/other/dup.txt: conflict") != std::string::npos);
    CHECK(result.err.find("missing: no such file or folder") != std::string::npos);
    CHECK(result.err.find("latin1.txt: warning: invalid UTF-8") != std::string::npos);

    Xapian::Database db(db_path);
    CHECK(db.term_exists(schema::unique_id_term("latin1")));
    CHECK(db.term_exists(schema::unique_id_term("crlf-bom")));
    CHECK(db.term_exists("café"));
    const auto dup = nlohmann::json(record_of(db.get_document(*db.postlist_begin(schema::unique_id_term("dup")))));
    CHECK(dup["sections"][0]["body"] == "First copy.");
    CHECK_FALSE(db.term_exists(schema::unique_id_term(".hidden")));
}

TEST_CASE("a second writer gets a clear lock error", "[indexer][lock]") {
    TempDir dir;
    const auto db_path = dir / "db";
    REQUIRE(index_into(db_path, {kCorpus}).exit_code == 0);
    Xapian::WritableDatabase holder(db_path, Xapian::DB_OPEN);
    const auto second = index_into(db_path, {kCorpus});
    CHECK(second.exit_code == 2);
    CHECK(second.err.find("database is locked by another writer") != std::string::npos);
    holder.close();
    CHECK(Xapian::Database(db_path).get_doccount() > 0);
}

TEST_CASE("list prints issues newest first, show prints one as JSON", "[indexer]") {
    TempDir dir;
    const auto db_path = dir / "db";
    REQUIRE(index_into(db_path, {kCorpus}).exit_code == 0);

    const auto list = run_indexer("list --db " + quoted(db_path));
    REQUIRE(list.exit_code == 0);
    CHECK(count_lines(list.out) == 5);
    const auto lines = split(list.out, '\n');
    CHECK(lines[0] == "001_bdbd675849e79961\t2023-11\t001_bdbd675849e79961.txt\tRegional Update \u2013 November 2023");
    CHECK(lines[4] == "000_0ade5a7af2cbefc2\t2022-04\t000_0ade5a7af2cbefc2.txt\tRegional Update - April 2022");

    const auto show = run_indexer("show --db " + quoted(db_path) + " 004_ad146b42a34eb8f9");
    REQUIRE(show.exit_code == 0);
    const auto issue = nlohmann::json::parse(show.out);
    CHECK(issue["date"] == "2022-07");
    CHECK(issue["signatory"] == "Michael W Jarrett MBE");
    CHECK(issue["people"].size() > 3);

    const auto missing = run_indexer("show --db " + quoted(db_path) + " no_such_issue");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("no issue with id 'no_such_issue'") != std::string::npos);

    const auto no_db = run_indexer("list --db " + quoted(dir / "nothing-here"));
    CHECK(no_db.exit_code == 2);
    CHECK(no_db.err.find("cannot open database") != std::string::npos);
}

TEST_CASE("acronyms defined in one issue apply to the whole archive", "[indexer][facets]") {
    TempDir dir;
    const auto db_path = dir / "db";
    const std::string riia = "Regional Improvement and Innovation Alliance";  // defined only in 001
    const auto april = kCorpus + "/000_0ade5a7af2cbefc2.txt";
    const auto november = kCorpus + "/001_bdbd675849e79961.txt";
    const auto programmes_of = [](const std::string& json_line) {
        return nlohmann::json::parse(json_line)["programmes"].get<std::vector<std::string>>();
    };
    const auto has = [](const std::vector<std::string>& values, const std::string& value) {
        return std::find(values.begin(), values.end(), value) != values.end();
    };

    SECTION("extract reads every file first") {
        const auto alone = run_indexer("extract --json " + quoted(april));
        REQUIRE(alone.exit_code == 0);
        CHECK_FALSE(has(programmes_of(alone.out), riia));
        const auto both = run_indexer("extract --json " + quoted(april) + " " + quoted(november));
        REQUIRE(both.exit_code == 0);
        CHECK(has(programmes_of(split(both.out, '\n')[0]), riia));
    }
    SECTION("indexing the defining issue later re-extracts stored issues; extract --db uses that glossary") {
        REQUIRE(index_into(db_path, {april}).exit_code == 0);
        auto show = run_indexer("show --db " + quoted(db_path) + " 000_0ade5a7af2cbefc2");
        CHECK_FALSE(has(nlohmann::json::parse(show.out)["programmes"], riia));
        REQUIRE(index_into(db_path, {november}).exit_code == 0);
        show = run_indexer("show --db " + quoted(db_path) + " 000_0ade5a7af2cbefc2");
        CHECK(has(nlohmann::json::parse(show.out)["programmes"], riia));
        Xapian::Database db(db_path);
        CHECK(db.term_exists(schema::facet_term(schema::PROGRAMMES, riia)));
        CHECK(db.get_termfreq(schema::facet_term(schema::PROGRAMMES, riia)) >= 2);

        const auto with_db = run_indexer("extract --json --db " + quoted(db_path) + " " + quoted(april));
        REQUIRE(with_db.exit_code == 0);
        CHECK(has(programmes_of(with_db.out), riia));
    }
}

TEST_CASE("a programme name the archive learns later re-decides the stored issues that write it", "[indexer][facets]") {
    TempDir dir;
    const auto db_path = dir / "db";
    const auto earlier = dir / "eastvale-update-may-2031.txt";
    const auto later = dir / "eastvale-update-june-2031.txt";
    write_file(earlier, "Eastvale Update \u2013 May 2031\n\nNews:\n\nBelonging Matters has trained its first cohort of residential staff.\n");
    write_file(later, "Eastvale Update \u2013 June 2031\n\nNews:\n\nWe joined the national \u2018Belonging Matters\u2019 programme.\n");
    const auto programmes_of = [&](const std::string& id) {
        const auto show = run_indexer("show --db " + quoted(db_path) + " " + id);
        REQUIRE(show.exit_code == 0);
        return nlohmann::json::parse(show.out)["programmes"].get<std::vector<std::string>>();
    };
    REQUIRE(index_into(db_path, {earlier}).exit_code == 0);
    CHECK(programmes_of("eastvale-update-may-2031").empty());  // a capitalised phrase, nothing more is known
    const auto run = run_indexer("index --db " + quoted(db_path) + " " + quoted(later));
    REQUIRE(run.exit_code == 0);
    CHECK(programmes_of("eastvale-update-june-2031") == std::vector<std::string>{"Belonging Matters"});
    CHECK(programmes_of("eastvale-update-may-2031") == std::vector<std::string>{"Belonging Matters"});
}

TEST_CASE("a database an older schema wrote is rebuilt from its issues' files and the run's, and swapped in", "[indexer][migration]") {
    TempDir dir;
    const auto corpus = copy_corpus(dir);
    const auto elsewhere = dir / "elsewhere";
    fs::create_directories(elsewhere);
    std::vector<std::string> stored_paths;
    for (const auto& entry : fs::directory_iterator(corpus)) stored_paths.push_back(entry.path().string());
    std::sort(stored_paths.begin(), stored_paths.end());
    for (std::size_t i = 0; i < 2; ++i) {  // two issues whose files are no longer in the run's folder
        const auto moved = elsewhere + "/" + fs::path(stored_paths[i]).filename().string();
        fs::rename(stored_paths[i], moved);
        stored_paths[i] = moved;
    }
    const auto gone = dir / "gone/015_0000000000000000.txt";
    stored_paths.push_back(gone);

    // The shape of a schema 1 database: an issue document and section documents per issue.
    const auto db_path = dir / "db";
    {
        Xapian::WritableDatabase old(db_path, Xapian::DB_CREATE);
        for (const auto& path : stored_paths) {
            Xapian::Document issue;
            issue.add_boolean_term(schema::unique_id_term(fs::path(path).stem().string()));
            issue.add_boolean_term("XTYPEissue");
            issue.add_value(schema::SLOT_SOURCE_PATH, path);
            issue.add_value(schema::SLOT_FINGERPRINT, "old");
            old.add_document(issue);
            Xapian::Document section;
            section.add_boolean_term("XTYPEsection");
            old.add_document(section);
        }
        old.set_metadata(std::string(schema::META_SCHEMA_VERSION), "1");
        old.commit();
    }
    Xapian::Database reader(db_path);  // as searchd holds it through the rebuild
    REQUIRE(reader.get_doccount() == 12);

    const auto rebuilt = index_into(db_path, {corpus});
    INFO(rebuilt.out << rebuilt.err);
    CHECK(rebuilt.exit_code == 0);
    CHECK(rebuilt.out.find("added 5, replaced 0, unchanged 0, removed 0, failed 0") != std::string::npos);
    CHECK(rebuilt.err.find(gone) != std::string::npos);  // reported: it cannot be rebuilt

    reader.reopen();
    CHECK(reader.get_doccount() == 5);
    Xapian::Database db(db_path);
    CHECK(db.get_metadata(std::string(schema::META_SCHEMA_VERSION)) == schema::kSchemaVersion);
    CHECK(db.get_doccount() == 5);
    CHECK_FALSE(db.term_exists("XTYPEsection"));
    for (std::size_t i = 0; i < 5; ++i) {
        const auto id = fs::path(stored_paths[i]).stem().string();
        CHECK(read_issue(db, id).issue.id == id);
    }
    CHECK_FALSE(fs::exists(db_path + ".building"));
    const auto again = index_into(db_path, {corpus, elsewhere});
    CHECK(again.out.find("added 0, replaced 0, unchanged 5") != std::string::npos);
}

TEST_CASE("a database a newer schema wrote is refused with the reason", "[indexer][migration]") {
    TempDir dir;
    const auto db_path = dir / "db";
    {
        Xapian::WritableDatabase newer(db_path, Xapian::DB_CREATE);
        newer.add_document(Xapian::Document());
        newer.set_metadata(std::string(schema::META_SCHEMA_VERSION), "99");
        newer.commit();
    }
    const auto refused = index_into(db_path, {copy_corpus(dir)});
    CHECK(refused.exit_code != 0);
    CHECK(refused.err.find("schema version '99'") != std::string::npos);
    CHECK(Xapian::Database(db_path).get_doccount() == 1);
}
