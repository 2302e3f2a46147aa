#include "html/charset.h"

#include <iconv.h>
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <memory>
#include <vector>

#include "html/dom.h"
#include "html/strings.h"
#include "text/text.h"

namespace news {
namespace html {
namespace {

constexpr size_t kPrescanBytes = 64 * 1024;
constexpr char kReplacement[] = "\xEF\xBF\xBD";

std::string_view trim_space(std::string_view s) {
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.front())) || s.front() == '"' ||
                        s.front() == '\'')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == '"' ||
                        s.back() == '\'')) {
    s.remove_suffix(1);
  }
  return s;
}

// The iconv name of a charset label, "" for one we do not decode.
std::string iconv_name(std::string_view label) {
  const std::string l = lower_ascii(trim_space(label));
  if (l.empty()) return "";
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8") return "UTF-8";
  // WHATWG Encoding: these labels all mean windows-1252.
  if (l == "iso-8859-1" || l == "latin1" || l == "l1" || l == "ascii" || l == "us-ascii" ||
      l == "iso8859-1" || l == "iso_8859-1" || l == "windows-1252" || l == "cp1252" ||
      l == "x-cp1252" || l == "cp819" || l == "ansi_x3.4-1968") {
    return "WINDOWS-1252";
  }
  if (l == "utf-16" || l == "utf-16le" || l == "utf-16be") return "";  // by BOM only
  std::string name;
  for (char c : l) name += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return "";
  iconv_close(cd);
  return name;
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// `bytes` in `charset` as UTF-8; an undecodable byte becomes U+FFFD and
// decoding goes on after it.
std::string convert(std::string_view bytes, const std::string& charset) {
  iconv_t raw = iconv_open("UTF-8", charset.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) return make_valid_utf8(bytes);
  std::unique_ptr<void, IconvCloser> cd(raw);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8 + 16);
  std::vector<char> buf(64 * 1024);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  while (in_left > 0) {
    char* dst = buf.data();
    size_t dst_left = buf.size();
    const size_t rc = iconv(raw, &in, &in_left, &dst, &dst_left);
    out.append(buf.data(), dst - buf.data());
    if (rc != static_cast<size_t>(-1)) continue;
    if (errno == E2BIG) continue;
    out += kReplacement;  // EILSEQ, or EINVAL: a sequence cut at the end
    ++in;
    --in_left;
    iconv(raw, nullptr, nullptr, nullptr, nullptr);
  }
  return out;
}

// The charset named by one <meta> element, "" if none.
std::string meta_charset(xmlNode* meta) {
  const std::string charset = attribute(meta, "charset");
  if (!charset.empty()) return charset;
  if (lower_ascii(attribute(meta, "http-equiv")) != "content-type") return "";
  return charset_param(attribute(meta, "content"));
}

}  // namespace

std::string charset_param(std::string_view content_type) {
  const std::string l = lower_ascii(content_type);
  const size_t at = l.find("charset");
  if (at == std::string::npos) return "";
  size_t i = at + 7;
  while (i < l.size() && std::isspace(static_cast<unsigned char>(l[i]))) ++i;
  if (i >= l.size() || l[i] != '=') return "";
  std::string_view rest = std::string_view(content_type).substr(i + 1);
  rest = trim_space(rest);
  const size_t end = rest.find_first_of(";, \t\"'");
  return std::string(trim_space(rest.substr(0, end)));
}

std::string declared_charset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kPrescanBytes);
  const Tree tree = parse_html(head, "ISO-8859-1");
  std::string found;
  walk(tree.root(), [&](xmlNode* node, int) {
    if (!found.empty()) return false;
    if (is_element(node, "meta")) found = meta_charset(node);
    return true;
  });
  return found;
}

DecodedPage decode_page(std::string_view bytes, std::string_view content_type) {
  DecodedPage out;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out = {convert(bytes.substr(3), "UTF-8"), "UTF-8", "bom"};
  } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const std::string cs = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    out = {convert(bytes.substr(2), cs), cs, "bom"};
  } else if (std::string cs = iconv_name(charset_param(content_type)); !cs.empty()) {
    out = {convert(bytes, cs), cs, "http"};
  } else if (cs = iconv_name(declared_charset(bytes)); !cs.empty()) {
    out = {convert(bytes, cs), cs, "meta"};
  } else if (is_valid_utf8(bytes)) {
    out = {std::string(bytes), "UTF-8", "detected"};
  } else {
    out = {convert(bytes, "WINDOWS-1252"), "WINDOWS-1252", "detected"};
  }
  // libxml2 stops a text at a NUL byte: keep what follows it.
  size_t nul = out.text.find('\0');
  while (nul != std::string::npos) {
    out.text.replace(nul, 1, kReplacement);
    nul = out.text.find('\0', nul);
  }
  return out;
}

}  // namespace html
}  // namespace news
