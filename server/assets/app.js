// The news-search web page: a client of /api/* (docs/API.md). Story text is
// only ever inserted as text (textContent); the one exception is the
// API's snippet, which is HTML-escaped with <b> marks: it is rebuilt here
// from its text and marks, never assigned as HTML.
"use strict";

const FACETS = ["tag", "place", "author", "section", "source"];
const PAGE = 10;

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// The page's state lives in the URL: q, filter (FIELD=VALUE, repeated),
// sort, offset, similar, article, and collapse=0 when copies are not grouped.
function readState() {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get("q") || "",
    filters: p.getAll("filter"),
    sort: p.get("sort") || "relevance",
    offset: parseInt(p.get("offset") || "0", 10) || 0,
    similar: p.get("similar") || "",
    article: p.get("article") || "",
    collapse: p.get("collapse") !== "0",
  };
}

function stateUrl(s) {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  for (const f of s.filters) p.append("filter", f);
  if (s.sort && s.sort !== "relevance") p.set("sort", s.sort);
  if (s.offset) p.set("offset", String(s.offset));
  if (s.similar) p.set("similar", s.similar);
  if (s.article) p.set("article", s.article);
  if (s.collapse === false) p.set("collapse", "0");
  const qs = p.toString();
  return location.pathname + (qs ? "?" + qs : "");
}

function go(change) {
  const s = Object.assign(readState(), change);
  history.pushState(null, "", stateUrl(s));
  render();
}

// Filters of the month histogram are date ranges: since/until.
function splitFilters(filters) {
  const out = { exact: [], month: "" };
  for (const f of filters) {
    if (f.startsWith("month=")) out.month = f.slice(6);
    else out.exact.push(f);
  }
  return out;
}

function monthEnd(month) {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return month + "-" + String(last).padStart(2, "0");
}

async function api(path, params) {
  const qs = params ? "?" + params.toString() : "";
  const r = await fetch(path + qs);
  const j = await r.json();
  if (!r.ok) throw new Error(j.error || r.statusText);
  return j;
}

function searchParams(s) {
  const p = new URLSearchParams();
  if (s.q) p.set("q", s.q);
  const f = splitFilters(s.filters);
  for (const x of f.exact) p.append("filter", x);
  if (f.month) {
    p.set("since", f.month + "-01");
    p.set("until", monthEnd(f.month));
  }
  if (s.sort !== "relevance") p.set("sort", s.sort);
  if (s.offset) p.set("offset", String(s.offset));
  if (s.similar) p.set("similar", s.similar);
  if (s.collapse) p.set("collapse", "1");
  p.set("n", String(PAGE));
  for (const facet of FACETS) p.append("facet", facet);
  p.append("facet", "month");
  p.set("facet_limit", "12");
  return p;
}

// The API's snippet: HTML-escaped text with <b>...</b> around matches. It
// is parsed as text here: the escapes decoded, the marks made <b> nodes.
function snippetNode(snippet) {
  const out = el("p", { class: "snippet" });
  const decode = (t) =>
    t.replace(/&(amp|lt|gt|quot|#39);/g, (m, e) =>
      ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]);
  const parts = snippet.split(/(<b>|<\/b>)/);
  let bold = false;
  for (const part of parts) {
    if (part === "<b>") bold = true;
    else if (part === "</b>") bold = false;
    else if (part) out.append(bold ? el("b", {}, decode(part)) : document.createTextNode(decode(part)));
  }
  return out;
}

function hitNode(hit) {
  const meta = [hit.published ? hit.published.slice(0, 10) : null, hit.source, hit.section]
    .filter(Boolean).join(" · ");
  return el("li", { class: "hit" },
    el("a", { href: stateUrl(Object.assign(readState(), { article: hit.id })), class: "title",
              onclick: (e) => { e.preventDefault(); go({ article: hit.id }); } }, hit.title),
    el("div", { class: "meta" }, meta,
       hit.authors.length ? el("span", { class: "authors" }, " · " + hit.authors.join(", ")) : null),
    snippetNode(hit.snippet),
    hit.copies ? el("div", { class: "copies" }, "+ " + hit.copies +
      (hit.copies === 1 ? " copy" : " copies") +
      (hit.copy_sources.length ? " from " + hit.copy_sources.join(", ") : "")) : null,
    el("button", { class: "similar", type: "button",
                   onclick: () => go({ similar: hit.id, q: "", offset: 0, article: "" }) },
       "More like this"));
}

function facetNode(facet, values, state) {
  const box = el("fieldset", { class: "facet" }, el("legend", {}, facet));
  for (const v of values) {
    const f = facet + "=" + v.value;
    const on = state.filters.includes(f);
    const input = el("input", { type: "checkbox", "data-filter": f });
    input.checked = on;
    input.addEventListener("change", () => {
      const filters = on ? state.filters.filter((x) => x !== f) : state.filters.concat([f]);
      go({ filters, offset: 0 });
    });
    box.append(el("label", {}, input, " " + v.value + " ", el("span", { class: "count" }, v.count)));
  }
  return box;
}

