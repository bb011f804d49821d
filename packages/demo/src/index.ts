export { generateDemo, type DemoContent, type DemoOptions } from './generate.ts';
export type { DemoVersion } from './publication.ts';
