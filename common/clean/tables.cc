#include "clean/tables.h"

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "clean/text_util.h"

namespace news {
namespace clean {
namespace {

using K = Zone::Kind;

constexpr Publisher kPublishers[] = {
    {"CNNMoney", "CNNMoney|money.cnn.com", K::kUsEastern, false},
    {"CNN", "CNN|Cable News Network|cnn.com", K::kUsEastern, false},
    {"The Associated Press", "The Associated Press|Associated Press", K::kUsEastern, true},
    {"AP", "AP", K::kUsEastern, true},
    {"Reuters", "Reuters|Thomson Reuters", K::kFixed, true},
    {"Bloomberg", "Bloomberg|Bloomberg News", K::kUsEastern, true},
    {"AFP", "AFP|Agence France-Presse|Agence France Presse", K::kCentralEu, true},
    {"UPI", "UPI|United Press International", K::kUsEastern, true},
    {"PA Media", "PA Media|Press Association", K::kUk, true},
    {"dpa", "dpa|Deutsche Presse-Agentur", K::kCentralEu, true},
    {"Xinhua", "Xinhua", K::kFixed, true},
    {"Kyodo", "Kyodo|Kyodo News", K::kFixed, true},
    {"The Washington Post",
     "The Washington Post|Washington Post|washingtonpost.com|Democracy Dies "
     "in Darkness",
     K::kUsEastern, false},
    {"The New York Times", "The New York Times|New York Times|nytimes.com", K::kUsEastern, false},
    {"The Wall Street Journal", "The Wall Street Journal|Wall Street Journal|WSJ", K::kUsEastern,
     false},
    {"Los Angeles Times", "Los Angeles Times|latimes.com|L.A. Times", K::kUsPacific, false},
    {"Chicago Tribune", "Chicago Tribune|chicagotribune.com", K::kUsCentral, false},
    {"San Francisco Chronicle", "San Francisco Chronicle|SFGate|SFGATE", K::kUsPacific, false},
    {"The Boston Globe", "The Boston Globe|Boston Globe", K::kUsEastern, false},
    {"USA Today", "USA TODAY|USA Today", K::kUsEastern, false},
    {"ABC News", "ABC News|abcnews.go.com", K::kUsEastern, false},
    {"NBC News", "NBC News|nbcnews.com", K::kUsEastern, false},
    {"CBS News", "CBS News|cbsnews.com", K::kUsEastern, false},
    {"Fox News", "Fox News|foxnews.com", K::kUsEastern, false},
    {"NPR", "NPR|National Public Radio", K::kUsEastern, false},
    {"Politico", "POLITICO|Politico", K::kUsEastern, false},
    {"The Atlantic", "The Atlantic", K::kUsEastern, false},
    {"The New Yorker", "The New Yorker", K::kUsEastern, false},
    {"TIME", "TIME|Time.com|Time Magazine", K::kUsEastern, false},
    {"Fortune", "Fortune|Fortune Media", K::kUsEastern, false},
    {"Forbes", "Forbes", K::kUsEastern, false},
    {"CNBC", "CNBC", K::kUsEastern, false},
    {"Business Insider", "Business Insider|Insider", K::kUsEastern, false},
    {"HuffPost", "HuffPost|Huffington Post|HuffPost", K::kUsEastern, false},
    {"BuzzFeed News", "BuzzFeed News|BuzzFeed", K::kUsEastern, false},
    {"Vox", "Vox|Vox Media", K::kUsEastern, false},
    {"Wired", "WIRED|Wired", K::kUsPacific, false},
    {"The Verge", "The Verge", K::kUsEastern, false},
    {"TechCrunch", "TechCrunch", K::kUsPacific, false},
    {"Ars Technica", "Ars Technica", K::kUsEastern, false},
    {"Yahoo News", "Yahoo News|Yahoo", K::kUsEastern, false},
    {"Axios", "Axios", K::kUsEastern, false},
    {"The Hill", "The Hill", K::kUsEastern, false},
    {"Newsweek", "Newsweek", K::kUsEastern, false},
    {"Slate", "Slate", K::kUsEastern, false},
    {"Salon", "Salon", K::kUsPacific, false},
    {"The Telegraph", "The Telegraph|Telegraph|Telegraph Media Group", K::kUk, false},
    {"The Guardian", "The Guardian|Guardian News", K::kUk, false},
    {"BBC News", "BBC News|BBC", K::kUk, false},
    {"The Independent", "The Independent", K::kUk, false},
    {"The Times", "The Times|The Sunday Times", K::kUk, false},
    {"Financial Times", "Financial Times|FT.com", K::kUk, false},
    {"The Economist", "The Economist", K::kUk, false},
    {"Daily Mail", "Daily Mail|MailOnline|Mail Online", K::kUk, false},
    {"Sky News", "Sky News", K::kUk, false},
    {"The Irish Times", "The Irish Times", K::kUk, false},
    {"Al Jazeera", "Al Jazeera", K::kFixed, false},
    {"Deutsche Welle", "Deutsche Welle|DW", K::kCentralEu, false},
    {"Der Spiegel", "Der Spiegel|SPIEGEL", K::kCentralEu, false},
    {"Le Monde", "Le Monde", K::kCentralEu, false},
    {"The Globe and Mail", "The Globe and Mail", K::kUsEastern, false},
    {"CBC News", "CBC News|CBC", K::kUsEastern, false},
};

constexpr std::string_view kPlaces[] = {
    // Continents and regions.
    "africa",
    "asia",
    "europe",
    "america",
    "americas",
    "north america",
    "south america",
    "latin america",
    "central america",
    "middle east",
    "the middle east",
    "oceania",
    "antarctica",
    "arctic",
    "caribbean",
    "the caribbean",
    "scandinavia",
    "balkans",
    "the balkans",
    "east asia",
    "south asia",
    "southeast asia",
    "central asia",
    "asia pacific",
    "asia-pacific",
    "eastern europe",
    "western europe",
    "europe, middle east",
    "sub-saharan africa",
    "north africa",
    "west africa",
    "east africa",
    "southern africa",
    "gulf",
    "persian gulf",
    "pacific",
    "australasia",
    "eu",
    "european union",
    "uk",
    "u.k.",
    "us",
    "u.s.",
    "usa",
    "u.s.a.",
    // Countries.
    "afghanistan",
    "albania",
    "algeria",
    "andorra",
    "angola",
    "argentina",
    "armenia",
    "australia",
    "austria",
    "azerbaijan",
    "bahamas",
    "bahrain",
    "bangladesh",
    "barbados",
    "belarus",
    "belgium",
    "belize",
    "benin",
    "bhutan",
    "bolivia",
    "bosnia",
    "bosnia and herzegovina",
    "botswana",
    "brazil",
    "brunei",
    "bulgaria",
    "burkina faso",
    "burundi",
    "cambodia",
    "cameroon",
    "canada",
    "cape verde",
    "chad",
    "chile",
    "china",
    "colombia",
    "comoros",
    "congo",
    "costa rica",
    "croatia",
    "cuba",
    "cyprus",
    "czech republic",
    "czechia",
    "denmark",
    "djibouti",
    "dominica",
    "dominican republic",
    "ecuador",
    "egypt",
    "el salvador",
    "eritrea",
    "estonia",
    "eswatini",
    "ethiopia",
    "fiji",
    "finland",
    "france",
    "gabon",
    "gambia",
    "georgia",
    "germany",
    "ghana",
    "greece",
    "grenada",
    "guatemala",
    "guinea",
    "guyana",
    "haiti",
    "honduras",
    "hong kong",
    "hungary",
    "iceland",
    "india",
    "indonesia",
    "iran",
    "iraq",
    "ireland",
    "israel",
    "italy",
    "ivory coast",
    "jamaica",
    "japan",
    "jordan",
    "kazakhstan",
    "kenya",
    "kosovo",
    "kuwait",
    "kyrgyzstan",
    "laos",
    "latvia",
    "lebanon",
    "lesotho",
    "liberia",
    "libya",
    "liechtenstein",
    "lithuania",
    "luxembourg",
    "macau",
    "madagascar",
    "malawi",
    "malaysia",
    "maldives",
    "mali",
    "malta",
    "mauritania",
    "mauritius",
    "mexico",
    "moldova",
    "monaco",
    "mongolia",
    "montenegro",
    "morocco",
    "mozambique",
    "myanmar",
    "burma",
    "namibia",
    "nepal",
    "netherlands",
    "new zealand",
    "nicaragua",
    "niger",
    "nigeria",
    "north korea",
    "north macedonia",
    "norway",
    "oman",
    "pakistan",
    "palestine",
    "palestinian territories",
    "gaza",
    "west bank",
    "panama",
    "papua new guinea",
    "paraguay",
    "peru",
    "philippines",
    "poland",
    "portugal",
    "puerto rico",
    "qatar",
    "romania",
    "russia",
    "rwanda",
    "saudi arabia",
    "senegal",
    "serbia",
    "seychelles",
    "sierra leone",
    "singapore",
    "slovakia",
    "slovenia",
    "somalia",
    "south africa",
    "south korea",
    "korea",
    "south sudan",
    "spain",
    "sri lanka",
    "sudan",
    "suriname",
    "sweden",
    "switzerland",
    "syria",
    "taiwan",
    "tajikistan",
    "tanzania",
    "thailand",
    "togo",
    "tonga",
    "trinidad and tobago",
    "tunisia",
    "turkey",
    "turkmenistan",
    "uganda",
    "ukraine",
    "united arab emirates",
    "uae",
    "united kingdom",
    "britain",
    "great britain",
    "england",
    "scotland",
    "wales",
    "northern ireland",
    "united states",
    "united states of america",
    "uruguay",
    "uzbekistan",
    "vatican",
    "venezuela",
    "vietnam",
    "yemen",
    "zambia",
    "zimbabwe",
    // US states.
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "west virginia",
    "wisconsin",
    "wyoming",
    "district of columbia",
    "washington, d.c.",
    "washington dc",
    "washington, dc",
    // Large cities often used as place tags.
    "london",
    "paris",
    "berlin",
    "moscow",
    "beijing",
    "shanghai",
    "tokyo",
    "seoul",
    "delhi",
    "new delhi",
    "mumbai",
    "sydney",
    "toronto",
    "brussels",
    "rome",
    "madrid",
    "istanbul",
    "jerusalem",
    "tehran",
    "baghdad",
    "kabul",
    "cairo",
    "lagos",
    "nairobi",
    "johannesburg",
    "harare",
    "mexico city",
    "sao paulo",
    "rio de janeiro",
    "buenos aires",
    "los angeles",
    "new york city",
    "chicago",
    "san francisco",
    "boston",
    "houston",
    "miami",
    "atlanta",
    "seattle",
    "detroit",
    "philadelphia",
    "dallas",
    "charleston",
    "pittsburgh",
    "minneapolis",
};

constexpr std::string_view kStateCodes[] = {
    "al",     "ak",   "az",    "ar",    "ca",    "co",    "ct",    "de",   "fl",    "ga",   "hi",
    "id",     "il",   "in",    "ia",    "ks",    "ky",    "la",    "me",   "md",    "ma",   "mi",
    "mn",     "ms",   "mo",    "mt",    "ne",    "nv",    "nh",    "nj",   "nm",    "ny",   "nc",
    "nd",     "oh",   "ok",    "or",    "pa",    "ri",    "sc",    "sd",   "tn",    "tx",   "ut",
    "vt",     "va",   "wa",    "wv",    "wi",    "wy",    "dc",    "s.c.", "n.c.",  "n.y.", "d.c.",
    "calif.", "fla.", "ga.",   "ill.",  "mass.", "mich.", "minn.", "pa.",  "tenn.", "va.",  "wash.",
    "wis.",   "tex.", "ariz.", "colo.", "conn.", "md.",   "mo.",
};

// Whole lines that are interface text, never content.
constexpr std::string_view kBoilerplateLines[] = {
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "recommended video",
    "recommended",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "expand",
    "collapse",
    "offon",
    "onoff",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "e-mail",
    "facebook",
    "twitter",
    "flipboard",
    "linkedin",
    "whatsapp",
    "reddit",
    "pinterest",
    "instagram",
    "youtube",
    "messenger",
    "print",
    "comments",
    "comment",
    "show more",
    "show less",
    "show comments",
    "view comments",
    "skip to main content",
    "skip to content",
    "skip navigation",
    "sign in",
    "sign up",
    "log in",
    "login",
    "logout",
    "log out",
    "subscribe",
    "subscribe now",
    "register",
    "menu",
    "search",
    "close",
    "home",
    "more",
    "more...",
    "transcript",
    "download",
    "embed",
    "listen",
    "toggle more options",
    "sponsor message",
    "paid partner",
    "accessibility links",
    "accessibility for screenreader",
    "open navigation menu",
    "close navigation menu",
    "continue reading",
    "read more",
    "story continues below advertisement",
    "article continues below",
    "continue reading below",
    "follow",
    "copy link",
    "link copied",
    "copied",
    "save",
    "save article",
    "gift article",
    "slideshow",
    "photos",
    "video",
    "watch",
    "play",
    "pause",
    "mute",
    "unmute",
    "loading",
    "loading...",
    "image",
    "photo",
    "caption",
    "updated",
    "published",
    "x",
    "close menu",
    "back to top",
    "top",
    "my account",
    "settings",
    "edition",
    "sections",
    "account",
    "keyboard shortcuts for audio player",
    "audio",
    "live tv",
    "live",
    "placeholder alt text",
    "see full bio",
    "full bio",
    "view gallery",
    "next",
    "previous",
    "prev",
    "follow us",
    "follow us:",
    "related",
    "most read",
    "trending",
    "breaking news",
    // Share and print tools printed near the headline (washingtonpost x2).
    "print article",
    "print this article",
    "share on google plus",
    "share on linkedin",
    "share via email",
};

// Phrases that mark a whole line as interface text wherever they occur.
constexpr std::string_view kBoilerplatePhrases[] = {
    "arrow button icon",
    "button icon",
    "all rights reserved",
    "expand/collapse",
    "keyboard shortcuts for",
    "<iframe",
    "amazon services llc associates program",
    "affiliate advertising program",
    "earn fees by linking",
    "trust principles",
    "thomson reuters trust",
    "enable javascript",
    "javascript is disabled",
    "your browser does not",
    "privacy policy",
    "terms of use",
    "terms of service",
    "cookie policy",
    "do not sell my",
    "ad choices",
    "adchoices",
    "sign up for our",
    "subscribe to our newsletter",
    "get the app",
    "download the app",
    "we may earn a commission",
    "we may receive compensation",
    "toggle caption",
    "enlarge this image",
    "accessibility for screenreader",
    "min read",
    "minute read",
    // Disclosures and comment furniture printed as sentences around the
    // story (9to5mac x2 "FTC: We use income earning auto affiliate links",
    // msn x2 "Microsoft may earn an Affiliate Commission", mentalfloss
    // "This article contains affiliate links", thehill x2 "View the
    // discussion thread.", thespacereview, yahoo "this video is not
    // available in your region").
    "affiliate links",
    "affiliate link ",
    "affiliate commission",
    "view the discussion thread",
    "moderating all comments",
    "this video is not available",
};

// Short headings that start the material after the story.
constexpr std::string_view kEndMarkers[] = {
    "about the author",
    "about the authors",
    "related topics",
    "most popular",
    "most read",
    "most viewed",
    "latest in",
    "top stories",
    "read more from",
    "more from",
    "you may also like",
    "you might also like",
    "recommended for you",
    "recommended stories",
    "show comments",
    "comments",
    "trending",
    "trending now",
    "more stories",
    "related stories",
    "related articles",
    "related content",
    "what to read next",
    "read next",
    "up next",
    "sponsored stories",
    "paid partner",
    "sponsor message",
    "news latest",
    "latest news",
    "more on this story",
    "around the web",
    "from the web",
    "promoted stories",
    "stories from",
    "popular now",
    "editors' picks",
    "editor's picks",
    "more news",
    "join the conversation",
    "share your thoughts",
    "topics",
    "tags",
    "read more about",
    "more in",
    "more coverage",
    "galleries",
};

// Leading phrases of credit lines that close a story.
constexpr std::string_view kCreditPrefixes[] = {
    "reporting by", "additional reporting", "editing by",    "edited by",         "writing by",
    "compiled by",  "research by",          "contributing:", "with reporting by", "-- cnn",
    "— cnn",
};

constexpr std::string_view kCreditPhrases[] = {
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "contributed reporting",
    "originally appeared on",
    "originally published on",
    "this article originally appeared",
    "this story originally appeared",
    "this article was originally published",
    "this story was originally",
    "contributed to this post",
    // medium "Originally published at www...", quantamagazine x2 "This
    // article was reprinted on Wired.com."
    "originally published at",
    "was reprinted on",
    "reprinted with permission",
};

// Phrases of photo and video captions, which pages print as sentences
// between the headline and the story or inside it: AP's "Jane Doe, left,
// speaks ..." (ctpost x2, sfgate), "pictured" (nj), "In this ... file photo"
// (yahoo), "This photo ... shows" (nationalgeographic).
constexpr std::string_view kCaptionPhrases[] = {
    ", left,",  ", right,",      ", center,",  "(left)",      "(right)",       "(center)",
    "pictured", "file photo",    "this photo", "photo shows", "in this image", "seen here",
    "photo by", "photograph by", "(photo",     "[photo",      "(video",        "watch:",
};

constexpr std::string_view kPromoPhrases[] = {
    "register now",
    "join us at",
    "sign up",
    "subscribe",
    "newsletter",
    "download the",
    "click here",
    "follow us",
    "get the app",
    "follow our coverage",
    "get our",
    "support our journalism",
    "become a member",
    "donate",
    "for the latest",
    // buzzfeed "Check out more articles on BuzzFeed.com!", gitlab "Read the
    // full 2024 Global DevSecOps Report", spiceworks "Head over to the
    // Spiceworks Community".
    "check out more",
    "read the full",
    "head over to",
};

constexpr std::string_view kTopicHeadings[] = {
    "related topics",
    "topics",
    "tags",
    "filed under",
    "filed in",
    "more on these topics",
    "explore more on these topics",
    "related subjects",
    "subjects",
    "categories",
    "topics in this article",
    "more about",
    "related tags",
    "keywords",
};

constexpr std::string_view kShareWords[] = {
    "facebook", "twitter",   "flipboard", "email",   "e-mail",    "linkedin", "whatsapp",
    "reddit",   "pinterest", "share",     "print",   "messenger", "x",        "copy link",
    "tumblr",   "sms",       "comments",  "comment", "save",
};

constexpr std::string_view kDateLabels[] = {
    "updated",  "published",     "posted",     "first published", "last updated",
    "modified", "last modified", "updated on", "published on",    "posted on",
};

// The last word of a desk byline ("Our Foreign Staff", "Telegraph
// Reporters", "Smart Shopping Team" on mentalfloss). "desk" and "board" are
// left out: "Help Desk" is navigation.
constexpr std::string_view kDeskWords[] = {
    "staff", "reporters", "correspondent", "correspondents", "editors",  "bureau",
    "wires", "newsroom",  "agencies",      "writers",        "staffers", "team",
};

constexpr std::string_view kOrgWords[] = {
    "Times",        "Post",        "News",      "Press",        "Herald",    "Journal",
    "Tribune",      "Agency",      "Network",   "Media",        "Daily",     "Gazette",
    "Telegraph",    "Guardian",    "Wire",      "Magazine",     "Radio",     "Television",
    "TV",           "Service",     "Group",     "Inc",          "Inc.",      "Ltd",
    "Ltd.",         "Corporation", "Chronicle", "Observer",     "Review",    "Standard",
    "Mirror",       "Express",     "Globe",     "Examiner",     "Inquirer",  "Register",
    "Bulletin",     "Courier",     "Monitor",   "Report",       "Today",     "Weekly",
    "Online",       "Insider",     "Channel",   "Broadcasting", "Institute", "University",
    "Associated",   "Reuters",     "Bloomberg", "Dispatch",     "Sentinel",  "Star-Tribune",
    "Post-Gazette", "Enquirer",    "Digest",
};

constexpr std::string_view kNameStopWords[] = {
    "email",     "bio",
    "follow",    "twitter",
    "facebook",  "share",
    "more",      "icon",
    "button",    "arrow",
    "see",       "full",
    "updated",   "published",
    "read",      "min",
    "video",     "photo",
    "photos",    "staff",
    "opinion",   "writer",
    "editor",    "contributor",
    "columnist", "the",
    "and",       "news",
    "home",      "menu",
    "search",    "subscribe",
    "sign",      "log",
    "login",     "print",
    "comments",  "advertisement",
    "sponsored", "live",
    "watch",     "listen",
    "audio",     "by",
    "with",      "for",
    "from",      "of",
    "in",        "on",
    "at",        "to",
    "a",         "an",
    "is",        "was",
    "has",       "about",
    "contact",   "terms",
    "privacy",   "policy",
    "world",     "politics",
    "business",  "sport",
    "sports",    "tech",
    "health",    "science",
    "opinions",  "section",
    "sections",  "trump",
    "president", "says",
    "said",
};

constexpr std::string_view kPhotoCreditWords[] = {
    "Getty",       "Images",       "AP",        "Photo",       "Photos",      "Reuters",    "AFP",
    "EPA",         "Shutterstock", "Bloomberg", "Courtesy",    "Handout",     "Pool",       "Alamy",
    "Corbis",      "Xinhua",       "Sipa",      "Zuma",        "Press",       "Associated", "Wire",
    "Photography", "Illustration", "iStock",    "iStockphoto", "Contributor",
};

constexpr std::string_view kCamelBrands[] = {
    "YouTube",    "iPhone",   "iPad",        "PayPal",     "LinkedIn", "JPMorgan",
    "BlackRock",  "OpenAI",   "PlayStation", "McDonald's", "McDonald", "WhatsApp",
    "TikTok",     "FedEx",    "GoPro",       "SpaceX",     "HuffPost", "BuzzFeed",
    "TechCrunch", "CNNMoney", "MarketWatch", "SoftBank",   "eBay",     "iOS",
    "macOS",      "WeChat",   "DeepMind",    "GitHub",     "NASDAQ",   "NewsHour",
};

// Words of job titles printed beside or instead of a byline ("Staff
// Writer", "BuzzFeed News Reporter", "Senior Staff Technologist"): a line of
// a few words with one of them is not a headline, and a byline part with one
// is not a name (cnet, latimes, buzzfeed, aclu, uproxx pages of pages-auto).
constexpr std::string_view kJobWords[] = {
    "editor",        "editors",     "writer",       "writers",      "reporter",  "reporters",
    "correspondent", "columnist",   "contributor",  "contributors", "producer",  "staff",
    "technologist",  "analyst",     "photographer", "intern",       "anchor",    "critic",
    "journalist",    "blogger",     "fellow",       "strategist",   "director",  "manager",
    "engineer",      "founder",     "co-founder",   "cofounder",    "ceo",       "editor-in-chief",
    "chief",         "designer",    "developer",    "researcher",   "scientist", "economist",
    "presenter",     "commentator", "contributing", "freelance",
};

// Common given names (English-speaking countries, with frequent European,
// Latin and Arabic ones): a byline whose names start with one is far more
// likely to sign the story than interface text shaped like a name ("Order
// Reprint", "House Call", "Car Reviews", "Cookie Settings" on miamiherald,
// apartmenttherapy, autoindustriya, al.com pages of pages-auto). A name not
// listed only lacks this evidence. Lower case, sorted.
constexpr std::string_view kGivenNames[] = {
    "aaron",       "abby",       "abdul",      "abigail",    "adam",      "adams",     "adrian",
    "adriana",     "adrienne",   "ahmed",      "aidan",      "aileen",    "aimee",     "alan",
    "alana",       "alastair",   "albert",     "alberto",    "alec",      "alejandro", "alex",
    "alexa",       "alexander",  "alexandra",  "alexandria", "alexis",    "alfred",    "ali",
    "alice",       "alicia",     "alison",     "alistair",   "allan",     "allen",     "allison",
    "alma",        "alvin",      "alyssa",     "amanda",     "amber",     "amelia",    "amir",
    "amit",        "amos",       "amy",        "ana",        "anastasia", "anderson",  "andre",
    "andrea",      "andreas",    "andrew",     "andy",       "angel",     "angela",    "angelica",
    "angie",       "anita",      "ann",        "anna",       "annabel",   "anne",      "annette",
    "annie",       "anthony",    "antoine",    "antonio",    "april",     "archie",    "ariana",
    "ariel",       "arjun",      "arlene",     "arnold",     "arthur",    "ashley",    "ashton",
    "aubrey",      "audrey",     "austin",     "ava",        "avery",     "barbara",   "barry",
    "beatrice",    "becky",      "ben",        "benedict",   "benjamin",  "bernard",   "bernie",
    "beth",        "bethany",    "betsy",      "betty",      "beverly",   "bianca",    "bill",
    "billy",       "blake",      "bob",        "bobby",      "bonnie",    "brad",      "bradley",
    "brandon",     "brenda",     "brendan",    "brent",      "brett",     "brian",     "briana",
    "bridget",     "brittany",   "brooke",     "bruce",      "bryan",     "bryce",     "caitlin",
    "caleb",       "callum",     "calvin",     "cameron",    "camila",    "candace",   "cara",
    "carl",        "carla",      "carlos",     "carly",      "carmen",    "carol",     "caroline",
    "carolyn",     "carrie",     "carter",     "casey",      "cassandra", "catherine", "cathy",
    "cecilia",     "celia",      "chad",       "charlene",   "charles",   "charlie",   "charlotte",
    "chase",       "chelsea",    "cheryl",     "chris",      "christian", "christina", "christine",
    "christopher", "chuck",      "cindy",      "claire",     "clara",     "clare",     "clarence",
    "claudia",     "clay",       "clayton",    "cliff",      "clifford",  "clint",     "cody",
    "colby",       "cole",       "colin",      "colleen",    "connor",    "conor",     "constance",
    "corey",       "courtney",   "craig",      "cristina",   "crystal",   "curtis",    "cynthia",
    "daisy",       "dale",       "damian",     "damon",      "dan",       "dana",      "daniel",
    "daniela",     "danielle",   "danny",      "daphne",     "darius",    "darren",    "dave",
    "david",       "davis",      "dawn",       "dean",       "deanna",    "debbie",    "deborah",
    "debra",       "declan",     "deirdre",    "denise",     "dennis",    "derek",     "desmond",
    "devin",       "devon",      "diana",      "diane",      "dianne",    "dmitri",    "dolores",
    "dominic",     "don",        "donald",     "donna",      "doris",     "dorothy",   "doug",
    "douglas",     "drew",       "duncan",     "dustin",     "dwight",    "dylan",     "earl",
    "ed",          "eddie",      "edgar",      "edith",      "edward",    "edwin",     "eileen",
    "elaine",      "eleanor",    "elena",      "eli",        "elias",     "elijah",    "elisa",
    "elisabeth",   "elise",      "eliza",      "elizabeth",  "ella",      "ellen",     "ellie",
    "elliot",      "elliott",    "elsa",       "emanuel",    "emilia",    "emily",     "emma",
    "emmanuel",    "eric",       "erica",      "erik",       "erin",      "ernest",    "ernesto",
    "esther",      "ethan",      "eugene",     "eva",        "evan",      "eve",       "evelyn",
    "fatima",      "felicia",    "felix",      "fernando",   "fiona",     "florence",  "frances",
    "francesca",   "francis",    "francisco",  "frank",      "franklin",  "fred",      "freddie",
    "frederick",   "gabriel",    "gabriela",   "gabrielle",  "gail",      "gareth",    "garrett",
    "gary",        "gavin",      "gemma",      "gene",       "geoff",     "geoffrey",  "george",
    "georgia",     "gerald",     "gerard",     "gil",        "gillian",   "gina",      "ginger",
    "giovanni",    "glen",       "glenn",      "gloria",     "gordon",    "grace",     "graham",
    "grant",       "greg",       "gregory",    "gretchen",   "guy",       "gwen",      "hailey",
    "haley",       "hamza",      "hannah",     "harold",     "harriet",   "harris",    "harrison",
    "harry",       "harvey",     "hassan",     "hayley",     "hazel",     "heather",   "hector",
    "heidi",       "helen",      "helena",     "henry",      "herbert",   "holly",     "howard",
    "hugh",        "hugo",       "ian",        "imogen",     "ingrid",    "irene",     "iris",
    "isaac",       "isabel",     "isabella",   "isaiah",     "ivan",      "jack",      "jackie",
    "jackson",     "jacob",      "jacqueline", "jade",       "jake",      "james",     "jamie",
    "jan",         "jane",       "janet",      "janice",     "jared",     "jason",     "javier",
    "jay",         "jean",       "jeanne",     "jeff",       "jeffrey",   "jen",       "jenna",
    "jennifer",    "jenny",      "jeremiah",   "jeremy",     "jerome",    "jerry",     "jess",
    "jesse",       "jessica",    "jill",       "jillian",    "jim",       "jimmy",     "jo",
    "joan",        "joann",      "joanna",     "joanne",     "jodi",      "jody",      "joe",
    "joel",        "joey",       "johanna",    "john",       "johnny",    "jon",       "jonah",
    "jonathan",    "jordan",     "jorge",      "jose",       "joseph",    "josephine", "josh",
    "joshua",      "joy",        "joyce",      "juan",       "judith",    "judy",      "julia",
    "julian",      "juliana",    "julie",      "juliet",     "june",      "justin",    "kaitlyn",
    "kara",        "karen",      "kari",       "karl",       "kate",      "katherine", "kathleen",
    "kathryn",     "kathy",      "katie",      "katrina",    "kay",       "kayla",     "keith",
    "kelly",       "kelsey",     "ken",        "kendra",     "kenneth",   "kenny",     "kerry",
    "kevin",       "kim",        "kimberly",   "kirk",       "kirsten",   "kristen",   "kristi",
    "kristin",     "kristina",   "kristine",   "kyle",       "kylie",     "lance",     "lara",
    "larry",       "laura",      "lauren",     "laurie",     "lawrence",  "leah",      "lee",
    "leigh",       "lena",       "leo",        "leon",       "leonard",   "leslie",    "lewis",
    "lia",         "liam",       "lila",       "lily",       "linda",     "lindsay",   "lindsey",
    "lisa",        "liz",        "liza",       "logan",      "lois",      "lola",      "lorena",
    "lori",        "louis",      "louise",     "lucas",      "lucia",     "lucy",      "luis",
    "luke",        "lydia",      "lynn",       "mackenzie",  "madeline",  "madison",   "maggie",
    "malcolm",     "mandy",      "manuel",     "marc",       "marcia",    "marco",     "marcus",
    "margaret",    "marguerite", "maria",      "mariah",     "marian",    "marie",     "marilyn",
    "marina",      "mario",      "marion",     "marissa",    "mark",      "marsha",    "martha",
    "martin",      "marvin",     "mary",       "mason",      "matt",      "matthew",   "maura",
    "maureen",     "max",        "maxine",     "maya",       "meg",       "megan",     "melanie",
    "melissa",     "meredith",   "mia",        "michael",    "michaela",  "michele",   "michelle",
    "miguel",      "mike",       "mildred",    "miles",      "milo",      "miranda",   "misty",
    "mitch",       "mitchell",   "mohamed",    "mohammad",   "mohammed",  "molly",     "monica",
    "morgan",      "muhammad",   "nadia",      "nancy",      "naomi",     "natalie",   "natasha",
    "nate",        "nathan",     "nathaniel",  "neal",       "neil",      "nelson",    "nicholas",
    "nick",        "nicola",     "nicole",     "nigel",      "nina",      "noah",      "noel",
    "nora",        "norman",     "olivia",     "omar",       "oscar",     "owen",      "paige",
    "pamela",      "patricia",   "patrick",    "patty",      "paul",      "paula",     "pauline",
    "pedro",       "peggy",      "penelope",   "penny",      "perry",     "pete",      "peter",
    "phil",        "philip",     "phillip",    "phoebe",     "priya",     "rachel",    "rafael",
    "ralph",       "ramon",      "randall",    "randy",      "raquel",    "ray",       "raymond",
    "rebecca",     "reed",       "regina",     "reginald",   "rene",      "renee",     "rhonda",
    "ricardo",     "richard",    "rick",       "ricky",      "riley",     "rita",      "rob",
    "robert",      "roberta",    "roberto",    "robin",      "rodney",    "roger",     "roland",
    "ron",         "ronald",     "rosa",       "rose",       "rosemary",  "ross",      "roxanne",
    "roy",         "ruby",       "russell",    "ruth",       "ryan",      "sabrina",   "sadie",
    "sally",       "sam",        "samantha",   "samuel",     "sandra",    "sandy",     "sara",
    "sarah",       "sasha",      "scott",      "sean",       "sebastian", "serena",    "seth",
    "shane",       "shannon",    "sharon",     "shawn",      "sheila",    "shelby",    "shelley",
    "sheryl",      "shirley",    "sidney",     "simon",      "simone",    "sofia",     "sonia",
    "sophia",      "sophie",     "spencer",    "stacey",     "stacy",     "stan",      "stanley",
    "stefan",      "stella",     "stephanie",  "stephen",    "steve",     "steven",    "stewart",
    "stuart",      "sue",        "susan",      "suzanne",    "sydney",    "sylvia",    "tamara",
    "tammy",       "tanya",      "tara",       "taylor",     "ted",       "teresa",    "terrence",
    "terri",       "terry",      "tess",       "theresa",    "thomas",    "tiffany",   "tim",
    "timothy",     "tina",       "toby",       "todd",       "tom",       "tommy",     "toni",
    "tony",        "tracey",     "tracy",      "travis",     "trevor",    "tricia",    "trisha",
    "troy",        "tyler",      "valentina",  "valerie",    "vanessa",   "vera",      "veronica",
    "vicki",       "vicky",      "victor",     "victoria",   "vincent",   "violet",    "virginia",
    "vivian",      "wade",       "walter",     "wanda",      "warren",    "wayne",     "wendy",
    "wesley",      "whitney",    "will",       "william",    "willie",    "wilson",    "xavier",
    "yvonne",      "zach",       "zachary",    "zoe",
};

constexpr std::string_view kBylineLeads[] = {"by", "byby", "von", "par", "por", "door"};

// Texts shorter than this are searched without a ByteSet first.
constexpr std::size_t kShortText = 48;
// No alias is longer.
constexpr std::size_t kMaxAliasBytes = 60;

template <std::size_t N>
bool in_list(const std::string_view (&list)[N], std::string_view s) {
  for (std::string_view item : list) {
    if (item == s) return true;
  }
  return false;
}

template <std::size_t N>
bool any_prefix(const std::string_view (&list)[N], std::string_view s) {
  for (std::string_view item : list) {
    if (starts_with(s, item)) return true;
  }
  return false;
}

// A list of words or lines, sorted once for binary search.
class WordList {
 public:
  template <std::size_t N>
  explicit WordList(const std::string_view (&list)[N]) : sorted_(std::begin(list), std::end(list)) {
    std::sort(sorted_.begin(), sorted_.end());
  }
  bool contains(std::string_view s) const {
    return std::binary_search(sorted_.begin(), sorted_.end(), s);
  }

