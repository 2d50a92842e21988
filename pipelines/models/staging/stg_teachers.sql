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
        -- PE and arts teachers (督导评估办法 indicator 3: 体育、艺术（美术、音乐）专任教师), by subject list: 体育 and
        -- 体育与健康; 艺术 and its subjects in the 2022 compulsory curriculum (音乐, 美术, 舞蹈, 戏剧, 戏曲, 影视);
        -- spaces and case ignored
        coalesce(
            lower(replace(replace(trim(subject), ' ', ''), '　', '')) in (
                '体育', '体育与健康', '艺术', '音乐', '美术', '舞蹈', '戏剧', '戏曲', '影视',
                'physical_education', 'pe', 'arts', 'art', 'music', 'fine_arts', 'dance', 'drama', 'film'
            ),
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
