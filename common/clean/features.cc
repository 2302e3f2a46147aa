#include "clean/features.h"

#include <cmath>

namespace news {
namespace clean {

std::string_view model_name(ModelId model) {
  switch (model) {
    case ModelId::kBody:
      return "body";
    case ModelId::kStart:
      return "start";
    case ModelId::kEnd:
      return "end";
    case ModelId::kTitle:
      return "title";
    case ModelId::kByline:
      return "byline";
    case ModelId::kDate:
      return "date";
    case ModelId::kRun:
      return "run";
    case ModelId::kJoin:
      return "join";
    case ModelId::kMember:
      return "member";
  }
  return "";
}

FeatureNames feature_names(ModelId model) {
  switch (model) {
    case ModelId::kBody:
      return {kBodyFeatureNames.data(), kBodyFeatureNames.size()};
    case ModelId::kStart:
      return {kStartFeatureNames.data(), kStartFeatureNames.size()};
    case ModelId::kEnd:
      return {kEndFeatureNames.data(), kEndFeatureNames.size()};
    case ModelId::kTitle:
      return {kTitleFeatureNames.data(), kTitleFeatureNames.size()};
    case ModelId::kByline:
      return {kBylineFeatureNames.data(), kBylineFeatureNames.size()};
    case ModelId::kDate:
      return {kDateFeatureNames.data(), kDateFeatureNames.size()};
    case ModelId::kRun:
      return {kRunFeatureNames.data(), kRunFeatureNames.size()};
    case ModelId::kJoin:
      return {kJoinFeatureNames.data(), kJoinFeatureNames.size()};
    case ModelId::kMember:
      return {kMemberFeatureNames.data(), kMemberFeatureNames.size()};
  }
  return {nullptr, 0};
}

float log_feature(double n) {
  const double v = std::log2(1.0 + (n > 0 ? n : 0)) / 8.0;
  return static_cast<float>(v > 1.0 ? 1.0 : v);
}

}  // namespace clean
}  // namespace news
