// Reads the demo site's Wagtail v2 API (/api/v2/) with a third-party client, wagtail-js
// (https://www.npmjs.com/package/wagtail-js, its CMSClient), the way a headless front end would,
// and checks what the package's article page types serve.
//
// Usage: DEMO_URL=http://127.0.0.1:8125 node check.mjs
// Prints one line per check and exits 1 if any failed (2 if it could not run at all).
//
// Every HTTP read goes through the client. Plain fetch() is used only to add the HTTP status and
// the start of the body to a failure message, because the client's own errors carry neither.

import { isDeepStrictEqual } from "node:util";
import { CMSClient, FetchError } from "wagtail-js";

const DEMO_URL = (process.env.DEMO_URL || "http://127.0.0.1:8125").replace(/\/+$/, "");
const API_PATH = "/api/v2";
const PAGE_TYPES = ["wagtail_kratom.TopicOverviewPage", "wagtail_kratom.RiskSectionPage", "wagtail_kratom.SafeUseGuidePage"];
// Wagtail's database format for rich text; an API consumer must get HTML with real URLs instead.
const DB_RICH_TEXT = ["linktype=", "embedtype="];
const RELATED_SOURCES = ["editor", "suggested"];

// The client's default cache mode is "force-cache"; every read here must reach the server.
const client = new CMSClient({ baseURL: DEMO_URL, apiPath: API_PATH, cache: "no-store" });

class CheckFailure extends Error {}

let passed = 0;
const failures = [];

function fail(message) {
  throw new CheckFailure(message);
}

async function check(name, body) {
  try {
    const note = await body();
    passed += 1;
    console.log(`ok   ${name}${note ? `: ${note}` : ""}`);
  } catch (error) {
    const message = error instanceof CheckFailure ? error.message : `${error?.stack || error}`;
    failures.push(`${name}: ${message}`);
    console.log(`FAIL ${name}: ${message}`);
  }
}

// The URL the client requests for `path` and `queries` (it joins them the same way, unencoded).
function clientUrl(path, queries = {}) {
  const query = Object.entries(queries)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(",") : value}`)
    .join("&");
  return `${DEMO_URL}${API_PATH}/${path}/?${query}`;
}

// Why a read failed. The client's FetchError says only "Request failed with response: {}" (it
// serialises the Response object), so re-request the URL with plain fetch to report the status.
async function describeFailure(url, error) {
  let detail = error instanceof FetchError ? `wagtail-js ${error.code}` : `${error}`;
  try {
    const response = await fetch(url, { redirect: "manual" });
    const text = (await response.text()).replace(/\s+/g, " ").trim().slice(0, 300);
    detail += `; GET ${url} answers ${response.status} ${response.statusText}`;
    const location = response.headers.get("location");
    if (location) {
      detail += `, Location: ${location}`;
      if (new URL(location, url).origin !== new URL(DEMO_URL).origin) {
        detail += ` (the redirect leaves ${DEMO_URL}: the API builds its URLs from WAGTAILAPI_BASE_URL or the default Site's hostname and port, which do not match where the site is served)`;
      }
    }
    if (text) detail += `: ${text}`;
  } catch (fetchError) {
    detail += `; GET ${url} failed too: ${fetchError.cause?.message || fetchError.message}`;
  }
  return detail;
}

// On a failed request the client prints a long FETCH_REQUEST_ERROR dump to the console before it
// throws; the failure line says what matters, so hush it unless CHECK_VERBOSE is set.
async function quietly(call) {
  if (process.env.CHECK_VERBOSE) return call();
  const saved = { group: console.group, groupEnd: console.groupEnd, log: console.log, error: console.error };
  Object.assign(console, { group() {}, groupEnd() {}, log() {}, error() {} });
  try {
    return await call();
  } finally {
    Object.assign(console, saved);
  }
}

