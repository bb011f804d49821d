/** The public site's code, built once for the run (the publisher renders with it). */
import { buildSiteCode } from '@congkhai/site/renderer';

export default function setup(): void {
  buildSiteCode();
}
