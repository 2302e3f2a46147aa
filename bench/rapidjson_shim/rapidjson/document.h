// The few rapidjson calls of ../shared/bench/src/common.h, on nlohmann::json,
// for machines without rapidjson-dev: lets bench/setup.sh build the plain
// Xapian peer (xap_index/xap_search). Its JSON parsing is then nlohmann's,
// the library newscore uses too (slower than rapidjson: the peer's indexing
// time includes it).
#ifndef NEWS_BENCH_RAPIDJSON_SHIM_H_
#define NEWS_BENCH_RAPIDJSON_SHIM_H_

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rapidjson {

class Value {
 public:
  Value() = default;
  explicit Value(const nlohmann::json* j) : j_(j) {}
  bool IsObject() const { return j_ != nullptr && j_->is_object(); }
  bool IsString() const { return j_ != nullptr && j_->is_string(); }
  bool IsNumber() const { return j_ != nullptr && j_->is_number(); }
  bool IsArray() const { return j_ != nullptr && j_->is_array(); }
  const char* GetString() const { return j_->get_ref<const std::string&>().c_str(); }
  size_t GetStringLength() const { return j_->get_ref<const std::string&>().size(); }
  int64_t GetInt64() const { return j_->get<int64_t>(); }
  std::vector<Value> GetArray() const {
    std::vector<Value> out;
    for (const auto& e : *j_) out.emplace_back(&e);
    return out;
  }

 protected:
  const nlohmann::json* j_ = nullptr;
};

struct Member {
  Value value;
};

class MemberIterator {
 public:
  MemberIterator() = default;
  explicit MemberIterator(const nlohmann::json* j) : member_{Value(j)}, end_(false) {}
  const Member* operator->() const { return &member_; }
  bool operator==(const MemberIterator& o) const { return end_ && o.end_; }
  bool operator!=(const MemberIterator& o) const { return !(*this == o); }

 private:
  Member member_;
  bool end_ = true;
};

class Document : public Value {
 public:
  void Parse(const char* s, size_t n) {
    doc_ = nlohmann::json::parse(s, s + n, nullptr, false);
    error_ = doc_.is_discarded();
    j_ = &doc_;
  }
  bool HasParseError() const { return error_; }
  MemberIterator FindMember(const std::string& key) const {
    auto it = doc_.find(key);
    return it == doc_.end() ? MemberIterator() : MemberIterator(&*it);
  }
  MemberIterator MemberEnd() const { return MemberIterator(); }

 private:
  nlohmann::json doc_;
  bool error_ = true;
};

}  // namespace rapidjson

#endif  // NEWS_BENCH_RAPIDJSON_SHIM_H_
