-- int_school_score_moments: per school in an exam subject, the count, mean and sum of squared deviations (m2) of its students' scores and z-scores, read once for every mart that pools schools
-- grain: exam × subject × school
-- key: exam_id, subject, school_id
with scores as (
    select * from int_scores_z where has_score
),

-- n, mean and m2 = Σ (x − mean)² pool exactly over any set of schools (Chan, Golub & LeVeque): n = Σ n_j,
-- mean = Σ n_j·mean_j / n, m2 = Σ m2_j + Σ n_j·(mean_j − mean)². Raw scores for score_variance (an ANOVA in
-- score units), z for the gaps; z is NULL where the exam's sd is 0, so n_z can be 0 where n_scores is not.
final as (
    select
        exam_id,
        subject,
        school_id,
        -- the school as reported in its latest period among these scores (one value unless an exam's scores
        -- arrived over periods in which the school moved county or locality)
        arg_max(county, period) as county,
        arg_max(locality, period) as locality,
        count(*) as n_scores,
        -- exact sums, order-free at any thread count (exact_* macros, pipelines/models/runner.ts)
        exact_avg(score) as mean_score,
        exact_m2(score) as m2_score,
        count(z) as n_z,
        exact_avg(z) as mean_z,
        coalesce(exact_m2(z), 0) as m2_z
    from scores
    group by exam_id, subject, school_id
)

select * from final