 private:
  std::vector<std::string_view> sorted_;
};

// The phrases of a list by their first byte, to find any of them in one
// pass over a text.
class PhraseIndex {
 public:
  template <std::size_t N>
  explicit PhraseIndex(const std::string_view (&list)[N]) {
    for (std::string_view phrase : list) {
      if (!phrase.empty()) by_first_[static_cast<unsigned char>(phrase[0])].push_back(phrase);
    }
  }

  // Phrases that start with a letter or digit match at the start of a word
  // only ("ad choices" is not in "road choices").
  bool found_in(std::string_view s) const {
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (i > 0 && is_word_byte(s[i]) && is_word_byte(s[i - 1])) continue;
      for (std::string_view phrase : by_first_[static_cast<unsigned char>(s[i])]) {
        if (phrase.size() <= s.size() - i && (phrase.size() < 2 || s[i + 1] == phrase[1]) &&
            s.compare(i, phrase.size(), phrase) == 0) {
          return true;
        }
      }
    }
    return false;
  }

 private:
  std::array<std::vector<std::string_view>, 256> by_first_;
};

template <std::size_t N>
bool any_contained(const std::string_view (&list)[N], std::string_view s) {
  if (s.size() < kShortText) {
    for (std::string_view item : list) {
      if (s.find(item) != std::string_view::npos) return true;
    }
    return false;
  }
  const ByteSet bytes(s);
  for (std::string_view item : list) {
    if (bytes.may_contain(item) && s.find(item) != std::string_view::npos) return true;
  }
  return false;
}

const WordList& places_list() {
  static const WordList list(kPlaces);
  return list;
}

const WordList& boilerplateLines_list() {
  static const WordList list(kBoilerplateLines);
  return list;
}

const WordList& shareWords_list() {
  static const WordList list(kShareWords);
  return list;
}

const WordList& dateLabels_list() {
  static const WordList list(kDateLabels);
  return list;
}

const WordList& deskWords_list() {
  static const WordList list(kDeskWords);
  return list;
}

const WordList& orgWords_list() {
  static const WordList list(kOrgWords);
  return list;
}

const WordList& nameStopWords_list() {
  static const WordList list(kNameStopWords);
  return list;
}

const WordList& photoCreditWords_list() {
  static const WordList list(kPhotoCreditWords);
  return list;
}

const WordList& camelBrands_list() {
  static const WordList list(kCamelBrands);
  return list;
}

const WordList& jobWords_list() {
  static const WordList list(kJobWords);
  return list;
}

const WordList& topicHeadings_list() {
  static const WordList list(kTopicHeadings);
  return list;
}

const WordList& stateCodes_list() {
  static const WordList list(kStateCodes);
  return list;
}

// Drops one trailing ':' so "Related Topics:" matches "related topics".
std::string_view strip_colon(std::string_view s) {
  if (!s.empty() && s.back() == ':') s.remove_suffix(1);
  return trim(s);
}

bool is_city_state(std::string_view lower) {
  const std::size_t comma = lower.rfind(", ");
  if (comma == std::string_view::npos || comma == 0) return false;
  const std::string_view state = trim(lower.substr(comma + 2));
  return stateCodes_list().contains(state) || places_list().contains(state);
}

// Every alias in lower case with its publisher, sorted; the first
// publisher of the table wins an alias two share.
using AliasIndex = std::vector<std::pair<std::string, const Publisher*>>;

const AliasIndex& alias_index() {
  static const AliasIndex index = [] {
    AliasIndex out;
    for (const Publisher& p : kPublishers) {
      for_each_alias(p, [&](std::string_view alias) { out.emplace_back(lower_ascii(alias), &p); });
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
  }();
  return index;
}

}  // namespace

const Publisher* publishers_begin() { return std::begin(kPublishers); }
const Publisher* publishers_end() { return std::end(kPublishers); }

const Publisher* find_publisher_exact(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > kMaxAliasBytes) return nullptr;
  const std::string lower = lower_ascii(text);
  const AliasIndex& index = alias_index();
  auto it =
      std::lower_bound(index.begin(), index.end(), lower,
                       [](const auto& entry, const std::string& key) { return entry.first < key; });
  return it != index.end() && it->first == lower ? it->second : nullptr;
}

// Every alias by its first byte, for one pass over a text.
using MentionIndex = std::array<std::vector<std::pair<std::string_view, std::size_t>>, 256>;

const MentionIndex& mention_index() {
  static const MentionIndex index = [] {
    MentionIndex out;
    for (std::size_t k = 0; k < std::size(kPublishers); ++k) {
      for_each_alias(kPublishers[k], [&](std::string_view alias) {
        if (!alias.empty()) out[static_cast<unsigned char>(alias[0])].emplace_back(alias, k);
      });
    }
    return out;
  }();
  return index;
}

const Publisher* find_publisher_mention(std::string_view text) {
  std::size_t best = std::size(kPublishers);
  for_each_mention(text, [&](const Publisher* p) {
    best = std::min(best, static_cast<std::size_t>(p - kPublishers));
  });
  return best < std::size(kPublishers) ? kPublishers + best : nullptr;
}

void for_each_mention_impl(std::string_view text, const std::function<void(const Publisher*)>& f) {
  const MentionIndex& index = mention_index();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i > 0 && is_word_byte(text[i - 1])) continue;
    for (const auto& [alias, k] : index[static_cast<unsigned char>(text[i])]) {
      const std::size_t end = i + alias.size();
      if (end > text.size() || (end < text.size() && is_word_byte(text[end]))) continue;
      if (text.compare(i, alias.size(), alias) == 0) f(kPublishers + k);
    }
  }
}

