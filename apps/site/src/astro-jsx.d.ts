// ESLint reads an .astro template as TSX (astro-eslint-parser), where an
// element's type is the global JSX.Element; Astro declares no global JSX, so
// every `{list.map((x) => <li>…</li>)}` was an error-typed value to the
// type-aware rules (no-unsafe-return). The declaration eslint-plugin-astro's
// user guide gives for it (ota-meshi/eslint-plugin-astro#168); Astro's own
// type checking (astro check) does not read this global.
import 'astro/astro-jsx';

declare global {
  namespace JSX {
    type Element = HTMLElement;
    type IntrinsicElements = astroHTML.JSX.IntrinsicElements;
  }
}