function histogramNode(values, state) {
  const box = $("histogram");
  box.replaceChildren();
  if (!values || values.length === 0) return;
  const max = Math.max(...values.map((v) => v.count));
  for (const v of values) {
    const bar = el("button", { type: "button", class: "bar", title: v.value + ": " + v.count,
                               "aria-label": v.value + ": " + v.count });
    bar.style.height = Math.max(2, Math.round((60 * v.count) / max)) + "px";
    bar.addEventListener("click", () => {
      const filters = state.filters.filter((x) => !x.startsWith("month="));
      filters.push("month=" + v.value);
      go({ filters, offset: 0 });
    });
    box.append(bar);
  }
}

function chipsNode(state) {
  const box = $("chips");
  box.replaceChildren();
  for (const f of state.filters) {
    box.append(el("button", { type: "button", class: "chip",
      onclick: () => go({ filters: state.filters.filter((x) => x !== f), offset: 0 }) },
      f.replace("=", ": ") + " ×"));
  }
  if (state.similar) {
    box.append(el("button", { type: "button", class: "chip",
      onclick: () => go({ similar: "", offset: 0 }) }, "like: " + state.similar + " ×"));
  }
}

function pagerNode(results, state) {
  const box = $("pager");
  box.replaceChildren();
  if (state.offset > 0) {
    box.append(el("button", { type: "button", id: "prev",
      onclick: () => go({ offset: Math.max(0, state.offset - PAGE) }) }, "← Previous"));
  }
  // Collapsed, a page holds clusters: there are as many hits as clusters.
  const hits = state.collapse && results.clusters !== undefined ? results.clusters : results.total;
  if (state.offset + PAGE < Math.min(hits, 10000)) {
    box.append(el("button", { type: "button", id: "next",
      onclick: () => go({ offset: state.offset + PAGE }) }, "Next →"));
  }
}

async function renderSearch(state) {
  $("results").hidden = false;
  $("facets").hidden = false;
  $("article").hidden = true;
  let results;
  try {
    results = await api("/api/search", searchParams(state));
  } catch (err) {
    $("summary").textContent = "Error: " + err.message;
    $("hits").replaceChildren();
    return;
  }
  const from = results.total ? state.offset + 1 : 0;
  const to = state.offset + results.hits.length;
  $("summary").replaceChildren(...[el("span", { id: "total" }, results.total),
    " stories" + (state.collapse && results.clusters !== undefined ?
      " (" + results.clusters + " distinct)" : "") +
      (results.total ? ", showing " + from + "–" + to : ""),
    results.suggestion ? el("span", {}, " · did you mean ",
      el("a", { href: "#", onclick: (e) => { e.preventDefault(); go({ q: results.suggestion, offset: 0 }); } },
         results.suggestion), "?") : null].filter((x) => x !== null));
  $("hits").replaceChildren(...results.hits.map(hitNode));
  $("facets").replaceChildren(...FACETS.filter((f) => results.facets[f] && results.facets[f].length)
    .map((f) => facetNode(f, results.facets[f], state)));
  const months = (results.facets.month || []).slice().sort((a, b) => (a.value < b.value ? -1 : 1));
  histogramNode(months, state);
  chipsNode(state);
  pagerNode(results, state);
}

async function renderArticle(state) {
  const box = $("article");
  $("results").hidden = true;
  $("facets").hidden = true;
  box.hidden = false;
  box.replaceChildren(el("p", {}, "Loading…"));
  let a;
  try {
    a = await api("/api/article/" + encodeURIComponent(state.article));
  } catch (err) {
    box.replaceChildren(el("p", {}, "Error: " + err.message));
    return;
  }
  const back = el("button", { type: "button", id: "back", onclick: () => history.back() }, "← Back");
  const meta = [a.published ? a.published.slice(0, 10) : null, a.source, a.section]
    .filter(Boolean).join(" · ");
  const body = (a.body || "").split(/\n\n+/).map((p) => el("p", {}, p));
  box.replaceChildren(back, el("h1", { id: "article-title" }, a.title),
    a.dek ? el("p", { class: "dek" }, a.dek) : null,
    el("div", { class: "meta" }, meta),
    (a.authors || []).length ? el("div", { class: "authors" }, "By " + a.authors.join(", ")) : null,
    el("div", { class: "tags" }, ...(a.tags || []).map((t) => el("span", { class: "tag" }, t))),
    ...body,
    a.url ? el("p", {}, el("a", { href: a.url, rel: "noopener noreferrer" }, "Original story")) : null,
    el("button", { type: "button", class: "similar",
      onclick: () => go({ similar: a.id, q: "", offset: 0, article: "" }) }, "More like this"));
}

function render() {
  const state = readState();
  $("q").value = state.q;
  $("sort").value = state.sort;
  $("collapse").checked = state.collapse;
  return state.article ? renderArticle(state) : renderSearch(state);
}

document.addEventListener("DOMContentLoaded", () => {
  $("search-form").addEventListener("submit", (e) => {
    e.preventDefault();
    go({ q: $("q").value, offset: 0, similar: "", article: "" });
  });
  $("sort").addEventListener("change", () => go({ sort: $("sort").value, offset: 0 }));
  $("collapse").addEventListener("change", () => go({ collapse: $("collapse").checked, offset: 0 }));
  document.addEventListener("keydown", (e) => {
    if (e.key === "/" && document.activeElement !== $("q")) {
      e.preventDefault();
      $("q").focus();
    }
  });
  window.addEventListener("popstate", render);
  render();
});
