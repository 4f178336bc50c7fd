// search-news: the smallest program on the Archivar library. Searches a database
// archivar-index wrote and prints rank, id, title and snippet of each hit; with --add,
// first indexes one article given on the command line.
//
//   search-news DB QUERY...
//   search-news --add DB ID TITLE TEXT
#include <archivar/archivar.h>

#include <iostream>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
  try {
    if (argc == 6 && std::string_view(argv[1]) == "--add") {
      const archivar::IndexReport report =
          archivar::Database::index(argv[2], {{.id = argv[3], .title = argv[4], .text = argv[5]}});
      std::cout << "added " << report.added << ", replaced " << report.replaced << ", unchanged "
                << report.unchanged << "; " << report.documents_in_database << " articles\n";
      return 0;
    }
    if (argc < 3) {
      std::cerr << "usage: search-news DB QUERY... | search-news --add DB ID TITLE TEXT\n";
      return 2;
    }
    std::string query;
    for (int i = 2; i < argc; ++i) query += std::string(i > 2 ? " " : "") + argv[i];
    archivar::Database database = archivar::Database::open(argv[1]);
    const archivar::SearchResults results = database.search(query, {.limit = 5});
    std::cout << "about " << results.total_estimate << " of " << database.size()
              << " articles match (archivar " << archivar::library_version() << ")\n";
    for (const archivar::SearchHit& hit : results.hits) {
      std::cout << hit.rank << "\t" << hit.id << "\t" << hit.title << "\n\t" << hit.snippet << "\n";
    }
  } catch (const archivar::Error& error) {
    std::cerr << "search-news: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
