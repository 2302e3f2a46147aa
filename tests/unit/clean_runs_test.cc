// The story's extent and members (clean/runs.h, clean/body.h): time stamps,
// runs cut at end markers, joins under given weights, and the fitted
// cleaner on the page shapes the run, join and member models were added
// for (a comment thread longer than the story, a story split by a box of
// related links, a list inside a story).

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "clean/analysis.h"
#include "clean/cleaner.h"
#include "clean/model.h"
#include "clean/runs.h"

namespace news {
namespace {

using clean::PageAnalysis;
using clean::Run;

// +3 for sentence-shaped lines, -3 for the others: runs are the prose.
std::vector<double> prose_scores(const PageAnalysis& page) {
  std::vector<double> scores;
  for (std::uint32_t i : page.nonblank) {
    scores.push_back(page.lines[i].kind == clean::LineKind::kProse ? 3.0 : -3.0);
  }
  return scores;
}

// The 1-based line numbers of a run's first and last line.
std::pair<std::size_t, std::size_t> lines_of(const PageAnalysis& page, const Run& r) {
  return {page.lines[page.nonblank[r.first]].number, page.lines[page.nonblank[r.last]].number};
}

const char kParagraph[] =
    "The council approved the new budget on Tuesday after a debate that lasted most of the day.";

std::string paragraphs(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += std::string(kParagraph) + "\n";
  return out;
}

BOOST_AUTO_TEST_SUITE(clean_runs)

// Comment threads stamp each comment (macrumors "2 days ago at 07:52 am",
// givewell "on September 12, 2018 at 4:47 pm said:").
BOOST_AUTO_TEST_CASE(time_stamps) {
  for (const char* line : {"2 days ago at 07:52 am", "posted 3h ago", "15:04",
                           "at 4:47 pm said:", "an hour ago", "updated 5 minutes ago"}) {
    BOOST_TEST_CONTEXT("input: " << line) { BOOST_TEST(clean::has_time_stamp(line)); }
  }
  for (const char* line : {"rating: 36 votes", "the score was 1:2:3", "chicago", "years ago",
                           "a ratio of 12:345", "see john 3:16:1"}) {
    BOOST_TEST_CONTEXT("input: " << line) { BOOST_TEST(!clean::has_time_stamp(line)); }
  }
}

BOOST_AUTO_TEST_CASE(runs_are_cut_by_junk_and_end_markers) {
  std::string junk;
  for (int i = 0; i < 12; ++i) junk += "Share this story with your friends\n";
  const std::string text = "Menu\nSearch\n" + paragraphs(3) + junk + paragraphs(2) +
                           "Related Articles\n" + paragraphs(1);
  PageAnalysis page;
  clean::analyse_page(text, &page);
  const std::vector<Run> runs = clean::find_runs(page, prose_scores(page));
  BOOST_TEST_REQUIRE(runs.size() == 3u);
  BOOST_TEST((lines_of(page, runs[0]) == std::make_pair<std::size_t, std::size_t>(3, 5)));
  BOOST_TEST((lines_of(page, runs[1]) == std::make_pair<std::size_t, std::size_t>(18, 19)));
  // "Related Articles" closes the run above it; the paragraph below is a run of its own.
  BOOST_TEST((lines_of(page, runs[2]) == std::make_pair<std::size_t, std::size_t>(21, 21)));
  BOOST_TEST(runs[0].sum > runs[1].sum);
}

// The join model decides, one neighbour after the other, within reach.
BOOST_AUTO_TEST_CASE(joins_follow_the_join_model) {
  const std::string text =
      paragraphs(2) + "Related Articles\n" + paragraphs(4) + "Most Popular\n" + paragraphs(1);
  PageAnalysis page;
  clean::analyse_page(text, &page);
  const std::vector<Run> runs = clean::find_runs(page, prose_scores(page));
  BOOST_TEST_REQUIRE(runs.size() == 3u);
  clean::Weights weights;
  weights.set("run", "score_log", 1.0);  // the strongest run is the main one
  const Run alone = clean::choose_story_run(page, runs, weights, nullptr);
  BOOST_TEST((lines_of(page, alone) == std::make_pair<std::size_t, std::size_t>(4, 7)));
  weights.set("join", "bias", 1.0);
  const Run joined = clean::choose_story_run(page, runs, weights, nullptr);
  BOOST_TEST((lines_of(page, joined) == std::make_pair<std::size_t, std::size_t>(1, 9)));
  weights.set("join", "below", -2.0);  // above only
  const Run above = clean::choose_story_run(page, runs, weights, nullptr);
  BOOST_TEST((lines_of(page, above) == std::make_pair<std::size_t, std::size_t>(1, 7)));
}

BOOST_AUTO_TEST_CASE(no_runs_no_story_run) {
  PageAnalysis page;
  clean::analyse_page("Menu\nSearch\nShare\n", &page);
  const std::vector<Run> runs = clean::find_runs(page, prose_scores(page));
  BOOST_TEST(runs.empty());
  BOOST_TEST(clean::choose_story_run(page, runs, clean::Weights(), nullptr).first ==
             clean::kNoLine);
}

// The fitted cleaner: the story, not the longer comment thread under it
// (macrumors, givewell: each comment under a name and a time stamp).
BOOST_AUTO_TEST_CASE(the_story_not_its_comments) {
  std::string page =
      "Home\nNews\nCity budget passes after long debate\nBy Jane Doe\nMarch 3, 2021\n\n"
      "The city council passed next year's budget on Tuesday after a debate that ran late into "
      "the evening and split the council along familiar lines.\n\n"
      "The plan raises spending on schools and parks and holds property taxes flat for a third "
      "year, the mayor said after the vote.\n\n"
      "Opponents said the budget leans too heavily on one-time money and will leave a gap next "
      "year that the council has not planned for.\n\n"
      "Comments\n";
  const char* names[] = {"rob_k", "Maria", "townwatcher", "Pete", "J. Smith", "anon"};
  const char* things[] = {"roads", "schools", "parks", "buses", "libraries", "taxes"};
  for (int i = 0; i < 12; ++i) {
    page += std::string(names[i % 6]) + "\n" + std::to_string(i + 2) + " hours ago\n";
    page += "I have lived here for " + std::to_string(i + 3) +
            " years and I still do not understand why the council keeps putting off the " +
            things[i % 6] + " that everyone agrees need so much work.\nReply\n";
  }
  const Article a = clean_page(page);
  BOOST_TEST(a.title == "City budget passes after long debate");
  BOOST_TEST(a.body.find("I have lived here") == std::string::npos);
  BOOST_TEST(a.body.find("The city council passed") == 0u);
}

// A list inside a story: its items are paragraphs (pages-auto labels count
// them); a sub-heading set apart by blank lines is not.
BOOST_AUTO_TEST_CASE(list_items_inside_a_story_are_paragraphs) {
  const std::string page =
      "Home\nHow to plan a garden this spring\nBy Jane Doe\nMarch 3, 2021\n\n"
      "Planning a garden starts long before the first seeds go into the ground, and a few "
      "simple steps in early spring save a lot of work later in the year.\n\n"
      "Before you start, gather what you will need:\n"
      "A soil test kit from a garden centre\n"
      "Compost or well-rotted manure\n"
      "Seeds chosen for your climate zone\n\n"
      "Getting started\n\n"
      "Test the soil first, because the results decide how much compost the beds need and "
      "which plants will do well in them this year.\n\n"
      "Then sow the hardiest seeds as soon as the ground can be worked, and wait for the last "
      "frost before planting anything tender outside.\n\n"
      "Share\nTweet\n";
  const Article a = clean_page(page);
  BOOST_TEST(a.body.find("Compost or well-rotted manure") != std::string::npos);
  BOOST_TEST(a.body.find("Getting started") == std::string::npos);
  BOOST_TEST(a.body.find("Planning a garden") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace news
