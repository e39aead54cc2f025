// Reads what a front end reads from an article page in the v3 API, with types generated from
// /api/v3/openapi.json (api.d.ts, by openapi-typescript). It is only compiled, with tsc --strict:
// a field the schema makes optional or nullable where the API always serves it fails the build.
import type { components } from "./api.d.ts";

type Schemas = components["schemas"];
type SafeUseGuide = Schemas["SafeUseGuidePageSchema"];
type RiskSection = Schemas["RiskSectionPageSchema"];
type TopicOverview = Schemas["TopicOverviewPageSchema"];

/** When the page is next due for review: null only on a draft that has never been reviewed. */
export function nextReviewDue(page: SafeUseGuide | RiskSection | TopicOverview): string | null {
  return page.review.next_review_due;
}

/** The title of the first disclaimer a reader must see. */
export function firstDisclaimerTitle(page: SafeUseGuide): string {
  const disclaimers: Schemas["DisclaimerData"][] = page.disclaimers;
  return disclaimers[0].title;
}

/** Where the first related article lives (null only when it has no URL on any site). */
export function firstRelatedUrl(page: RiskSection): string | null {
  return page.related_articles[0].url;
}

/** One reported amount, as a line of text: "1–3 g (powder, by mouth)". */
export function dosageLine(page: SafeUseGuide): string {
  const row: Schemas["DosageData"] = page.dosage[0];
  const range = row.max === null ? `${row.min ?? "?"}` : `${row.min ?? "?"}–${row.max}`;
  return `${range} ${row.unit_label} (${row.form_label}, ${row.route_label}), citations ${row.citations.join(", ")}`;
}

/** A hub's sections and key facts, which it may not have. */
export function hubFacts(page: TopicOverview): string[] {
  const names = page.at_a_glance?.other_names ?? [];
  return [...page.sections.map((section) => section.title), ...names, ...page.table_of_contents.map((h) => h.anchor)];
}
