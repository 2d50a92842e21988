-- stg_teachers: teachers at each period's end, categorised for the resource indicators; birth year and gender are dropped here
-- grain: period × teacher
-- key: period, teacher_id
with source as (
    select * from raw_teachers
),

final as (
    select
        period,
        teacher_id,
        school_id,
        subject,
        -- PE, music and art teachers (督导评估办法 indicator 3)
        coalesce(
            lower(subject) in ('体育', '体育与健康', '音乐', '美术', 'physical_education', 'pe', 'music', 'art'),
            false
        ) as is_pe_arts,
        title,
        title in ('senior', 'senior_professor') as is_senior_title,
        degree,
        case degree
            when 'doctorate' then 6
            when 'master' then 5
            when 'bachelor' then 4
            when 'associate' then 3
            when 'secondary' then 2
            when 'below' then 1
        end as degree_rank,
        backbone_level,
        backbone_level in ('county', 'municipal', 'provincial', 'national') as is_backbone,
        is_full_time,
        section,
        school_start_date,
        carried_from
    from source
)

select * from final
