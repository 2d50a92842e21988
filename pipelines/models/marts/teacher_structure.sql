-- teacher_structure: full-time teachers per school: pupil–teacher ratio, senior titles, degrees, backbone teachers
-- grain: period × school
-- key: period, school_id
with schools as (
    select * from stg_schools
),

teachers as (
    select * from stg_teachers
),

teacher_counts as (
    select
        period,
        school_id,
        count(*) filter (where is_full_time) as n_teachers,
        count(*) filter (where is_full_time and is_senior_title) as n_senior_title,
        count(*) filter (where is_full_time and degree_rank >= 4) as n_bachelor_plus,
        count(*) filter (where is_full_time and is_backbone) as n_backbone
    from teachers
    group by period, school_id
),

final as (
    select
        schools.period,
        schools.school_id,
        schools.school_name,
        schools.county,
        schools.stage,
        schools.locality,
        schools.students::integer as n_students,
        coalesce(teacher_counts.n_teachers, 0)::integer as n_teachers,
        (schools.students / nullif(teacher_counts.n_teachers, 0))::double as students_per_teacher,
        -- senior or senior_professor title (高级、正高级)
        (teacher_counts.n_senior_title / nullif(teacher_counts.n_teachers, 0))::double as share_senior_title,
        (teacher_counts.n_bachelor_plus / nullif(teacher_counts.n_teachers, 0))::double as share_bachelor_plus,
        -- full-time backbone teachers (county level or higher) ×100 / students (督导评估办法 indicator 2)
        (coalesce(teacher_counts.n_backbone, 0) * 100 / nullif(schools.students, 0))::double as backbone_per_100
    from schools
    left join teacher_counts
        on schools.period = teacher_counts.period
        and schools.school_id = teacher_counts.school_id
)

select * from final