bool is_place(std::string_view label) {
  if (label.size() > 60) return false;
  const std::string lower = lower_ascii(collapse_spaces(label));
  return places_list().contains(lower) || is_city_state(lower);
}

bool is_boilerplate_line(std::string_view lower) {
  return boilerplateLines_list().contains(strip_colon(lower));
}

bool has_boilerplate_phrase(std::string_view lower) {
  static const PhraseIndex index(kBoilerplatePhrases);
  return index.found_in(lower);
}

// The heading of a comment section: "View comments (27)", "[ 167 comments
// ]", "Top Rated Comments", "Posted in Open thread | Permalink | 10
// Comments", "Leave a Reply" (aclu, macrumors, givewell, wptavern pages of
// pages-auto); not "He declined to comment."
bool is_comments_heading(std::string_view lower) {
  if (lower.size() > 80 || count_words(lower) > 10) return false;
  if (lower.find("leave a reply") != std::string_view::npos ||
      lower.find("leave a comment") != std::string_view::npos ||
      lower.find("post a comment") != std::string_view::npos ||
      lower.find("add a comment") != std::string_view::npos) {
    return true;
  }
  const std::size_t at = lower.find("comments");
  if (at == std::string_view::npos || (at > 0 && is_word_byte(lower[at - 1]))) return false;
  if (lower.find_first_of("0123456789") != std::string_view::npos) return true;
  for (std::string_view w : {"view", "show", "read", "top", "recent", "reader", "all", "closed"}) {
    if (contains_word(lower, w)) return true;
  }
  return false;
}

