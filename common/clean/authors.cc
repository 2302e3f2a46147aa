#include "clean/authors.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "clean/shape.h"
#include "clean/tables.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kAboveTitle = 12;
constexpr std::size_t kAboveBodyWithoutTitle = 20;
constexpr std::size_t kIntoBody = 4;
constexpr std::size_t kAfterBody = 8;
constexpr std::size_t kMaxBylineLine = 200;
constexpr std::size_t kMaxTailLine = 100;
constexpr std::size_t kMaxInnerLead = 80;
constexpr std::size_t kMaxBlockLines = 10;
constexpr std::size_t kLongByline = 80;
constexpr double kMinLeadScore = -1.5;
constexpr std::size_t kDateReach = 3;

enum class Lead { kNone, kBy, kInner };

struct Candidate {
  std::size_t first = kNoLine, last = kNoLine;
  Lead lead = Lead::kNone;
  bool name_only = false;
  BylineParts parts;
};

// "Posted by Jane Doe", "December 10, 2021 by Jane Doe": the text after an
// inner " by " that does not credit a photo.
std::optional<std::string_view> inner_lead(const Line& line) {
  const std::size_t at = line.lower.find(" by ");
  if (at == std::string_view::npos || at > kMaxInnerLead) return std::nullopt;
  const std::string_view before = line.lower.substr(0, at);
  for (std::string_view credit : {"photo", "image", "illustrat", "video", "credit", "graphic"}) {
    if (before.find(credit) != std::string_view::npos) return std::nullopt;
  }
  return line.text.substr(at + 4);
}

// Adds the byline lines below `from` that continue it: separators ("and",
// ","), a name after a separator or a bare "By" or printed twice, and a
// publisher or desk ("By\nJane Doe\nJane Doe\n,\nJohn Roe\nand\nAP",
// "By Joe Davidson\nWashington Post").
void extend_block(const PageAnalysis& page, std::size_t from, bool open, Candidate* c) {
  std::string_view previous = page.lines[from].text;
  for (std::size_t k = page.rank[from] + 1;
       k < page.nonblank.size() && k <= page.rank[from] + kMaxBlockLines; ++k) {
    const Line& line = page.lines[page.nonblank[k]];
    if (is_byline_separator(line.lower)) {
      open = true;
    } else if ((open || line.text == previous || is_org_name(line.text) || is_desk(line.text)) &&
               is_byline_continuation(line)) {
      add_byline_text(line.text, &c->parts);
      open = false;
    } else {
      break;
    }
    previous = line.text;
    c->last = page.nonblank[k];
  }
}

// The candidate starting at line i, if the line names people.
std::optional<Candidate> candidate_at(const PageAnalysis& page, std::size_t i) {
  const Line& line = page.lines[i];
  if (line.text.size() > kMaxBylineLine || line.kind == LineKind::kCaption ||
      line.kind == LineKind::kCredit) {
    return std::nullopt;
  }
  Candidate c;
  c.first = c.last = i;
  if (auto rest = strip_byline_lead(line.text)) {
    c.lead = Lead::kBy;
    add_byline_text(*rest, &c.parts);
    extend_block(page, i, rest->empty(), &c);
  } else if (auto rest = inner_lead(line)) {
    c.lead = Lead::kInner;
    add_byline_text(*rest, &c.parts);
  } else if (line.kind == LineKind::kText && is_name_shaped(undouble(line.text))) {
    c.name_only = true;
    add_byline_text(line.text, &c.parts);
    extend_block(page, i, false, &c);
  } else if (line.text.size() <= kMaxTailLine) {
    add_byline_text(line.text, &c.parts);  // "Jane Doe - Aug 10, 2016"
  }
  if (c.parts.authors.empty()) return std::nullopt;
  return c;
}

std::string author_key(const BylineParts& parts) {
  std::vector<std::string> names;
  for (const std::string& a : parts.authors) names.push_back(lower_ascii(a));
  std::sort(names.begin(), names.end());
  std::string key;
  for (const std::string& n : names) key += n + ";";
  return key;
}

bool job_title_near(const PageAnalysis& page, const Candidate& c) {
  if (is_job_title(page.lines[c.first].text)) return true;
  const std::size_t k = page.rank[c.last] + 1;
  return k < page.nonblank.size() && is_job_title(page.lines[page.nonblank[k]].text);
}

