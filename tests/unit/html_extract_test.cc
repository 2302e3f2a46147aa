// The body found in an HTML page (html/extract.h): each rule with the DOM
// shape it was written for, and the shape it must leave alone.

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "html/html_page.h"

namespace news {

BOOST_AUTO_TEST_SUITE(html_extract_test)

using Strings = std::vector<std::string>;

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

// Three paragraphs of a story, each a sentence of 15+ words.
const char kStory[] =
    "<p>The committee met on Tuesday to discuss the new budget, which includes funding for "
    "roads, schools and the harbour.</p><p>Members agreed to meet again next month, after the "
    "public consultation closes and the figures are published.</p><p>The chair said the plan "
    "was the most ambitious the town had seen in a generation of careful spending.</p>";
const char kStoryFirst[] =
    "The committee met on Tuesday to discuss the new budget, which includes funding for roads, "
    "schools and the harbour.";
const char kStoryLast[] =
    "The chair said the plan was the most ambitious the town had seen in a generation of careful "
    "spending.";

std::string page(const std::string& article) {
  return "<html><head><title>Budget vote</title></head><body><nav><a href=/>Home</a></nav>" +
         article + "<footer>Example Courier</footer></body></html>";
}

struct Case {
  const char* what;
  std::string html;
  std::string first, last;
};

void check(const Case& c) {
  BOOST_TEST_CONTEXT("input: " << c.what) {
    const Strings p = paragraphs(clean_html(c.html).body);
    BOOST_REQUIRE(!p.empty());
    BOOST_TEST(p.front() == c.first);
    BOOST_TEST(p.back() == c.last);
  }
}

BOOST_AUTO_TEST_CASE(a_byline_or_date_line_ends_the_header) {
  // What sits above a byline or date line printed just below it is a deck
  // or a fact-check's claim, even when it reads as sentences (politifact,
  // pv-magazine, ESPN pages in pages-auto).
  const std::string claim = page(
      "<article><header class=article__header><div class=statement><div class=statement__text>"
      "\"Fifty million dollars a week is coming across the border.\"</div><p>&mdash; A "
      "congressman on Sunday, October 13th, 2019 in an interview</p></div><h1>What is the value "
      "of what comes across the border?</h1><p class=meta>By Jane Doe on Monday, November 18th, "
      "2019 at 11:08 a.m.</p></header><div class=article__text>" +
      std::string(kStory) + "</div></article>");
  const std::string deck = page(
      "<div class=entry><h1>A roadmap to cheaper panels</h1><div class=entry-meta><div "
      "class=lead><p>The government has unveiled a plan to halve the cost of panels by 2030. It "
      "also aims for higher efficiency.</p></div>November 20, 2019 <a href=/author/jane>Jane "
      "Doe</a></div>" +
      std::string(kStory) + "</div>");
  const std::string dek_heading = page(
      "<div class=article><div class=title><h1>Budget vote</h1><h3>Is the council really "
      "closing the harbour because of the budget?</h3></div><div class=sub><div>By Jane "
      "Doe</div><div>Example Courier</div></div><div>" +
      std::string(kStory) + "</div></div>");
  for (const Case& c : {Case{"claim, attribution, byline", claim, kStoryFirst, kStoryLast},
                        Case{"deck, then date and author", deck, kStoryFirst, kStoryLast},
                        Case{"deck heading, then byline", dek_heading, kStoryFirst, kStoryLast}}) {
    check(c);
  }
}

BOOST_AUTO_TEST_CASE(a_lede_above_a_date_line_stays) {
  // A lede of more than 60 words is not a deck, and a date line further
  // down the story (a timeline entry) is not the end of a header.
  const std::string long_lede =
      "<p>The harbour council voted on Thursday night to rebuild the old sea wall, ending a "
      "dispute that has divided the town for more than a decade, after engineers warned that "
      "the wall would not survive another winter of storms, and after residents of the lower "
      "town, whose houses flooded twice last year, filled the hall to ask for work to start "
      "before the autumn tides and the first of the winter gales.</p>";
  const std::string lede_then_date =
      page("<article><h1>Budget vote</h1>" + long_lede + "<p>March 3, 2025</p>" +
           std::string(kStory) + "</article>");
  const std::string later_date = page("<article><h1>Budget vote</h1>" + std::string(kStory) +
                                      "<p>March 3, 2025</p>" + std::string(kStory) + "</article>");
  check({"long lede, then a date line", lede_then_date, long_lede.substr(3, long_lede.size() - 7),
         kStoryLast});
  check({"date line three lines down", later_date, kStoryFirst, kStoryLast});
}

BOOST_AUTO_TEST_CASE(the_retry_keeps_unlikely_parts_of_the_article_out) {
  // When the whole page sits in an "unlikely" wrapper (usatoday's
  // div#overlay), or the story is short, the retry lets unlikely classes
  // in: the misfires (the wrapper above the article, a generated class on
  // each paragraph, mentalfloss's "tagStyle_..."), not a share flyout or
  // the comments inside the article's container (givewell's comments).
  const std::string overlay = page(
      "<div id=overlay><article class=story><div class=share-flyout><h4>Posted!</h4><p>A link "
      "has been posted to your Facebook feed.</p></div><h1>Budget vote</h1>" +
      std::string(kStory) +
      "<div class=comments-area><h3>Comments</h3><div class=comment-author>Jane Roe on March "
      "4, 2025 at 4:47 pm said:</div><p>Any update on how the new budget will affect the "
      "harbour works, and when the figures for the roads will be published?</p><p>We have not "
      "seen the figures yet, but the council has said it will publish them in the spring, "
      "along with the plan.</p></div></article></div>");
  std::string styled = kStory;
  for (size_t at = 0; (at = styled.find("<p>", at)) != std::string::npos; ++at) {
    styled.replace(at, 3, "<p class=\"tagStyle_18h2erd-o_O-style_a7x3hw\">");
  }
  styled = page("<article><h1>Budget vote</h1>" + styled + "</article>");
  check({"overlay wrapper, share flyout, comments", overlay, kStoryFirst, kStoryLast});
  check({"a generated class on each paragraph", styled, kStoryFirst, kStoryLast});
}

BOOST_AUTO_TEST_CASE(pointer_lines_after_the_story_are_not_its_end) {
  // A short last line ending in a link on "here" sends the reader
  // elsewhere (cnet's series promos, givewell's link to the last thread);
  // a last sentence whose final link is a name is the story's.
  const std::string promos = page(
      "<article><h1>Budget vote</h1>" + std::string(kStory) +
      "<p>Tech Enabled: our series on accessibility. Check it out <a href=/series>here</a>.</p>"
      "<p>Short fiction with unique perspectives on tech. <a href=/fiction>Here</a>.</p>"
      "</article>");
  const std::string named = page(
      "<article><h1>Budget vote</h1>" + std::string(kStory) +
      "<p>The figures were published on Monday by the <a href=/council>harbour council</a>.</p>"
      "</article>");
  const std::string there =
      page("<article><h1>Budget vote</h1>" + std::string(kStory) +
           "<p>The council said work would start as soon as the engineers got <a "
           "href=/there>there</a>.</p></article>");
  check({"two pointer lines", promos, kStoryFirst, kStoryLast});
  check({"a last sentence ending in a named link", named, kStoryFirst,
         "The figures were published on Monday by the harbour council."});
  check({"a link on \"there\"", there, kStoryFirst,
         "The council said work would start as soon as the engineers got there."});
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace news
