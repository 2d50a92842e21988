-- stg_exchanges: teacher exchanges (交流轮岗) with the school year (Sep 1 – Aug 31) in which each starts
-- grain: exchange (teacher × start date)
-- key: teacher_id, start_date
with source as (
    select * from raw_exchanges
),

final as (
    select
        period,
        teacher_id,
        from_school_id,
        to_school_id,
        start_date,
        end_date,
        kind,
        case
            when month(start_date) >= 9 then concat(year(start_date), '-', year(start_date) + 1)
            else concat(year(start_date) - 1, '-', year(start_date))
        end as school_year
    from source
)

select * from final
