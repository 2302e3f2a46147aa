#ifndef NEWS_COMMON_CLEAN_FEATURES_H_
#define NEWS_COMMON_CLEAN_FEATURES_H_

// The features the cleaner's four scorers read, one enum and one name table
// per model. The names are the keys of the fitted weights (weights.cc, made
// by common/clean/fit/fit_cleaner.py) and of `news-index clean --explain`;
// adding a feature means adding it here, computing it, and fitting again.
//
// Conventions: "words_a_b" are bins of the word count (the bin not listed is
// the baseline); "*_log" are log2(1 + n) / 8, clamped to 1; shares are in
// [0, 1]; everything else is 0 or 1.

#include <array>
#include <cstddef>
#include <string_view>

namespace news {
namespace clean {

enum class ModelId { kBody, kStart, kEnd, kTitle, kByline, kDate, kRun, kJoin, kMember };
constexpr std::size_t kModelCount = 9;

// "body", "start", "end", "title", "byline", "date", "run", "join", "member".
std::string_view model_name(ModelId model);

// Body: is this non-blank line a paragraph of the story?
enum BodyFeature : std::size_t {
  kBodyBias,
  kBodyProse,             // sentence-shaped (page.h is_prose)
  kBodyText,              // other short text
  kBodyBoilerplate,       // interface text (tables.cc)
  kBodyCaption,           // photo caption or credit
  kBodyWordsLog,          // log2(1 + words) / 8
  kBodyWords1To3,         // (baseline: 20 words or more)
  kBodyWords4To9,         //
  kBodyWords10To19,       //
  kBodyEndsSentence,      // . ! ? (closing quotes allowed after)
  kBodyEndsColon,         //
  kBodyEndsEllipsis,      // "..." or U+2026: a teaser cut short
  kBodyQuestion,          // ends with '?'
  kBodyStartsLower,       //
  kBodyStartsQuote,       //
  kBodyStartsBullet,      // "•", "- ", "* ", "·", "›"
  kBodyTitleCase,         // most words capitalised (3+ words)
  kBodyAllCaps,           //
  kBodyHeader,            // byline, desk or date line
  kBodyHasDate,           // a full date anywhere on the line
  kBodyDateline,          // "WASHINGTON (AP) —", "Washington (CNN) --"
  kBodyCreditLine,        // "Reporting by", "... contributed to this report"
  kBodyPromo,             // "Sign up", "newsletter", "Click here"...
  kBodyBio,               // "Jane Doe is a reporter ...", "... covers ..."
  kBodyLinkish,           // a URL, "www.", an @handle or an e-mail address
  kBodySeparators,        // " | ", " · ", " • " between items
  kBodyRepeated,          // the same text on another line of the page
  kBodyProseBefore,       // share of prose among the 4 non-blank lines before
  kBodyProseAfter,        // ... and the 4 after
  kBodyHeaderAbove,       // a byline/date line among the 3 non-blank lines before
  kBodyProseAfterHeader,  // prose, and a byline/date line among the 3 before
  kBodyProseInRun,        // prose, with prose among the lines before or after
  kBodySpanStart,         // the first paragraph of the main span
  kBodyShortQuestion,     // a question of 6 words or fewer without quotes (a related link)
  kBodyLabelPrefix,       // "Related: ...", "Source: ...": a word or two and a colon open it
  kBodyUnended,           // no final punctuation
  kBodyCaptionPhrase,     // a caption phrase of tables.cc (", left,", "pictured", "file photo")
  kBodyStamp,             // a short line with a date or a time ("2 days ago at 07:52 am")
  kBodyStampsNear,   // share of time-stamped lines among the 3 non-blank lines before and after
  kBodyAfterCloser,  // an end marker or credit line somewhere above (comments, related lists)
  kBodyFeatureCount
};

// Its names, in enum order (the keys of the weights).
inline constexpr std::array<std::string_view, kBodyFeatureCount> kBodyFeatureNames = {
    "bias",
    "prose",
    "text",
    "boilerplate",
    "caption",
    "words_log",
    "words_1_3",
    "words_4_9",
    "words_10_19",
    "ends_sentence",
    "ends_colon",
    "ends_ellipsis",
    "question",
    "starts_lower",
    "starts_quote",
    "starts_bullet",
    "title_case",
    "all_caps",
    "header",
    "has_date",
    "dateline",
    "credit_line",
    "promo",
    "bio",
    "linkish",
    "separators",
    "repeated",
    "prose_before",
    "prose_after",
    "header_above",
    "prose_after_header",
    "prose_in_run",
    "span_start",
    "short_question",
    "label_prefix",
    "unended",
    "caption_phrase",
    "stamp",
    "stamps_near",
    "after_closer",
};
static_assert(!kBodyFeatureNames.back().empty(), "a body feature has no name");

// Run: is this run of paragraph-like lines (runs.h) the story's main run,
// rather than a comment thread, a list of other stories or a footer?
enum RunFeature : std::size_t {
  kRunBias,
  kRunScoreLog,       // log of its weighed total
  kRunBest,           // the strongest run of the page
  kRunShare,          // its total / the strongest run's
  kRunLinesLog,       // non-blank lines in it
  kRunProse,          // share of prose among them
  kRunStamps,         // share of time-stamped lines (comments stamp each comment)
  kRunRepeated,       // share of lines printed elsewhere on the page too
  kRunClosersAbove,   // log of the end markers and credit lines above it
  kRunHeaderAbove,    // a byline or date line among the 8 non-blank lines above it
  kRunNoHeader,       // no byline or date line anywhere above it
  kRunHeaderDistLog,  // non-blank lines from the nearest byline or date line above
  kRunPosition,       // rank of its first line among the non-blank lines / their number
  kRunFeatureCount
};
inline constexpr std::array<std::string_view, kRunFeatureCount> kRunFeatureNames = {
    "bias",      "score_log",       "best",     "share",         "lines_log",
    "prose",     "stamps",          "repeated", "closers_above", "header_above",
    "no_header", "header_dist_log", "position",
};
static_assert(!kRunFeatureNames.back().empty(), "a run feature has no name");

// Join: does the run next to the story (above or below it) continue it,
// across the lines between (a gallery, a video box, related links, a
// table, code)?
enum JoinFeature : std::size_t {
  kJoinBias,
  kJoinBelow,      // the run is below the story (else above)
  kJoinScoreLog,   // log of its weighed total
  kJoinShare,      // its total / the story's so far (at most 1)
  kJoinLinesLog,   // its non-blank lines
  kJoinProse,      // share of prose among them
  kJoinStamps,     // share of time-stamped lines among them
  kJoinRepeated,   // share of lines printed elsewhere on the page too
  kJoinOverlap,    // share of its key words found in the main run's (one story's vocabulary)
  kJoinGapLog,     // non-blank lines between
  kJoinGapProse,   // log of the prose lines between
  kJoinGapCloser,  // an end marker between ("Related Articles", "Comments")
  kJoinGapCredit,  // a credit line between ("Reporting by")
  kJoinGapHeader,  // a date line (or a desk) between
  kJoinGapByline,  // a byline between
  kJoinFeatureCount
};
inline constexpr std::array<std::string_view, kJoinFeatureCount> kJoinFeatureNames = {
    "bias",      "below",      "score_log",  "share",      "lines_log",
    "prose",     "stamps",     "repeated",   "overlap",    "gap_log",
    "gap_prose", "gap_closer", "gap_credit", "gap_header", "gap_byline",
};
static_assert(!kJoinFeatureNames.back().empty(), "a join feature has no name");

// Start: is this line (near the start of the best run of body lines) the
// story's first paragraph? And End: its last? Both read the body model's
// line scores ("score", "gap_*": of the lines between the candidate and the
// run's own first or last line).
enum StartFeature : std::size_t {
  kStartBias,
  kStartScore,             // the body model's log-odds / 8 (clamped to [-1, 1])
  kStartRunFirst,          // the run's own first line
  kStartBefore,            // above it
  kStartDistLog,           // non-blank lines from it
  kStartGapJunk,           // lines between scoring below -3
  kStartGapProse,          // prose lines between
  kStartProse,             //
  kStartCaption,           //
  kStartDateline,          //
  kStartHeaderAbove,       // a byline/date line among the 3 non-blank lines before
  kStartHeaderBelow,       // ... among the 3 after (a deck above the byline)
  kStartAfterCaption,      // the non-blank line before is a caption or credit
  kStartProseAfter,        // share of prose among the 5 non-blank lines after
  kStartWordsLog,          //
  kStartPromo,             //
  kStartBio,               //
  kStartQuote,             // starts with a quotation mark
  kStartFirstAfterHeader,  // prose, and no prose since the last byline/date line above
  kStartFirstProse,        // prose, and no prose among the previous 8 non-blank lines
  kStartHasDate,           // a full date on the line (AP captions date their photos)
  kStartCaptionPhrase,     // a caption phrase of tables.cc
  kStartBelowTitle,        // the headline is among the 3 non-blank lines above (a deck)
  kStartTitleDistLog,      // non-blank lines from the headline
  kStartProseAfterMore,    // share of prose among the 10 non-blank lines after
  kStartUnended,           // no final punctuation
  kStartLabelPrefix,       // "Related: ...", "Image: ...": a word or two and a colon open it
  kStartFeatureCount
};
inline constexpr std::array<std::string_view, kStartFeatureCount> kStartFeatureNames = {
    "bias",
    "score",
    "run_first",
    "before",
    "dist_log",
    "gap_junk",
    "gap_prose",
    "prose",
    "caption",
    "dateline",
    "header_above",
    "header_below",
    "after_caption",
    "prose_after",
    "words_log",
    "promo",
    "bio",
    "quote",
    "first_after_header",
    "first_prose",
    "has_date",
    "caption_phrase",
    "below_title",
    "title_dist_log",
    "prose_after_more",
    "unended",
    "label_prefix",
};
static_assert(!kStartFeatureNames.back().empty(), "a start feature has no name");

enum EndFeature : std::size_t {
  kEndBias,
  kEndScore,          // the body model's log-odds / 8 (clamped to [-1, 1])
  kEndRunLast,        // the run's own last line
  kEndAfter,          // below it
  kEndDistLog,        //
  kEndGapJunk,        // lines between scoring below -3
  kEndGapProse,       // prose lines between
  kEndProse,          //
  kEndBio,            // an author's note
  kEndPromo,          //
  kEndCredit,         // "Reporting by", "contributed to this report"
  kEndLinkish,        //
  kEndColon,          // ends with ':' (introduces what follows)
  kEndQuestion,       //
  kEndCloserNext,     // an end marker follows among the next 3 non-blank lines
  kEndProseAfter,     // share of prose among the 5 non-blank lines after
  kEndProseBefore,    // ... and the 5 before
  kEndPublisher,      // names a publisher of the table
  kEndWordsLog,       //
  kEndLastProse,      // prose, and no prose among the next 8 non-blank lines
  kEndPageEndsNext,   // the next line that is not interface text closes the story, is a copyright
                      // line, or there is none
  kEndUnended,        // no final punctuation
  kEndLabelPrefix,    // "Related: ...", "Tech Enabled: ...": a word or two and a colon open it
  kEndCaptionPhrase,  // a caption phrase of tables.cc
  kEndFeatureCount
};
inline constexpr std::array<std::string_view, kEndFeatureCount> kEndFeatureNames = {
    "bias",        "score",        "run_last",
    "after",       "dist_log",     "gap_junk",
    "gap_prose",   "prose",        "bio",
    "promo",       "credit",       "linkish",
    "colon",       "question",     "closer_next",
    "prose_after", "prose_before", "publisher",
    "words_log",   "last_prose",   "page_ends_next",
    "unended",     "label_prefix", "caption_phrase",
};
static_assert(!kEndFeatureNames.back().empty(), "an end feature has no name");

// Member: is this line, between the story's first and last paragraph, a
// paragraph too (a short paragraph, a list item, a table row), rather than
// a sub-heading, a link to another story, a caption or interface text?
enum MemberFeature : std::size_t {
  kMemberBias,
  kMemberScore,          // the body model's log-odds / 8 (clamped to [-1, 1])
  kMemberRule,           // prose scoring above -1, or a long line that is no heading or link
  kMemberProse,          //
  kMemberBoilerplate,    //
  kMemberCaption,        //
  kMemberWords1To3,      // (baseline: 20 words or more)
  kMemberWords4To9,      //
  kMemberWords10To19,    //
  kMemberEndsSentence,   // . ! ?
  kMemberEndsColon,      //
  kMemberUnended,        // no final punctuation
  kMemberTitleCase,      //
  kMemberAllCaps,        //
  kMemberLabelPrefix,    // "Related: ...", "Read more: ..."
  kMemberPromo,          //
  kMemberLinkish,        //
  kMemberListMark,       // opens with a bullet or a number ("1. ", "2) ")
  kMemberAttached,       // no blank line above or below it (a list or table block)
  kMemberListRun,        // attached to a neighbour of the same kind (text next to text)
  kMemberRepeated,       //
  kMemberStamp,          // a short line with a date or a time
  kMemberCaptionPhrase,  //
  kMemberShortQuestion,  // a question of 6 words or fewer without quotes
  kMemberNextProse,      // the next non-blank line is prose (a sub-heading introduces it)
  kMemberAfterColon,     // the non-blank line above ends with ':' (a list it introduces)
  kMemberFeatureCount
};
inline constexpr std::array<std::string_view, kMemberFeatureCount> kMemberFeatureNames = {
    "bias",        "score",     "rule",           "prose",          "boilerplate",
    "caption",     "words_1_3", "words_4_9",      "words_10_19",    "ends_sentence",
    "ends_colon",  "unended",   "title_case",     "all_caps",       "label_prefix",
    "promo",       "linkish",   "list_mark",      "attached",       "list_run",
    "repeated",    "stamp",     "caption_phrase", "short_question", "next_prose",
    "after_colon",
};
static_assert(!kMemberFeatureNames.back().empty(), "a member feature has no name");

// Title: is this line (above the first paragraph) the headline?
enum TitleFeature : std::size_t {
  kTitleBias,
  kTitleDistLog,         // non-blank lines down to the first paragraph
  kTitleDist1,           // the line right above it
  kTitleDist2To3,        //
  kTitleDist4To8,        // (baseline: farther)
  kTitleHeaderBelow,     // a byline/date line among the next 3 non-blank lines
  kTitleHeaderAbove,     // ... among the previous 3
  kTitleWords1,          //
  kTitleWords2To3,       //
  kTitleWords4To7,       // (baseline: 8 to 15)
  kTitleWords16Plus,     //
  kTitleLong,            // more than 150 bytes
  kTitleEndsPeriod,      //
  kTitleEndsMark,        // '?' or '!'
  kTitleEndsColon,       //
  kTitleTitleCase,       //
  kTitleAllCaps,         //
  kTitleStartsLower,     //
  kTitleProse,           //
  kTitleBoilerplate,     //
  kTitleCaption,         //
  kTitleName,            // a person's name
  kTitleJobTitle,        // "Staff Writer", "Editor", "Correspondent"
  kTitleSeparator,       // " | ", " - ", " — ", " · " inside the line
  kTitlePublisher,       // names a publisher of the table
  kTitleRepeated,        // the same text elsewhere on the page
  kTitleOverlapFirst,    // share of its words in the first paragraph
  kTitleOverlapBody,     // share of its words in the first five paragraphs
  kTitlePosition,        // rank among non-blank lines / their number
  kTitleBylineBelow,     // a byline among the next 3 non-blank lines
  kTitleBylineAbove,     // a byline among the previous 3
  kTitleBeforeSentence,  // the next non-blank line is a sentence-shaped line of at most 60 words (a
                         // deck)
  kTitleAfterHeadline,   // the previous non-blank line is a line of 4-20 words without a final
                         // period
  kTitleFeatureCount
};

// Its names, in enum order (the keys of the weights).
inline constexpr std::array<std::string_view, kTitleFeatureCount> kTitleFeatureNames = {
    "bias",           "dist_log",     "dist_1",        "dist_2_3",
    "dist_4_8",       "header_below", "header_above",  "words_1",
    "words_2_3",      "words_4_7",    "words_16plus",  "long",
    "ends_period",    "ends_mark",    "ends_colon",    "title_case",
    "all_caps",       "starts_lower", "prose",         "boilerplate",
    "caption",        "name",         "job_title",     "separator",
    "publisher",      "repeated",     "overlap_first", "overlap_body",
    "position",       "byline_below", "byline_above",  "before_sentence",
    "after_headline",
};
static_assert(!kTitleFeatureNames.back().empty(), "a title feature has no name");

// Byline: do the names on this line (or block of lines) sign the story?
enum BylineFeature : std::size_t {
  kBylineBias,
  kBylineLeadBy,        // starts with "By" (also "Von", "Par", "Por")
  kBylineLeadInner,     // "Posted by", "Written by", "Words by"
  kBylineNameOnly,      // nothing but names (and separators)
  kBylineNames2Plus,    // two or more names
  kBylineHasDate,       //
  kBylineAfterTitle,    // below the headline
  kBylineTitleDistLog,  // non-blank lines from the headline
  kBylineBodyDistLog,   // non-blank lines to the first paragraph
  kBylineInBody,        // between the first and last paragraph
  kBylineAfterBody,     //
  kBylineJobTitle,      // a job title on the line or the next one
  kBylineOrg,           // an organisation named with the people
  kBylineLong,          // more than 80 bytes
  kBylineRepeated,      // the same names on another candidate line
  kBylineAfterHeader,   // a date or byline line right above it
  kBylineGivenName,     // share of the names that start with a given name of tables.cc
  kBylineDateNear,      // a time stamp on it, or a line with a date or time stamp among the 3
                        // non-blank lines before or after it
  kBylineInNote,        // an author's note on the page opens with one of its names ("Jane Doe is
                        // a staff writer ...")
  kBylineFeatureCount
};

// Its names, in enum order (the keys of the weights).
inline constexpr std::array<std::string_view, kBylineFeatureCount> kBylineFeatureNames = {
    "bias",        "lead_by",        "lead_inner",    "name_only",    "names_2plus", "has_date",
    "after_title", "title_dist_log", "body_dist_log", "in_body",      "after_body",  "job_title",
    "org",         "long",           "repeated",      "after_header", "given_name",  "date_near",
    "in_note",
};
static_assert(!kBylineFeatureNames.back().empty(), "a byline feature has no name");

// Date: is this date the story's publication date?
enum DateFeature : std::size_t {
  kDateBias,
  kDateLabelPublished,  // "Published", "Posted"...
  kDateLabelUpdated,    // "Updated", "Modified"...
  kDateHasTime,         //
  kDateOtherWordsLog,   // words on the line that are not date words
  kDateHeaderLine,      // at most 3 such words
  kDateBeforeTitle,     //
  kDateInHeader,        // between the headline and the first paragraph
  kDateTitleDistLog,    //
  kDateBodyDistLog,     //
  kDateInBody,          //
  kDateAfterBody,       //
  kDateFirstInHeader,   // the first date below the headline
  kDateEarliestOnLine,  // the earlier of two or more dates on its line
  kDateLaterOnLine,     // a later one
  kDateByline,          // a byline on the same line
  kDateCopyright,       // a copyright line
  kDateNumeric,         // written in digits only
  kDateLatest,          // no other date on the page is later
  kDateFeatureCount
};

// Its names, in enum order (the keys of the weights).
inline constexpr std::array<std::string_view, kDateFeatureCount> kDateFeatureNames = {
    "bias",        "label_published", "label_updated",   "has_time",         "other_words_log",
    "header_line", "before_title",    "in_header",       "title_dist_log",   "body_dist_log",
    "in_body",     "after_body",      "first_in_header", "earliest_on_line", "later_on_line",
    "byline",      "copyright",       "numeric",         "latest",
};
static_assert(!kDateFeatureNames.back().empty(), "a date feature has no name");

// The names of `model`'s features (a view of one of the tables above).
struct FeatureNames {
  const std::string_view* names;
  std::size_t count;
};
FeatureNames feature_names(ModelId model);

// A feature vector of model M with N features.
template <std::size_t N>
using Features = std::array<float, N>;

// log2(1 + n) / 8, at most 1.
float log_feature(double n);

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_FEATURES_H_
