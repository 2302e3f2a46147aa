// HTML pages: metadata precedence, the printed fallback, the body found by
// density, rejections and pathological input (deep nesting, binary data).

#include "html/html_page.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clean/page_id.h"
#include "html/dom.h"
#include "html/metadata.h"
#include "html/render.h"

namespace news {

BOOST_AUTO_TEST_SUITE(html_page_test)

using Strings = std::vector<std::string>;

std::string sample(const std::string& name) {
  std::ifstream in(std::string(NEWS_SOURCE_DIR) + "/corpus/html/" + name, std::ios::binary);
  BOOST_REQUIRE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Strings paragraphs(const std::string& body) {
  Strings out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find("\n\n", start);
    if (end == std::string::npos) end = body.size();
    out.push_back(body.substr(start, end - start));
    start = end + 2;
  }
  return out;
}

const char kProse[] =
    "<p>The committee met on Tuesday to discuss the new budget, which includes funding for "
    "roads, schools and the harbour.</p><p>Members agreed to meet again next month, after the "
    "public consultation closes and the figures are published.</p><p>The chair said the plan "
    "was the most ambitious the town had seen in a generation of careful spending.</p>";

BOOST_AUTO_TEST_CASE(json_ld_comes_first) {
  const Article a = clean_html(sample("sample-jsonld.html"));
  BOOST_TEST(a.title == "Harbour council votes to rebuild the old sea wall");
  // Person objects, an @id reference into @graph; the Organization is left out.
  BOOST_TEST(a.authors == (Strings{"Amélie Durand", "Tomás Ó Briain"}),
             boost::test_tools::per_element());
  BOOST_TEST(a.published == "2025-03-14T08:30:00Z");  // +01:00 in JSON-LD, not the meta tag's
  BOOST_TEST(a.section == "Local");                   // JSON-LD over article:section
  BOOST_TEST(a.source == "Example Media Group");      // publisher through its @id
  BOOST_TEST(a.tags == (Strings{"Coastal defence", "Flooding"}), boost::test_tools::per_element());
  BOOST_TEST(a.places == (Strings{"Wales"}), boost::test_tools::per_element());
  BOOST_TEST(a.extra.at("language") == "\"en-GB\"");
  BOOST_TEST(a.url ==
             "https://news.example.com/local/2025/03/14/harbour-sea-wall-vote?utm_source=feed");
  BOOST_TEST(a.id == page_id(a));
  BOOST_TEST(
      a.caption ==
      "Waves breaking over the old sea wall at high tide on Tuesday. (Photo: Example Agency)");
  const Strings p = paragraphs(a.body);
  BOOST_REQUIRE(p.size() == 5u);
  BOOST_TEST(p.front().rfind("The harbour council voted on Thursday night", 0) == 0);
  BOOST_TEST(p.back().rfind("Opponents of the plan", 0) == 0);
  for (const char* out : {"Related", "Storm damage", "Sign up", "Share on", "All rights"}) {
    BOOST_TEST_CONTEXT("left out: " << out) { BOOST_TEST(a.body.find(out) == std::string::npos); }
  }
}

BOOST_AUTO_TEST_CASE(meta_tags_when_json_ld_is_invalid) {
  const std::string html = sample("sample-opengraph.html");
  const Article a = clean_html(html);
  BOOST_TEST(a.title == "Night trains return to the northern line");
  BOOST_TEST(a.authors == (Strings{"Zoë Hartmann"}), boost::test_tools::per_element());
  BOOST_TEST(a.published == "2024-11-03T02:15:00Z");  // parsely-pub-date, -05:00
  BOOST_TEST(a.section == "Travel");
  BOOST_TEST(a.tags == (Strings{"Railways", "Night trains"}), boost::test_tools::per_element());
  BOOST_TEST(a.places == (Strings{"Scotland"}), boost::test_tools::per_element());
  BOOST_TEST(a.url == "https://daily.example.org/travel/night-trains-return");
  BOOST_TEST(paragraphs(a.body).size() == 4u);
  BOOST_TEST(a.body.find("Most read") == std::string::npos);
  BOOST_TEST(a.body.find("By Zoë") == std::string::npos);
  // The invalid JSON-LD is reported with its line.
  const html::Tree tree = html::parse_html(html);
  const html::PageMetadata meta = html::read_metadata(tree.root());
  BOOST_TEST(meta.ld.type == "");
  BOOST_REQUIRE(meta.warnings.size() == 1u);
  BOOST_TEST(meta.warnings[0] == "line 18: invalid JSON-LD ignored");
}

BOOST_AUTO_TEST_CASE(the_printed_page_when_there_is_no_metadata) {
  const Article a = clean_html(sample("sample-printed.html"));
  BOOST_TEST(a.title == "Library extends its opening hours for the exam season");
  BOOST_TEST(a.authors == (Strings{"Chloé Martin"}), boost::test_tools::per_element());
  BOOST_TEST(a.published == "2025-04-03");
  BOOST_TEST(a.url == "");
  BOOST_TEST(a.id == page_id(a));
  BOOST_TEST(paragraphs(a.body).size() == 3u);
  BOOST_TEST(a.section != "The Example Courier");  // the masthead is not a section
}

BOOST_AUTO_TEST_CASE(windows_1252_without_a_declaration) {
  const Article a = clean_html(sample("sample-cp1252.html"));
  BOOST_TEST(a.title == "Café owners prepare for the summer season");
  BOOST_TEST(a.authors == (Strings{"Jürgen Weiß"}), boost::test_tools::per_element());
  BOOST_TEST(a.body.find("“better than any year since 2019”") != std::string::npos);
  BOOST_TEST(a.body.find("staff – and") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(metadata_that_contradicts_the_page) {
  // The author field names the publisher, and og:title is not what the
  // page prints; the page's byline and headline win.
  const std::string html =
      "<html><head><meta name=author content=\"Example Media Group\">"
      "<meta property=og:title content=\"SEO title nobody sees | Example\">"
      "<meta property=og:site_name content=\"Example\"></head><body><article>"
      "<h1>Printed headline of the story</h1><div class=byline>By Jane Doe</div>" +
      std::string(kProse) +
      "</article><footer>© 2025 Example Media Group. All rights reserved.</footer></body></html>";
  const Article a = clean_html(html);
  BOOST_TEST(a.authors == (Strings{"Jane Doe"}), boost::test_tools::per_element());
  BOOST_TEST(a.title == "Printed headline of the story");
  // A desk or the site itself declared as author is never an author.
  const std::string desk =
      "<html><head><meta name=author content=\"Staff Reporters\"></head><body><h1>A headline "
      "here</h1>" +
      std::string(kProse) + "</body></html>";
  BOOST_TEST(clean_html(desk).authors.empty());
}

BOOST_AUTO_TEST_CASE(a_page_fetched_twice_replaces_itself) {
  const std::string page = sample("sample-jsonld.html");
  std::string other = page;
  other.replace(other.find("<li><a href=\"/sport\">Sport</a></li>"), 0,
                "<li><a href=\"/weather\">Weather</a></li>");
  other.replace(other.find("?utm_source=feed"), 16, "");
  BOOST_TEST(clean_html(page).id == clean_html(other).id);
  // Without a canonical link, og:url; without both, the fetched URL.
  std::string fetched = sample("sample-printed.html");
  const Article a =
      clean_html(fetched, HtmlSource{"http://courier.example/lib", "", "2025-04-04T00:00:00Z"});
  BOOST_TEST(a.url == "http://courier.example/lib");
  BOOST_TEST(a.extra.at("fetched") == "\"2025-04-04T00:00:00Z\"");
  BOOST_TEST(a.id == page_id(a));
}

BOOST_AUTO_TEST_CASE(non_articles_are_rejected_with_a_reason) {
  struct Case {
    std::string what, bytes, reason;
  } cases[] = {
      {"home page", sample("sample-home.html"), "not an article: no article text found"},
      {"binary garbage", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\x01\x02\x03\x04", 20),
       "not an article: not HTML (binary data)"},
      {"empty", "", "not an article: not HTML"},
      {"no body", "<html><head><title>x</title></head></html>", "not an article: empty page"},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT("input: " << c.what) {
      try {
        clean_html(c.bytes);
        BOOST_ERROR("not rejected");
      } catch (const ArticleError& e) {
        BOOST_TEST(std::string(e.what()).rfind(c.reason, 0) == 0, e.what());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(deep_nesting_does_not_overflow_the_stack) {
  // 100,000 nested <div>s around the story: libxml2 builds and frees the
  // tree without recursion (and XML_PARSE_HUGE keeps the content past depth
  // 256); our walks use parent/next pointers.
  std::string html = "<html><body><h1>A headline for the deep page</h1>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += kProse;
  for (int i = 0; i < 100000; ++i) html += "</div>";
  html += "<p>Tail paragraph after the deep part, which ends like a sentence.</p></body></html>";
  const Article a = clean_html(html);
  BOOST_TEST(a.title == "A headline for the deep page");
  BOOST_TEST(a.body.find("The committee met on Tuesday") == 0u);
  // A JSON-LD nested 100,000 arrays deep is parsed and walked within bounds.
  std::string ld = "<html><head><script type=application/ld+json>";
  ld += std::string(100000, '[') + std::string(100000, ']');
  ld += "</script></head><body><h1>Headline of the nested page</h1>" + std::string(kProse) +
        "</body></html>";
  BOOST_TEST(clean_html(ld).title == "Headline of the nested page");
}

BOOST_AUTO_TEST_CASE(rendering_follows_inner_text) {
  const std::string html =
      "<html><body><div>one <b>two</b><br>three</div><p hidden>hidden</p>"
      "<p style=\"display: none\">gone</p><script>var x;</script>"
      "<table><tr><td>a</td><td>b</td></tr></table><p>&eacute;t&eacute; &amp; &#8220;x&#8221;</p>"
      "<div><nav><a href=/>Home</a> &gt; <a href=/world>World</a></nav>After the trail</div>"
      "</body></html>";
  const html::Tree tree = html::parse_html(html);
  const html::RenderedPage page = html::render_page(tree.root());
  BOOST_TEST(html::page_text(page) ==
             "one two\nthree\na b\nété & “x”\nHome > World\nAfter the trail\n");
  // A <nav> is a block of its own, flagged as navigation.
  BOOST_REQUIRE(page.blocks.size() == 6u);
  BOOST_TEST((page.blocks[4].flags & html::kInNav) != 0u);
  BOOST_TEST((page.blocks[5].flags & html::kInNav) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
