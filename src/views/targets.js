// What counts as "target met", in one place: the overview and the upload page ("Your data") both show
// the latest headline row against the configured targets.
/**
 * @param {object} row a headline row (share_schools_in_group, share_students_in_group, exchange_rate,
 *   max_cv_primary, max_cv_junior)
 * @param {object} targets config.targets (coverage_share, exchange_rate, cv_primary, cv_junior)
 * @returns {{coverage: Check, students: Check, exchange: Check, cv: {met: boolean}}} where a Check is
 *   {value, target, met, shortfall, progress}: shortfall = target − value when not met (a share: 0.087 is
 *   8.7 percentage points), else 0; met is null when there is no value
 */
export function targetChecks(row, targets) {
  const check = (value, target) => {
    if (value == null || target == null) return {value, target, met: null, shortfall: null, progress: null};
    const met = value >= target;
    return {value, target, met, shortfall: met ? 0 : target - value, progress: target > 0 ? value / target : 1};
  };
  // a section with no schools assessed has no coefficient: it does not count against the standard
  const within = (cv, limit) => cv == null || limit == null || cv <= limit;
  return {
    coverage: check(row.share_schools_in_group, targets.coverage_share),
    // the coverage target is a share of schools; the students' share is held to the same figure
    students: check(row.share_students_in_group, targets.coverage_share),
    exchange: check(row.exchange_rate, targets.exchange_rate),
    cv: {met: within(row.max_cv_primary, targets.cv_primary) && within(row.max_cv_junior, targets.cv_junior)}
  };
}

/** the resource standard (县域义务教育优质均衡督导评估办法): of seven indicators at least six met, the rest at
 * least 85% of the standard; pipelines/models/marts/school_resources.sql decides is_compliant, charts draw the line */
export const COMPLIANCE = {indicators: 7, needed: 6, floor: 0.85};
