#include "clean/explain.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <utility>

namespace news {
namespace clean {
namespace {

constexpr std::size_t kContributions = 4;
constexpr std::size_t kBodyContext = 3;
constexpr std::size_t kShownBytes = 100;

std::string signed_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.2f", v);
  return buf;
}

// Cuts `s` to at most `n` bytes without splitting a UTF-8 sequence.
std::string cut(const std::string& s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n) + "...";
}

// "header_below +1.93, dist_1 +1.20": the features that weigh most.
std::string contributions(const ExplainedField& field, const ExplainedCandidate& c,
                          const Weights& weights) {
  const FeatureNames names = feature_names(field.model);
  const std::vector<double>& w = weights.of(field.model);
  std::vector<std::pair<double, std::size_t>> parts;
  for (std::size_t i = 1; i < c.features.size() && i < names.count; ++i) {
    const double v = w[i] * c.features[i];
    if (v != 0) parts.emplace_back(v, i);
  }
  std::sort(parts.begin(), parts.end(),
            [](const auto& a, const auto& b) { return std::fabs(a.first) > std::fabs(b.first); });
  std::string out = "bias " + signed_number(w[0]);
  for (std::size_t k = 0; k < parts.size() && k < kContributions; ++k) {
    out += ", " + std::string(names.names[parts[k].second]) + " " + signed_number(parts[k].first);
  }
  return out;
}

void render_candidate(const ExplainedField& field, const ExplainedCandidate& c,
                      const Weights& weights, std::string* out) {
  char head[64];
  std::snprintf(head, sizeof head, "  %s %7s  line %-5zu ", c.chosen ? "*" : " ",
                signed_number(c.score).c_str(), c.line);
  *out += head + cut(c.text, kShownBytes) + "\n";
  if (!c.value.empty() && c.value != c.text) *out += "                        -> " + c.value + "\n";
  *out += "                        " + contributions(field, c, weights) + "\n";
}

// The body: the lines around its first and its last paragraph.
std::vector<std::size_t> body_lines_shown(const ExplainedField& field) {
  std::size_t first = field.candidates.size(), last = 0;
  for (std::size_t i = 0; i < field.candidates.size(); ++i) {
    if (!field.candidates[i].chosen) continue;
    first = std::min(first, i);
    last = i;
  }
  std::vector<std::size_t> shown;
  if (first == field.candidates.size()) return shown;
  auto add_range = [&](std::size_t lo, std::size_t hi) {
    for (std::size_t i = lo; i <= hi && i < field.candidates.size(); ++i) {
      if (shown.empty() || shown.back() < i) shown.push_back(i);
    }
  };
  add_range(first > kBodyContext ? first - kBodyContext : 0, first + 1);
  add_range(last > 1 ? last - 1 : 0, last + kBodyContext);
  return shown;
}

// The other fields: the best candidates by score.
std::vector<std::size_t> best_candidates(const ExplainedField& field, std::size_t n) {
  std::vector<std::size_t> order(field.candidates.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return field.candidates[a].score > field.candidates[b].score;
  });
  if (order.size() > n) order.resize(n);
  return order;
}

}  // namespace

ExplainedField* add_field(Explanation* explanation, ModelId model, std::string field) {
  if (explanation == nullptr) return nullptr;
  explanation->fields.emplace_back();
  ExplainedField* f = &explanation->fields.back();
  f->model = model;
  f->field = std::move(field);
  return f;
}

std::string explanation_to_text(const Explanation& explanation, const Weights& weights,
                                std::size_t per_field) {
  std::string out;
  for (const ExplainedField& field : explanation.fields) {
    out += field.field + ": " + field.decision + "\n";
    const std::vector<std::size_t> shown =
        field.model == ModelId::kBody ? body_lines_shown(field) : best_candidates(field, per_field);
    for (std::size_t i : shown) render_candidate(field, field.candidates[i], weights, &out);
  }
  out += "outcome: " + explanation.outcome + "\n";
  return out;
}

std::string explanation_to_json(const Explanation& explanation) {
  nlohmann::json fields = nlohmann::json::array();
  for (const ExplainedField& field : explanation.fields) {
    const FeatureNames names = feature_names(field.model);
    nlohmann::json f = {
        {"model", std::string(model_name(field.model))},
        {"field", field.field},
        {"decision", field.decision},
        {"features", std::vector<std::string>(names.names, names.names + names.count)}};
    nlohmann::json candidates = nlohmann::json::array();
    for (const ExplainedCandidate& c : field.candidates) {
      candidates.push_back({{"line", c.line},
                            {"text", c.text},
                            {"value", c.value},
                            {"score", c.score},
                            {"chosen", c.chosen},
                            {"x", c.features}});
    }
    f["candidates"] = std::move(candidates);
    fields.push_back(std::move(f));
  }
  const nlohmann::json doc = {{"outcome", explanation.outcome}, {"fields", std::move(fields)}};
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace clean
}  // namespace news
