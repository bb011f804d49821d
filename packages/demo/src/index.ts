export { generateDemo, type DemoContent, type DemoOptions } from './generate.ts';
