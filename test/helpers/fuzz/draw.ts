/** Small draws from fast-check's generator, so that the code building a request reads as choices. */
import fc from 'fast-check';

export const pick = <T,>(g: fc.GeneratorValue, xs: readonly T[]): T => g(() => fc.constantFrom(...xs));
export const chance = (g: fc.GeneratorValue, inTen: number) => g(fc.integer, { min: 1, max: 10 }) <= inTen;
