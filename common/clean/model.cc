#include "clean/model.h"

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

constexpr ModelId kModels[] = {ModelId::kBody,  ModelId::kStart,  ModelId::kEnd,
                               ModelId::kTitle, ModelId::kByline, ModelId::kDate,
                               ModelId::kRun,   ModelId::kJoin,   ModelId::kMember};

bool find_model(std::string_view name, ModelId* out) {
  for (ModelId m : kModels) {
    if (model_name(m) == name) {
      *out = m;
      return true;
    }
  }
  return false;
}

// One "MODEL FEATURE WEIGHT" line; false when malformed or unknown.
bool parse_line(std::string_view line, Weights* w) {
  const std::vector<std::string_view> words = split_words(line);
  if (words.size() != 3) return false;
  const std::string number(words[2]);
  char* end = nullptr;
  const double value = std::strtod(number.c_str(), &end);
  if (end == number.c_str() || *end != '\0' || !std::isfinite(value)) return false;
  return w->set(words[0], words[1], value);
}

}  // namespace

Weights::Weights() {
  for (ModelId m : kModels) {
    w_[static_cast<std::size_t>(m)].assign(feature_names(m).count, 0.0);
  }
}

const Weights& Weights::fitted() {
  static const Weights weights = [] {
    Weights w;
    for (std::size_t i = 0; i < kFittedWeightCount; ++i) {
      const WeightEntry& e = kFittedWeights[i];
      w.set(e.model, e.feature, e.weight);
    }
    return w;
  }();
  return weights;
}

Weights Weights::parse(std::string_view text) {
  Weights w;
  std::size_t number = 0;
  for (std::string_view raw : split_lines(text)) {
    ++number;
    std::string_view line = raw.substr(0, raw.find('#'));
    line = trim(line);
    if (line.empty()) continue;
    if (!parse_line(line, &w)) {
      throw std::invalid_argument("weights line " + std::to_string(number) +
                                  ": want MODEL FEATURE WEIGHT with a known model and feature: " +
                                  std::string(line.substr(0, 80)));
    }
  }
  return w;
}

bool Weights::set(std::string_view model, std::string_view feature, double weight) {
  ModelId m;
  if (!find_model(model, &m)) return false;
  const FeatureNames names = feature_names(m);
  for (std::size_t i = 0; i < names.count; ++i) {
    if (names.names[i] == feature) {
      w_[static_cast<std::size_t>(m)][i] = weight;
      return true;
    }
  }
  return false;
}

}  // namespace clean
}  // namespace news
