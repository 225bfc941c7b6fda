// The indexing baseline: a bare single-threaded TermGenerator loop, one document per file
// (whole text, positions, English stems), committing every 1,000 documents.
//   bench_termgen DB FOLDER
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_termgen DB FOLDER\n");
        return 2;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(argv[2]))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator terms;
    terms.set_stemmer(Xapian::Stem("english"));
    std::size_t added = 0;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        Xapian::Document doc;
        terms.set_document(doc);
        terms.index_text(text.str());
        doc.set_data(file.filename().string());
        doc.add_boolean_term("Q" + file.stem().string());
        db.add_document(doc);
        if (++added % 1000 == 0) db.commit();
    }
    db.commit();
    std::printf("bench_termgen: %zu files\n", added);
}