// Line indices [lo, hi] of the window above the story, and of the lines
// right after it.
struct Window {
  std::size_t lo, hi, after_lo, after_hi;
};

Window byline_window(const PageAnalysis& page, const BodyChoice& body, std::size_t title) {
  const std::size_t top = page.rank[body.begin];
  std::size_t lo = top > kAboveBodyWithoutTitle ? top - kAboveBodyWithoutTitle : 0;
  if (title != kNoLine) lo = page.rank[title] > kAboveTitle ? page.rank[title] - kAboveTitle : 0;
  const std::size_t last = page.nonblank.size() - 1;
  const std::size_t end = page.rank[body.end];
  return Window{lo, std::min(top + kIntoBody, last), std::min(end + 1, last),
                std::min(end + kAfterBody, last)};
}

// A time stamp on the candidate's line ("Alex Perry 1 day ago"), or a line
// with a date or a time stamp among the kDateReach non-blank lines before
// it or after it.
bool date_near(const PageAnalysis& page, const Candidate& c) {
  const auto dated = [&](std::size_t i) { return page.has_date(i) || page.stamp[i]; };
  if (page.stamp[c.first]) return true;
  const std::size_t first = page.rank[c.first], last = page.rank[c.last];
  for (std::size_t d = 1; d <= kDateReach; ++d) {
    if (d <= first && dated(page.nonblank[first - d])) return true;
    if (last + d < page.nonblank.size() && dated(page.nonblank[last + d])) return true;
  }
  return false;
}

// The author's notes of the page ("Jane Doe is a staff writer ..."): where
// a byline printed far from the headline is confirmed.
std::vector<std::string_view> author_notes(const PageAnalysis& page) {
  std::vector<std::string_view> notes;
  for (std::uint32_t i : page.nonblank) {
    if (page.lines[i].kind == LineKind::kProse && looks_like_bio(page.lines[i].text)) {
      notes.push_back(page.lines[i].lower);
    }
  }
  return notes;
}

bool in_note(const std::vector<std::string_view>& notes, const BylineParts& parts) {
  for (const std::string& name : parts.authors) {
    const std::string lower = lower_ascii(name);
    for (std::string_view note : notes) {
      if (starts_with(note, lower)) return true;
    }
  }
  return false;
}

float given_name_share(const BylineParts& parts) {
  std::size_t given = 0;
  for (const std::string& name : parts.authors) {
    const std::size_t space = name.find(' ');
    given += is_given_name(lower_ascii(name.substr(0, space)));
  }
  return parts.authors.empty() ? 0.0f : static_cast<float>(given) / parts.authors.size();
}

Features<kBylineFeatureCount> byline_features(const PageAnalysis& page, const BodyChoice& body,
                                              std::size_t title, const Candidate& c, bool repeated,
                                              const std::vector<std::string_view>& notes) {
  const Line& line = page.lines[c.first];
  Features<kBylineFeatureCount> x{};
  x[kBylineBias] = 1;
  x[kBylineLeadBy] = c.lead == Lead::kBy;
  x[kBylineLeadInner] = c.lead == Lead::kInner;
  x[kBylineNameOnly] = c.name_only;
  x[kBylineNames2Plus] = c.parts.authors.size() >= 2;
  x[kBylineHasDate] = page.has_date(c.first);
  if (title != kNoLine) {
    x[kBylineAfterTitle] = c.first > title;
    x[kBylineTitleDistLog] = log_feature(static_cast<double>(page.distance(c.first, title)));
  }
  x[kBylineBodyDistLog] = log_feature(static_cast<double>(page.distance(c.first, body.begin)));
  x[kBylineInBody] = c.first > body.begin && c.first < body.end;
  x[kBylineAfterBody] = c.first > body.end;
  x[kBylineJobTitle] = job_title_near(page, c);
  x[kBylineOrg] = !c.parts.org.empty();
  x[kBylineLong] = line.text.size() > kLongByline;
  x[kBylineRepeated] = repeated;
  const std::size_t k = page.rank[c.first];
  x[kBylineAfterHeader] = k > 0 && page.header[page.nonblank[k - 1]] != HeaderKind::kNone;
  x[kBylineGivenName] = given_name_share(c.parts);
  x[kBylineDateNear] = date_near(page, c);
  x[kBylineInNote] = in_note(notes, c.parts);
  return x;
}

