-- int_t_quantiles: the 97.5% quantile of Student's t for 1 to 10,000 degrees of freedom, for two-sided 95% intervals where the number of schools (clusters) is small
-- grain: degrees of freedom
-- key: df
-- Up to 30 df: the tabled values (to 6 decimals, as scipy.stats.t.ppf(0.975, df) gives them). Above 30: the
-- Cornish–Fisher expansion of t in powers of 1/ν around z = Φ⁻¹(0.975) (Abramowitz & Stegun 26.7.5), whose
-- next term is below 5·10⁻⁷ at ν = 31. Beyond 10,000 df the quantile is z to 4 decimals: callers use 1.959964.
with tabled(df, t_975) as (
    values
        (1, 12.706205), (2, 4.302653), (3, 3.182446), (4, 2.776445), (5, 2.570582),
        (6, 2.446912), (7, 2.364624), (8, 2.306004), (9, 2.262157), (10, 2.228139),
        (11, 2.200985), (12, 2.178813), (13, 2.160369), (14, 2.144787), (15, 2.131450),
        (16, 2.119905), (17, 2.109816), (18, 2.100922), (19, 2.093024), (20, 2.085963),
        (21, 2.079614), (22, 2.073873), (23, 2.068658), (24, 2.063899), (25, 2.059539),
        (26, 2.055529), (27, 2.051831), (28, 2.048407), (29, 2.045230), (30, 2.042272)
),

normal as (
    -- z = Φ⁻¹(0.975)
    select 1.959963984540054::double as z
),

expanded as (
    select
        range::integer as df,
        -- t ≈ z + g₁/ν + g₂/ν² + g₃/ν³ + g₄/ν⁴
        z
            + (pow(z, 3) + z) / 4 / range
            + (5 * pow(z, 5) + 16 * pow(z, 3) + 3 * z) / 96 / pow(range, 2)
            + (3 * pow(z, 7) + 19 * pow(z, 5) + 17 * pow(z, 3) - 15 * z) / 384 / pow(range, 3)
            + (79 * pow(z, 9) + 776 * pow(z, 7) + 1482 * pow(z, 5) - 1920 * pow(z, 3) - 945 * z) / 92160 / pow(range, 4) as t_975
    from range(31, 10001)
    cross join normal
),

final as (
    select df::integer as df, t_975::double as t_975 from tabled
    union all
    select df, t_975 from expanded
)

select * from final
