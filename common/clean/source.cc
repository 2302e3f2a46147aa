#include "clean/source.h"

#include <vector>

#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr std::size_t kMaxSignOffLine = 200;

bool outside_body(const StoryLayout& story, std::size_t i) {
  return i < story.body_begin || i > story.body_end;
}

// "CNNMoney (New York) First published ...": the outlet signing off.
const Publisher* sign_off_publisher(const PageAnalysis& page, const StoryLayout& story) {
  for (std::size_t i = story.body_end + 1; i < page.lines.size(); ++i) {
    const Line& line = page.lines[i];
    if (line.text.size() > kMaxSignOffLine || line.lower.find("published") == std::string::npos) {
      continue;
    }
    const std::size_t paren = line.text.find(" (");
    if (paren == std::string_view::npos) continue;
    if (auto* p = find_publisher_exact(line.text.substr(0, paren))) {
      return p;
    }
  }
  return nullptr;
}

bool is_copyright(const Line& line) {
  return line.text.size() <= 400 && (line.text.find("\xC2\xA9") != std::string_view::npos ||
                                     line.lower.find("copyright") != std::string::npos);
}

const Publisher* most_mentioned(const PageAnalysis& page, const StoryLayout& story) {
  const std::size_t n = static_cast<std::size_t>(publishers_end() - publishers_begin());
  std::vector<std::size_t> counts(n, 0);
  for (std::size_t i = 0; i < page.lines.size(); ++i) {
    const Line& line = page.lines[i];
    if (!outside_body(story, i) || line.text.empty() || line.text.size() > 300 ||
        line.kind == LineKind::kCaption || line.kind == LineKind::kCredit) {
      continue;
    }
    std::vector<bool> seen(n, false);
    for_each_mention(line.text, [&](const Publisher* p) {
      const std::size_t k = static_cast<std::size_t>(p - publishers_begin());
      if (!seen[k]) ++counts[k];
      seen[k] = true;
    });
  }
  const Publisher* best = nullptr;
  std::size_t best_count = 0;
  for (std::size_t k = 0; k < n; ++k) {
    if (counts[k] > best_count) best = publishers_begin() + k, best_count = counts[k];
  }
  return best;
}

}  // namespace

const Publisher* site_publisher(const PageAnalysis& page, const StoryLayout& story) {
  if (auto* p = sign_off_publisher(page, story)) return p;
  for (std::size_t i = page.lines.size(); i-- > 0;) {
    if (!outside_body(story, i) || !is_copyright(page.lines[i])) continue;
    if (auto* p = find_publisher_mention(page.lines[i].text)) return p;
  }
  return most_mentioned(page, story);
}

namespace {

// "© 2017 Foo Media Group Limited. All rights reserved." -> "Foo Media Group
// Limited", for sites not in the table.
std::string copyright_owner(const PageAnalysis& page, const StoryLayout& story) {
  for (std::size_t i = page.lines.size(); i-- > 0;) {
    const Line& line = page.lines[i];
    if (!outside_body(story, i) || !is_copyright(line)) continue;
    std::string owner;
    for (std::string_view w : split_words(line.text)) {
      if (w == "\xC2\xA9" || iequals(w, "copyright") || is_ascii_digit(w[0]) ||
          (owner.empty() && w == "-")) {
        if (!owner.empty()) break;
        continue;
      }
      const bool stop = w.back() == '.' || w.back() == ',' || w.back() == '|';
      if (!owner.empty()) owner += ' ';
      owner.append(w.data(), stop ? w.size() - 1 : w.size());
      if (stop) break;
    }
    if (!owner.empty() && count_words(owner) <= 6) return owner;
  }
  return {};
}

// "WASHINGTON (Reuters) - ...": the agency named in the dateline.
std::string dateline_agency(std::string_view first_paragraph) {
  const std::string_view head = first_paragraph.substr(0, 80);
  const std::size_t open = head.find('(');
  const std::size_t close = head.find(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    return {};
  }
  const std::string_view inside = head.substr(open + 1, close - open - 1);
  const Publisher* p = find_publisher_exact(inside);
  return p && p->agency ? std::string(trim(inside)) : std::string();
}

}  // namespace

std::string choose_source(const PageAnalysis& page, const StoryLayout& story,
                          const BylineParts& byline, std::string_view first_paragraph,
                          const Publisher* site) {
  if (!byline.org.empty()) return byline.org;
  std::string agency = dateline_agency(first_paragraph);
  if (!agency.empty()) return agency;
  if (site) return std::string(site->name);
  return copyright_owner(page, story);
}

}  // namespace clean
}  // namespace news
