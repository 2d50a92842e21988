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
