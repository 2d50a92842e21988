// Axis ticks for counts (teachers, schools): whole numbers only, so a count of 2 never shows 0.2, 0.4 ….

/** whole-number ticks from 0 to max, about `count` of them, one step of 1, 2 or 5 × 10ⁿ apart */
export function integerTicks(max, count) {
  const rough = Math.max(1, max / Math.max(1, count));
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= rough);
  const ticks = [];
  for (let x = 0; x <= max; x += step) ticks.push(x);
  return ticks;
}

/**
 * Ticks from lo to hi, one step of 1, 2 or 5 × 10ⁿ apart, about `count` of them — fewer when the format
 * would print two ticks alike (a value-added axis spanning ±0.02 at two decimals showed "-0.01 -0.01 0.00 …").
 */
export function distinctTicks(lo, hi, count, format) {
  if (!(hi > lo)) return [lo];
  for (let n = Math.max(2, count); n >= 1; n--) {
    const rough = (hi - lo) / n;
    const power = 10 ** Math.floor(Math.log10(rough));
    const step = [1, 2, 5, 10].map((k) => k * power).find((s) => s >= rough);
    const ticks = [];
    // integer multiples of the step, so that 0 is a tick whenever the range holds it
    for (let i = Math.ceil(lo / step); i * step <= hi + step * 1e-9; i++) ticks.push(Object.is(i * step, -0) ? 0 : i * step);
    const labels = ticks.map(format);
    if (new Set(labels).size === labels.length) return ticks;
  }
  return [lo, hi];
}
