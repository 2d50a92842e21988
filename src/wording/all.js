// Every wording area, for what needs them all at once: test/wording/wording.test.ts (every key in both
// languages, none twice), the site's config (header, footer) and pipelines/site/pages.js (page titles),
// which run at build time. No page imports this: a page loads only the areas its view names (index.js).
import balance from "./balance.js";
import columns from "./column.js";
import codebook from "./codebook.js";
import common from "./common.js";
import coverage from "./coverage.js";
import downloads from "./downloads.js";
import explorer from "./explorer.js";
import gaps from "./gaps.js";
import group from "./group.js";
import groups from "./groups.js";
import labels from "./label.js";
import methodology from "./methodology.js";
import overview from "./overview.js";
import revisions from "./revisions.js";
import school from "./school.js";
import site from "./site.js";
import teachers from "./teachers.js";
import upload from "./upload.js";
import valueAdded from "./valueAdded.js";
import {wording} from "./index.js";

export {formats, LOCALES, SHARED} from "./index.js";

/** area name → its entries; add a new file here (its name is the keys' first part) */
export const AREAS = {balance, codebook, column: columns, common, coverage, downloads, explorer, gaps, group, groups, label: labels, methodology, overview, revisions, school, site, teachers, upload, valueAdded};

export const CATALOGUE = Object.assign({}, ...Object.values(AREAS));

/** t, has, label and column over every area */
export const {t, has, label, column} = wording(...Object.values(AREAS));
