#include "clean/labels.h"

#include <algorithm>
#include <string>
#include <vector>

#include "clean/tables.h"
#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kMaxEyebrows = 3;
constexpr std::size_t kMaxLabelBytes = 50;
constexpr std::size_t kListLookAhead = 80;

bool is_skippable(const Line& line) {
  return line.kind == LineKind::kBlank || line.kind == LineKind::kBoilerplate ||
         line.kind == LineKind::kCaption || line.kind == LineKind::kCredit;
}

bool is_label(const PageAnalysis& page, std::size_t i) {
  const Line& line = page.lines[i];
  return line.kind == LineKind::kText && line.text.size() <= kMaxLabelBytes && line.words <= 6 &&
         !page.has_date(i);
}

bool is_bullet(std::string_view text) {
  return starts_with(text, "\xE2\x80\xA2") || starts_with(text, "- ") || starts_with(text, "* ");
}

// Short labels right above the headline ("Politics", "Asia"); a longer run
// is a navigation list and gives nothing.
std::vector<std::string> eyebrow_labels(const PageAnalysis& page, const StoryLayout& story) {
  std::vector<std::string> labels;
  for (std::size_t j = story.title; j-- > 0;) {
    const Line& line = page.lines[j];
    if (line.kind == LineKind::kBlank || is_date_label(line.lower)) {
      continue;
    }
    if (!is_label(page, j) || is_bullet(line.text) || page.header[j] != HeaderKind::kNone ||
        find_publisher_exact(line.text)) {
      break;
    }
    if (labels.size() == kMaxEyebrows) return {};
    labels.insert(labels.begin(), collapse_spaces(line.text));
  }
  return labels;
}

// "PoliticsTariffs and trade" -> "Politics", "Tariffs and trade".
std::vector<std::string> split_run_together(const std::string& label) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 1; i < label.size(); ++i) {
    if (!is_ascii_lower(label[i - 1]) || !is_ascii_upper(label[i]) || i - start < 3) {
      continue;
    }
    std::size_t word_start = label.rfind(' ', i);
    word_start = word_start == std::string::npos ? 0 : word_start + 1;
    std::size_t word_end = label.find(' ', i);
    if (word_end == std::string::npos) word_end = label.size();
    if (is_camel_brand(label.substr(word_start, word_end - word_start)) || word_end - i < 3) {
      continue;
    }
    parts.push_back(label.substr(start, i - start));
    start = i;
  }
  parts.push_back(label.substr(start));
  return parts;
}

// Breadcrumbs "News > World" and run-together links become separate labels.
std::vector<std::string> split_labels(const std::vector<std::string>& raw) {
  std::vector<std::string> out;
  for (const std::string& label : raw) {
    std::string_view rest = label;
    while (!rest.empty()) {
      std::size_t cut = std::string_view::npos, len = 0;
      for (std::string_view sep : {" > ", " / ", " | ", " \xE2\x80\xBA ", " \xC2\xBB "}) {
        const std::size_t at = rest.find(sep);
        if (at < cut) cut = at, len = sep.size();
      }
      const std::string piece(trim(rest.substr(0, cut)));
      if (!piece.empty() && !iequals(piece, "home")) {
        for (std::string& p : split_run_together(piece)) out.push_back(p);
      }
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + len);
    }
  }
  return out;
}

void add_unique(std::vector<std::string>* list, const std::string& value) {
  for (const std::string& v : *list) {
    if (lower_ascii(v) == lower_ascii(value)) return;
  }
  list->push_back(value);
}

// Labels after a "Related Topics" / "Tags" heading.
std::vector<std::string> topic_list(const PageAnalysis& page, const StoryLayout& story) {
  std::vector<std::string> out;
  const std::size_t end = std::min(page.lines.size(), story.body_end + kListLookAhead);
  for (std::size_t i = story.body_end + 1; i < end; ++i) {
    if (!is_topic_heading(page.lines[i].lower)) continue;
    for (std::size_t k = i + 1; k < page.lines.size() && out.size() < 15; ++k) {
      const Line& line = page.lines[k];
      if (line.kind == LineKind::kBlank && out.empty()) continue;
      if (!is_label(page, k) || is_end_marker(line.lower)) break;
      out.push_back(collapse_spaces(line.text));
    }
    if (!out.empty()) break;
  }
  return out;
}

bool is_share_bar(const std::vector<Line>& lines, std::size_t i) {
  return i + 1 < lines.size() && is_share_word(lines[i].lower) && is_share_word(lines[i + 1].lower);
}

// Tag links printed right above a share bar, after the story.
std::vector<std::string> labels_before_share_bar(const PageAnalysis& page,
                                                 const StoryLayout& story) {
  const std::size_t end = std::min(page.lines.size(), story.body_end + kListLookAhead);
  for (std::size_t i = story.body_end + 1; i < end; ++i) {
    if (!is_share_bar(page.lines, i)) continue;
    std::vector<std::string> out;
    std::size_t k = i;
    while (k-- > story.body_end + 1 && is_label(page, k) && !is_end_marker(page.lines[k].lower)) {
      if (out.size() == 6) return {};
      out.insert(out.begin(), collapse_spaces(page.lines[k].text));
    }
    const bool fenced = k <= story.body_end || is_skippable(page.lines[k]);
    return fenced ? out : std::vector<std::string>();
  }
  return {};
}

// "Follow CNN Politics" names the section when no eyebrow does.
std::string section_from_follow(const PageAnalysis& page) {
  for (const Line& line : page.lines) {
    if (line.text.size() > kMaxLabelBytes || !starts_with(line.text, "Follow ")) {
      continue;
    }
    const std::string_view rest = line.text.substr(7);
    const std::size_t space = rest.find(' ');
    if (space == std::string_view::npos) continue;
    if (find_publisher_exact(rest.substr(0, space))) {
      return std::string(trim(rest.substr(space + 1)));
    }
  }
  return {};
}

}  // namespace

void fill_labels(const PageAnalysis& page, const StoryLayout& story, Article* a) {
  for (const std::string& label : split_labels(eyebrow_labels(page, story))) {
    if (is_place(label)) {
      add_unique(&a->places, label);
    } else if (a->section.empty()) {
      a->section = label;
    } else {
      add_unique(&a->tags, label);
    }
  }
  if (a->section.empty()) a->section = section_from_follow(page);
  std::vector<std::string> topics = topic_list(page, story);
  if (topics.empty()) topics = labels_before_share_bar(page, story);
  for (const std::string& label : topics) {
    add_unique(is_place(label) ? &a->places : &a->tags, label);
  }
}

}  // namespace clean
}  // namespace news
