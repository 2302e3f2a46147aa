#include "store/retry.h"

namespace news {

std::vector<Xapian::rev> local_revisions(const std::vector<std::string>& paths) {
  std::vector<Xapian::rev> out;
  for (const std::string& path : paths) {
    try {
      out.push_back(Xapian::Database(path).get_revision());
    } catch (const Xapian::Error&) {
      out.push_back(0);
    }
  }
  return out;
}

std::string modified_error_reason(const std::vector<std::string>& paths,
                                  const std::vector<Xapian::rev>& before) {
  if (paths.empty() || local_revisions(paths) != before) {
    return "the index changed too often while it was read (a writer committing very fast)";
  }
  std::string list;
  for (const std::string& p : paths) list += " " + p;
  return "the index is damaged: a block is newer than its database though nothing wrote to it "
         "(Xapian reports DatabaseModifiedError); run xapian-check on" +
         list + ", and rebuild the index if it fails";
}

}  // namespace news
