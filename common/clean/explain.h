#ifndef NEWS_COMMON_CLEAN_EXPLAIN_H_
#define NEWS_COMMON_CLEAN_EXPLAIN_H_

// Why the cleaner chose what it chose: for each field the candidate lines it
// scored, their features and scores, and the decision. `news-index clean
// --explain` prints it; common/clean/fit/fit_cleaner.py reads its JSON form
// to fit the weights.

#include <cstddef>
#include <string>
#include <vector>

#include "clean/features.h"
#include "clean/model.h"

namespace news {
namespace clean {

struct ExplainedCandidate {
  std::size_t line = 0;  // 1-based line number in the page
  std::string text;      // the line (or the first line of a block)
  std::string value;     // what the candidate gives when it is not the text itself
  double score = 0;      // log-odds: weights . features
  std::vector<float> features;
  bool chosen = false;
};

struct ExplainedField {
  ModelId model = ModelId::kBody;
  std::string field;  // "body", "title", "authors", "published"
  std::vector<ExplainedCandidate> candidates;
  std::string decision;  // why the winner won, or why there is none
};

struct Explanation {
  std::vector<ExplainedField> fields;
  std::string outcome;  // "article", or the rejection message
};

// A readable report: per field the decision and the `per_field` best
// candidates with their line, score and the features that weigh most under
// `weights` (the body: the lines around the first and last paragraph).
std::string explanation_to_text(const Explanation& explanation, const Weights& weights,
                                std::size_t per_field = 6);

// One JSON object with every candidate and its feature values:
// {"outcome": ..., "fields": [{"model", "field", "decision", "features": [names],
//  "candidates": [{"line", "text", "value", "score", "chosen", "x": [...]}]}]}.
std::string explanation_to_json(const Explanation& explanation);

// Appends a field to *explanation (when not null) and returns it; the
// pointer is valid until the next field is added.
ExplainedField* add_field(Explanation* explanation, ModelId model, std::string field);

// Appends a candidate with features `x` and score `score` to `field` (when
// not null) and returns it.
template <std::size_t N>
ExplainedCandidate* add_candidate(ExplainedField* field, std::size_t line, std::string text,
                                  const Features<N>& x, double score) {
  if (field == nullptr) return nullptr;
  ExplainedCandidate c;
  c.line = line;
  c.text = std::move(text);
  c.features.assign(x.begin(), x.end());
  c.score = score;
  field->candidates.push_back(std::move(c));
  return &field->candidates.back();
}

}  // namespace clean
}  // namespace news

#endif  // NEWS_COMMON_CLEAN_EXPLAIN_H_
