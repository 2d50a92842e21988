-- group_bundled: 捆绑考核 — each group's lead and members evaluated as one: a weighted mean of the lead's and the members' mean z-score in an exam, and its change since the group's previous exam of the same kind
-- grain: exam × subject × group
-- key: exam_id, subject, group_id
with moments as (
    select * from int_school_score_moments
),

exam_memberships as (
    select * from int_exam_memberships
),

exams as (
    select * from exam_list
),

settings as (
    select * from cfg_settings
),

-- each side's students and mean z: the lead school's, and the members' pooled over their students
-- (Σ n_j z̄_j / Σ n_j, so a large member weighs more than a small one within the members' side)
sides as (
    select
        exam_memberships.exam_id,
        exam_memberships.subject,
        exam_memberships.group_id,
        count(*) filter (where not exam_memberships.is_lead) as n_member_schools,
        coalesce(sum(moments.n_z) filter (where exam_memberships.is_lead), 0) as n_lead,
        coalesce(sum(moments.n_z) filter (where not exam_memberships.is_lead), 0) as n_members,
        -- exact sums, order-free at any thread count (exact_* macros, pipelines/models/runner.ts)
        exact_sum(case when exam_memberships.is_lead then moments.n_z * moments.mean_z end)
            / nullif(sum(moments.n_z) filter (where exam_memberships.is_lead), 0) as lead_z,
        exact_sum(case when not exam_memberships.is_lead then moments.n_z * moments.mean_z end)
            / nullif(sum(moments.n_z) filter (where not exam_memberships.is_lead), 0) as members_z
    from exam_memberships
    inner join moments
        on exam_memberships.exam_id = moments.exam_id
        and exam_memberships.subject = moments.subject
        and exam_memberships.school_id = moments.school_id
    where moments.n_z > 0
    group by exam_memberships.exam_id, exam_memberships.subject, exam_memberships.group_id
),

-- bundled = w·lead + (1 − w)·members, w = bundled.lead_weight (config, default 0.5: the lead answers for its
-- members as much as for itself — 甘州区 plan: 乡镇学校的质量评价结果按一定比例纳入牵头学校考核，捆绑结账).
-- NULL when a side sat no one or has fewer than min_n students (is_suppressed)
scored as (
    select
        sides.*,
        exams.exam_date,
        exams.exam_scope,
        exams.grade,
        settings.bundled_lead_weight as lead_weight,
        sides.n_lead = 0 or sides.n_members = 0 as is_one_sided,
        (sides.n_lead > 0 and sides.n_lead < settings.min_n)
            or (sides.n_members > 0 and sides.n_members < settings.min_n) as is_suppressed
    from sides
    inner join exams
        on sides.exam_id = exams.exam_id
        and sides.subject = exams.subject
    cross join settings
),

valued as (
    select
        *,
        case when not is_one_sided and not is_suppressed
            then lead_weight * lead_z + (1 - lead_weight) * members_z end as bundled_z
    from scored
),

-- change: against the group's latest earlier exam in the same subject and of the same kind (exam_scope:
-- district-wide with district-wide, group joint with group joint), whose bundled score is known. z is relative
-- to the exam's own students, so the change is a change in standing, not in marks.
known as (
    select
        exam_id,
        subject,
        group_id,
        lag(exam_id) over (partition by group_id, subject, exam_scope order by exam_date, exam_id) as previous_exam_id,
        bundled_z - lag(bundled_z) over (partition by group_id, subject, exam_scope order by exam_date, exam_id)
            as bundled_change
    from valued
    where bundled_z is not null
),

with_previous as (
    select valued.*, known.previous_exam_id, known.bundled_change
    from valued
    left join known
        on valued.exam_id = known.exam_id
        and valued.subject = known.subject
        and valued.group_id = known.group_id
),

final as (
    select
        exam_id,
        subject,
        group_id,
        exam_date,
        exam_scope,
        grade,
        n_member_schools::integer as n_member_schools,
        n_lead::integer as n_lead,
        n_members::integer as n_members,
        lead_weight::double as lead_weight,
        bundled_z::double as bundled_z,
        previous_exam_id,
        bundled_change::double as bundled_change,
        is_suppressed
    from with_previous
)

select * from final