std::vector<Candidate> find_candidates(const PageAnalysis& page, const BodyChoice& body,
                                       std::size_t title) {
  const Window w = byline_window(page, body, title);
  std::vector<Candidate> out;
  auto scan = [&](std::size_t lo, std::size_t hi) {
    for (std::size_t k = lo; k <= hi && k < page.nonblank.size(); ++k) {
      const std::size_t i = page.nonblank[k];
      if (i == title || std::binary_search(body.paragraphs.begin(), body.paragraphs.end(), i)) {
        continue;
      }
      if (auto c = candidate_at(page, i)) {
        out.push_back(*c);
        k = page.rank[c->last];
      }
    }
  };
  scan(w.lo, w.hi);
  if (w.after_lo > w.hi) scan(w.after_lo, w.after_hi);
  return out;
}

std::string names_of(const BylineParts& parts) {
  std::string out;
  for (const std::string& a : parts.authors) out += (out.empty() ? "" : "; ") + a;
  if (!parts.org.empty()) out += " (" + parts.org + ")";
  return out;
}

// A desk or agency signing the story between the headline and the first
// paragraph: "Our Foreign Staff", "By The Associated Press".
std::string header_org(const PageAnalysis& page, const BodyChoice& body, std::size_t title) {
  for (std::size_t i = title == kNoLine ? body.begin : title + 1; i < body.begin; ++i) {
    const Line& line = page.lines[i];
    if (page.header[i] == HeaderKind::kDesk) return collapse_spaces(line.text);
    if (page.header[i] != HeaderKind::kByline) continue;
    BylineParts parts;
    if (auto rest = strip_byline_lead(line.text)) add_byline_text(*rest, &parts);
    if (parts.authors.empty() && !parts.org.empty()) return parts.org;
  }
  return {};
}

}  // namespace

BylineChoice choose_byline(const PageAnalysis& page, const BodyChoice& body, std::size_t title,
                           const Weights& weights, ExplainedField* explain) {
  if (explain) {
    explain->model = ModelId::kByline;
    explain->field = "authors";
  }
  const std::vector<Candidate> candidates = find_candidates(page, body, title);
  std::vector<std::string> keys;
  for (const Candidate& c : candidates) keys.push_back(author_key(c.parts));
  const std::vector<std::string_view> notes = author_notes(page);
  const Candidate* best = nullptr;
  double best_score = -1e300;
  std::size_t best_explained = kNoLine;
  for (std::size_t n = 0; n < candidates.size(); ++n) {
    const bool repeated = std::count(keys.begin(), keys.end(), keys[n]) > 1;
    const auto x = byline_features(page, body, title, candidates[n], repeated, notes);
    const double s = weights.score(ModelId::kByline, x);
    const Line& line = page.lines[candidates[n].first];
    ExplainedCandidate* e = add_candidate(explain, line.number, std::string(line.text), x, s);
    if (e) e->value = names_of(candidates[n].parts);
    if (s > best_score) {
      best = &candidates[n];
      best_score = s;
      if (explain) best_explained = explain->candidates.size() - 1;
    }
  }
  // The best candidate counts when it scores above 0, or above
  // kMinLeadScore when it says "By" ("By Ysabel Yates" signs the story even
  // when the name is unusual).
  if (best && !(best_score > 0 || (best->lead != Lead::kNone && best_score > kMinLeadScore))) {
    best = nullptr;
    best_explained = kNoLine;
  }
  BylineChoice choice;
  if (best) {
    choice.parts = best->parts;
    choice.first = best->first;
    choice.last = best->last;
    if (best_explained != kNoLine) explain->candidates[best_explained].chosen = true;
  }
  if (choice.parts.org.empty() && title != kNoLine)
    choice.parts.org = header_org(page, body, title);
  if (explain) {
    explain->decision = best ? "line " + std::to_string(page.lines[best->first].number) +
                                   ", the highest score, above 0 (or above " +
                                   std::to_string(kMinLeadScore).substr(0, 4) + " after \"By\")"
                             : "no candidate scores above 0 (or above " +
                                   std::to_string(kMinLeadScore).substr(0, 4) + " after \"By\")";
    if (!choice.parts.org.empty()) explain->decision += "; organisation: " + choice.parts.org;
  }
  return choice;
}

}  // namespace clean
}  // namespace news
