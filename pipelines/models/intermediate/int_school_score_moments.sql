-- int_school_score_moments: per school in an exam subject, the count, mean and sum of squared deviations (m2) of its students' scores and z-scores, read once for every mart that pools schools
-- grain: exam × subject × school
-- key: exam_id, subject, school_id
with scores as (
    select * from int_scores_z where has_score
),

exam_schools as (
    select * from int_exam_schools
),

-- n, mean and m2 = Σ (x − mean)² pool exactly over any set of schools (Chan, Golub & LeVeque): n = Σ n_j,
-- mean = Σ n_j·mean_j / n, m2 = Σ m2_j + Σ n_j·(mean_j − mean)². Raw scores for score_variance (an ANOVA in
-- score units), z for the gaps; z is NULL where the exam's sd is 0, so n_z can be 0 where n_scores is not.
moments as (
    select
        exam_id,
        subject,
        school_id,
        count(*) as n_scores,
        -- exact sums, order-free at any thread count (exact_* macros, pipelines/models/runner.ts)
        exact_avg(score) as mean_score,
        exact_m2(score) as m2_score,
        -- exam_school's sd (DuckDB binds the sums it shares with m2_score once)
        exact_stddev_samp(score) as sd_score,
        count(z) as n_z,
        exact_avg(z) as mean_z,
        coalesce(exact_m2(z), 0) as m2_z
    from scores
    group by exam_id, subject, school_id
),

final as (
    select
        moments.exam_id,
        moments.subject,
        moments.school_id,
        -- the school as reported in its latest period among its scores of the exam, present or absent (one value
        -- unless the exam's scores arrived over periods in which the school moved county or locality): the same
        -- county and locality as exam_school's
        exam_schools.county,
        exam_schools.locality,
        moments.n_scores,
        moments.mean_score,
        moments.m2_score,
        moments.sd_score,
        moments.n_z,
        moments.mean_z,
        moments.m2_z
    from moments
    inner join exam_schools
        on moments.exam_id = exam_schools.exam_id
        and moments.subject = exam_schools.subject
        and moments.school_id = exam_schools.school_id
)

select * from final
