// libFuzzer target: any query text parses to a Xapian::Query or throws
// QueryError, through the rewrites that run before Xapian's QueryParser
// (accents, acronyms, wildcard widening), "did you mean" and the snippet
// marks, on a small index with spelling data; and the parsed query,
// weighed on lengths in memory (columns/memory_bm25.h), matches what
// Xapian's own BM25 matches, score for score.

#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "columns/memory_bm25.h"
#include "news/search.h"
#include "search/query_parser.h"
#include "text/analysis.h"

namespace {

Xapian::Database* index_db = nullptr;

// Stories as terms (stems under Z, a tag, an author word) and the words of
// the spelling data, written once into a temporary directory.
Xapian::Database* make_index() {
  char tmpl[] = "/tmp/query_fuzzer.XXXXXX";
  const std::string dir = mkdtemp(tmpl);
  {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE);
    const std::vector<std::vector<std::string>> docs = {
        {"Zpresid", "Zpresidenti", "Zelect", "Zusa", "Ktrade", "Alucey"},
        {"Ztariff", "Zkorea", "Zexport", "Zus", "Kelections", "XAcatherine lucey"},
        {"Zzurich", "Ztalk", "Zthe", "Zsouth", "Zkorea"}};
    for (const auto& terms : docs) {
      Xapian::Document doc;
      Xapian::termpos pos = 0;
      for (const std::string& t : terms) doc.add_posting(t, ++pos);
      db.add_document(doc);
    }
    for (const char* w : {"president", "presidential", "presidency", "election", "elections",
                          "tariffs", "tariff", "korea", "korean", "exporters", "zurich", "talks"}) {
      db.add_spelling(w, 2);
    }
    db.commit();
  }
  auto* db = new Xapian::Database(dir);
  std::filesystem::remove_all(dir);  // the open tables stay readable
  return db;
}

Xapian::MSet top_ten(const Xapian::Query& query) {
  Xapian::Enquire enquire(*index_db);
  enquire.set_weighting_scheme(Xapian::BM25Weight(1, 0, 1, 0.5, 0.5));
  enquire.set_query(query);
  return enquire.get_mset(0, 10);
}

void check_memory_bm25(const Xapian::Query& query) {
  static const auto lengths = news::MemoryBm25::load(*index_db);
  Xapian::MSet want;
  try {
    want = top_ten(query);
  } catch (const Xapian::Error&) {
    return;  // e.g. a wildcard expanding too far
  }
  const Xapian::MSet got = top_ten(lengths->weigh(query, {1, 0.5, 0.5}));
  bool same =
      got.size() == want.size() && got.get_matches_estimated() == want.get_matches_estimated();
  for (auto g = got.begin(), w = want.begin(); same && w != want.end(); ++g, ++w) {
    same = *g == *w && g.get_weight() == w.get_weight();
  }
  if (!same) abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  index_db = make_index();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  news::NewsQueryParser parser(*index_db, news::CivilDay{2025, 6, 15});
  try {
    const news::ParsedQuery parsed = parser.parse(text, size % 2 == 0);
    check_memory_bm25(parsed.query);
  } catch (const news::QueryError&) {
  }
  // "Did you mean" on any text, parsable or not.
  const news::ParsedQuery prepared = parser.prepare(text);
  parser.suggest(prepared);
  const std::vector<std::string>& patterns = prepared.wildcards;
  const std::set<std::string> tokens = {"usa", "uk"};
  news::mark_wildcard_words(news::mark_acronyms(text, tokens, '\x02', '\x03'), patterns, '\x02',
                            '\x03');
  return 0;
}