bool is_end_marker(std::string_view lower) {
  if (is_comments_heading(lower)) return true;
  if (lower.size() > 60) return false;
  const std::string_view s = strip_colon(lower);
  for (std::string_view m : kEndMarkers) {
    if (s == m) return true;
    if (starts_with(s, m) && s.size() > m.size() && s[m.size()] == ' ' &&
        (m == "latest in" || m == "more from" || m == "read more from" || m == "more in" ||
         m == "stories from" || m == "read more about")) {
      return true;
    }
  }
  return false;
}

bool is_credit_line(std::string_view lower) {
  if (lower.size() > 600) return false;
  // "(Reporting by ..." (venturebeat, from Reuters)
  if (!lower.empty() && (lower[0] == '(' || lower[0] == '[')) lower.remove_prefix(1);
  static const PhraseIndex index(kCreditPhrases);
  return any_prefix(kCreditPrefixes, lower) || index.found_in(lower);
}

bool is_promo(std::string_view lower) {
  static const PhraseIndex index(kPromoPhrases);
  return lower.size() < 1000 && index.found_in(lower);
}

bool has_caption_phrase(std::string_view lower) {
  static const PhraseIndex index(kCaptionPhrases);
  return lower.size() < 1000 && index.found_in(lower);
}

bool is_topic_heading(std::string_view lower) {
  return lower.size() < 40 && topicHeadings_list().contains(strip_colon(lower));
}

bool is_share_word(std::string_view lower) { return shareWords_list().contains(lower); }

bool is_date_label(std::string_view lower) {
  return dateLabels_list().contains(strip_colon(lower));
}

bool is_desk_word(std::string_view lower_word) { return deskWords_list().contains(lower_word); }

bool is_org_word(std::string_view word) { return orgWords_list().contains(word); }

bool is_name_stop_word(std::string_view lower_word) {
  return nameStopWords_list().contains(lower_word);
}

bool is_photo_credit_word(std::string_view word) { return photoCreditWords_list().contains(word); }

bool is_camel_brand(std::string_view word) { return camelBrands_list().contains(word); }

bool is_byline_lead(std::string_view lower_word) { return in_list(kBylineLeads, lower_word); }

bool is_job_word(std::string_view lower_word) { return jobWords_list().contains(lower_word); }

bool is_given_name(std::string_view lower_word) {
  return std::binary_search(std::begin(kGivenNames), std::end(kGivenNames), lower_word);
}

}  // namespace clean
}  // namespace news
