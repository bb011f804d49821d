/** Builds the site's code (dist/app) once for the test run, from the sources as they are. */
import { buildSiteCode } from '../src/renderer/commands.ts';

export default function setup(): void {
  buildSiteCode();
}
