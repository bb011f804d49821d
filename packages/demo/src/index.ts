export { generateDemo, type DemoContent, type DemoOptions } from './generate.ts';
export { demoFiles, type DemoVersion } from './publication.ts';