// One read through the client; `read` calls it, `url` is what it requests (for failure messages).
async function read(url, read) {
  let result;
  try {
    result = await quietly(read);
  } catch (error) {
    fail(await describeFailure(url, error));
  }
  // fetchPage() turns a failed read into { message, data } instead of throwing.
  if (result && typeof result === "object" && "message" in result && !("id" in result) && !("items" in result)) {
    const cause = result.data instanceof Error ? result.data : new Error(result.message);
    fail(`${result.message} (${await describeFailure(url, cause)})`);
  }
  return result;
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isNonEmptyString = (value) => typeof value === "string" && value.trim() !== "";

function checkDisclaimers(page) {
  const { disclaimers } = page;
  if (!Array.isArray(disclaimers)) fail(`"disclaimers" is ${JSON.stringify(disclaimers)}, not an array`);
  if (disclaimers.length === 0) fail(`"disclaimers" is empty: every article page must show its disclaimers`);
  disclaimers.forEach((item, index) => {
    if (!isObject(item)) fail(`disclaimers[${index}] is ${JSON.stringify(item)}, not an object`);
    for (const key of ["kind", "title", "body"]) {
      if (!isNonEmptyString(item[key])) fail(`disclaimers[${index}].${key} is ${JSON.stringify(item[key])}, not a non-empty string`);
    }
  });
  return disclaimers.map((item) => item.kind);
}

function checkRelatedArticles(page) {
  const related = page.related_articles;
  if (!Array.isArray(related)) fail(`"related_articles" is ${JSON.stringify(related)}, not an array`);
  const seen = new Set();
  let suggestedSeen = false;
  related.forEach((item, index) => {
    const where = `related_articles[${index}]`;
    if (!isObject(item)) fail(`${where} is ${JSON.stringify(item)}, not an object`);
    if (!Number.isInteger(item.id)) fail(`${where}.id is ${JSON.stringify(item.id)}, not an integer`);
    for (const key of ["title", "type"]) {
      if (!isNonEmptyString(item[key])) fail(`${where}.${key} is ${JSON.stringify(item[key])}, not a non-empty string`);
    }
    if (typeof item.summary !== "string") fail(`${where}.summary is ${JSON.stringify(item.summary)}, not a string`);
    // Only live, public pages are listed, so each has a URL a reader can follow.
    if (typeof item.url !== "string" || !/^https?:\/\/[^/]+\//.test(item.url)) {
      fail(`${where}.url is ${JSON.stringify(item.url)}, not an absolute http(s) URL`);
    }
    if (!RELATED_SOURCES.includes(item.source)) fail(`${where}.source is ${JSON.stringify(item.source)}, not "editor" or "suggested"`);
    // Documented: editor picks first, then suggestions; never the page itself, never a page twice.
    if (item.source === "suggested") suggestedSeen = true;
    else if (suggestedSeen) fail(`${where} is an editor pick listed after a suggestion`);
    if (item.id === page.id) fail(`${where} is the page itself`);
    if (seen.has(item.id)) fail(`${where} lists page ${item.id} a second time`);
    seen.add(item.id);
  });
  return related;
}

// Rich text must reach consumers as HTML; "body" and "intro" are required to be present and clean,
// and any other field that still holds the database format is reported too.
function checkRichText(page) {
  for (const key of ["body", "intro"]) {
    if (!(key in page)) fail(`"${key}" is missing`);
  }
  const dirty = Object.entries(page)
    .filter(([key]) => key !== "meta")
    .filter(([, value]) => DB_RICH_TEXT.some((marker) => JSON.stringify(value ?? "").includes(marker)))
    .map(([key]) => key);
  if (dirty.length) fail(`${dirty.map((key) => `"${key}"`).join(", ")} still hold(s) Wagtail's database rich text format (${DB_RICH_TEXT.join(" / ")})`);
}

function checkArticle(page, expected) {
  if (!isObject(page)) fail(`got ${JSON.stringify(page)?.slice(0, 200)}, not a page`);
  if (page.id !== expected.id) fail(`got page ${page.id}, expected page ${expected.id}`);
  if (page.meta?.type !== expected.type) fail(`got a ${page.meta?.type}, expected a ${expected.type}`);
  const kinds = checkDisclaimers(page);
  const related = checkRelatedArticles(page);
  checkRichText(page);
  const sources = related.map((item) => item.source);
  return (
    `disclaimers [${kinds.join(", ")}], ` +
    `${related.length} related (${sources.filter((s) => s === "editor").length} editor, ${sources.filter((s) => s === "suggested").length} suggested)`
  );
}

// The fields worked out per page, which the listing endpoint reads in batches (the package's
// ArticlePagesAPIViewSet) and the detail endpoint page by page: both must give the same answer.
const COMPARED_FIELDS = ["disclaimers", "related_articles"];

function checkSameAsDetail(page, detail) {
  if (!detail) return;
  const differing = COMPARED_FIELDS.filter((key) => !isDeepStrictEqual(page[key], detail[key]));
  if (differing.length) {
    fail(
      `${differing.join(", ")} differ(s) from the detail view /pages/${detail.id}/: ` +
        differing.map((key) => `listing ${JSON.stringify(page[key])} vs detail ${JSON.stringify(detail[key])}`).join("; "),
    );
  }
}

async function main() {
  console.log(`wagtail-js CMSClient against ${DEMO_URL}${API_PATH}/`);
  let pagesWithRelated = 0;
  let articlesChecked = 0;

  for (const type of PAGE_TYPES) {
    let listed = [];
    const listQueries = { type, fields: ["*"] };
    await check(`list ${type} (fetchPages, fields=*)`, async () => {
      const list = await read(clientUrl("pages", listQueries), () => client.fetchPages(listQueries));
      if (!Array.isArray(list?.items)) fail(`no "items" array in ${JSON.stringify(list)?.slice(0, 200)}`);
      if (list.items.length === 0) fail(`no pages (meta.total_count ${list.meta?.total_count})`);
      const wrongType = list.items.filter((item) => item.meta?.type !== type);
      if (wrongType.length) fail(`listed pages of other types: ${wrongType.map((item) => `${item.id} (${item.meta?.type})`).join(", ")}`);
      listed = list.items;
      return `${list.items.length} of ${list.meta?.total_count} (ids ${list.items.map((item) => item.id).join(", ")})`;
    });

    for (const item of listed) {
      const expected = { id: item.id, type };
      const slug = item.meta?.slug;
      let detail;
      articlesChecked += 1;

      await check(`${type} ${item.id} by id (fetchPage(${item.id}))`, async () => {
        const page = await read(clientUrl(`pages/${item.id}`), () => client.fetchPage(item.id));
        const summary = checkArticle(page, expected);
        detail = page;
        if (page.related_articles.length > 0) pagesWithRelated += 1;
        return summary;
      });

      await check(`${type} ${item.id} by slug (fetchPage("${slug}"))`, async () => {
        if (!isNonEmptyString(slug)) fail(`the listing gives no meta.slug for page ${item.id}`);
        // Without a type the v2 listing serves only the base fields, so name the type and ask for all.
        const queries = { type, fields: ["*"] };
        const page = await read(clientUrl("pages", { slug, ...queries }), () => client.fetchPage(slug, queries));
        // A slug is unique only among siblings; the demo's are unique site-wide.
        const summary = checkArticle(page, expected);
        checkSameAsDetail(page, detail);
        return summary;
      });

      await check(`${type} ${item.id} by html_path (/pages/find/)`, async () => {
        const htmlUrl = item.meta?.html_url;
        if (!isNonEmptyString(htmlUrl)) fail(`the listing gives no meta.html_url for page ${item.id}`);
        const htmlPath = new URL(htmlUrl).pathname;
        // The client has no function for find/, but its generic fetchContent() requests any API path;
        // it passes query values through as they are, so encode this one here. find/ answers with a
        // redirect to the page's detail URL, which fetch() follows.
        const queries = { html_path: encodeURIComponent(htmlPath) };
        const page = await read(clientUrl("pages/find", queries), () => client.fetchContent("pages/find", queries));
        checkArticle(page, expected);
        return `${htmlPath} -> page ${page.id}`;
      });
    }
  }

  await check("some article page has related articles", async () => {
    if (articlesChecked === 0) fail("no article page was read");
    if (pagesWithRelated === 0) fail(`none of the ${articlesChecked} article pages read by id has any related_articles`);
    return `${pagesWithRelated} of ${articlesChecked}`;
  });

  console.log(`\n${passed} passed, ${failures.length} failed`);
  if (failures.length) {
    console.error(`\nwagtail-js check of ${DEMO_URL}${API_PATH}/ failed:\n${failures.map((line) => `  - ${line}`).join("\n")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`wagtail-js check could not run: ${error?.stack || error}`);
  process.exit(2);
});
