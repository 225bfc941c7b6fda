// indexer: builds and inspects the wmsearch index. Parsing only; the work is in commands.cpp.
#include <CLI/CLI.hpp>
#include <xapian.h>

#include <csignal>
#include <iostream>

#include "common/errors.hpp"
#include "common/index/default_database.hpp"
#include "indexer/commands.hpp"

int main(int argc, char** argv) {
    using namespace wm::cli;
    CLI::App app{"indexer: index Regional Update issues into a Xapian database and inspect it"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "wmsearch indexer 0.1.0");

    const std::string default_db = wm::default_database_path();
    const std::string db_help = "Xapian database directory (default: $WMSEARCH_DB or the checkout's var/wmsearch.db)";

    IndexCommand index;
    index.database = default_db;
    auto* index_app = app.add_subcommand(
        "index", "Index issue files and folders (*.txt, recursively). Incremental: unchanged files "
                 "are skipped, changed ones replaced; changes are committed every --batch issues.");
    index_app->add_option("--db", index.database, db_help)->default_str(default_db);
    index_app->add_option("paths", index.inputs, "Files or folders to index")->required();
    index_app->add_flag("--prune", index.prune, "Also remove issues whose source file no longer exists");
    index_app->add_flag("-q,--quiet", index.quiet, "No progress output, only problems and the summary");
    index_app->add_option("--batch", index.batch,
                          "Issues per commit: a kill loses at most one batch, which a re-run redoes")
        ->default_val(index.batch)->check(CLI::PositiveNumber);
    index_app->add_option("--shards", index.shards,
                          "Split a new index into N shards (a folder with a stub file, see README "
                          "\"Scaling out\"); an existing index keeps its layout")
        ->check(CLI::Range(std::size_t{1}, std::size_t{256}));
    index_app->add_option("--threads", index.threads,
                          "Threads that parse, extract and build documents (default: one per core)")
        ->check(CLI::Range(1u, 256u));

    IndexCommand rebuild;
    rebuild.database = default_db;
    rebuild.rebuild = true;
    auto* rebuild_app = app.add_subcommand(
        "rebuild", "Decide every indexed issue again with what the whole archive says now: its site's "
                   "furniture (short lines that recur across its pages), its acronyms and programme "
                   "names. Each issue is read again from its source file (kept as indexed when the file "
                   "is gone). A single database is built anew beside the old one and swapped in when "
                   "complete, so searchd answers from the old one until then; shards are re-indexed in place.");
    rebuild_app->add_option("--db", rebuild.database, db_help)->default_str(default_db);
    rebuild_app->add_option("paths", rebuild.inputs, "More files or folders to index with the archive's issues");
    rebuild_app->add_flag("-q,--quiet", rebuild.quiet, "No progress output, only problems and the summary");
    rebuild_app->add_option("--threads", rebuild.threads,
                            "Threads that parse, extract and build documents (default: one per core)")
        ->check(CLI::Range(1u, 256u));

    WatchCommand watch;
    watch.database = default_db;
    auto* watch_app = app.add_subcommand(
        "watch", "Index the folder, then keep the index in step with it: each new or changed *.txt "
                 "is indexed once completely written (closed, or unchanged for --settle), deleted "
                 "files' issues are removed. Logs each action; stops on SIGINT/SIGTERM.");
    watch_app->add_option("--db", watch.database, db_help)->default_str(default_db);
    watch_app->add_option("folder", watch.folder, "Folder issues are dropped into")
        ->required()->check(CLI::ExistingDirectory);
    watch_app->add_option("--settle", watch.settle_ms,
                          "Milliseconds a file must stay unchanged to count as written when its close is not seen")
        ->capture_default_str()->check(CLI::Range(10, 600000));

    ListCommand list;
    list.database = default_db;
    auto* list_app = app.add_subcommand(
        "list", "List indexed issues, newest first: id, YYYY-MM (or -), file name, title (tab-separated)");
    list_app->add_option("--db", list.database, db_help)->default_str(default_db);

    ShowCommand show;
    show.database = default_db;
    auto* show_app = app.add_subcommand("show", "Print an indexed issue (parsed model and facets) as JSON");
    show_app->add_option("--db", show.database, db_help)->default_str(default_db);
    show_app->add_option("id", show.issue_id, "Issue id: the file name without .txt")->required();

    ExtractCommand extract;
    auto* extract_app = app.add_subcommand(
        "extract", "Print the facets of issue files without indexing them. All files are read "
                   "first, so an acronym defined in one applies to all, and a line that recurs across "
                   "them is their site's furniture.");
    extract_app->add_option("paths", extract.inputs, "Files or folders")->required();
    extract_app->add_flag("--json", extract.json, "One JSON object per issue per line");
    extract_app->add_option("--db", extract.database,
                            "Also apply what this database's archive has learned (acronyms, programme "
                            "names, its site's furniture); read only")
        ->check(CLI::ExistingDirectory);

    CLI11_PARSE(app, argc, argv);
    // Past a file-size limit a write should fail with EFBIG, reported like a full disk, not
    // kill the process half way through a transaction.
    std::signal(SIGXFSZ, SIG_IGN);
    try {
        if (*index_app) return run(index);
        if (*rebuild_app) return run(rebuild);
        if (*watch_app) return run(watch);
        if (*list_app) return run(list);
        if (*show_app) return run(show);
        return run(extract);
    } catch (const wm::Error& e) {
        std::cerr << "indexer: " << e.what() << '\n';
        return exit_code_for(e.kind);
    } catch (const std::exception& e) {
        std::cerr << "indexer: " << e.what() << '\n';
        return kFatal;
    } catch (const Xapian::Error& e) {
        std::cerr << "indexer: " << e.get_description() << '\n';
        return kFatal;
    }
}
