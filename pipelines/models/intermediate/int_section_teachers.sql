-- int_section_teachers: teachers counted into school sections (by their section if given, else split by the sections' student shares)
-- grain: period × school × section
-- key: period, school_id, section
with teachers as (
    select * from stg_teachers
),

sections as (
    select * from int_school_sections
),

teacher_sections as (
    select
        teachers.period,
        teachers.school_id,
        teachers.teacher_id,
        teachers.is_full_time,
        teachers.is_backbone,
        teachers.is_pe_arts,
        teachers.degree_rank,
        teachers.section as taught_section,
        sections.section,
        sections.section_share,
        -- whether the teacher's school has the section the teacher gives (a teacher is one row of a period, a
        -- section one of its school's: the join adds no row). A join on equalities, not a window over every
        -- teacher's sections partitioned by the 20-digit id (province: 4.5 → 1.1 s, NOTES.md)
        own.section is not null as has_own_section
    from teachers
    inner join sections
        on teachers.period = sections.period
        and teachers.school_id = sections.school_id
    left join sections as own
        on teachers.period = own.period
        and teachers.school_id = own.school_id
        and teachers.section = own.section
),

-- a teacher counts 1 in the section taught, or section_share in each section when no (matching) section is given
weighted as (
    select
        *,
        case
            when has_own_section then (taught_section = section)::integer::double
            else section_share
        end as weight,
        -- 督导评估办法: primary teachers need 专科 (associate) or above, junior teachers 本科 (bachelor) or above
        case section when 'primary' then 3 else 4 end as required_degree_rank
    from teacher_sections
),

final as (
    select
        period,
        school_id,
        section,
        -- shares summed exactly, order-free at any thread count (exact_sum, pipelines/models/runner.ts)
        coalesce(exact_sum(case when is_full_time then weight end), 0)::double as n_full_time,
        coalesce(exact_sum(case when is_full_time and degree_rank >= required_degree_rank then weight end), 0)::double as n_qualified,
        -- 督导评估办法 indicator 2 counts 骨干教师 among full-time teachers (专任教师) only
        coalesce(exact_sum(case when is_full_time and is_backbone then weight end), 0)::double as n_backbone,
        coalesce(exact_sum(case when is_full_time and is_pe_arts then weight end), 0)::double as n_pe_arts
    from weighted
    group by period, school_id, section
)

select * from final
