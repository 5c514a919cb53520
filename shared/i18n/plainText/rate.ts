/** How often a thing happens per second, said plainly: whole numbers from 10 up, else 0.1. */
export function rate(perSecond: number): string {
  return perSecond >= 10 ? String(Math.round(perSecond)) : String(Number(perSecond.toFixed(1)));
}
