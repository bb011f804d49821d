/**
 * A minimal Astro adapter: the built server exports one function that
 * renders an address to a Response, in the renderer's own process. (A
 * Node HTTP adapter moved bytes at about 16 MB/s through loopback, which
 * was most of a publish at 3,300 units.)
 */
import type { AstroIntegration } from 'astro';

export function rendererAdapter(): AstroIntegration {
  return {
    name: 'congkhai-renderer',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // No sessions: nothing here is served to a person.
        updateConfig({ session: undefined });
      },
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'congkhai-renderer',
          // 'auto' is the recommended value; the rule reads the deprecation of 'explicit' on the shared property.
          // eslint-disable-next-line @typescript-eslint/no-deprecated
          entrypointResolution: 'auto',
          serverEntrypoint: new URL('./entry.ts', import.meta.url),
          adapterFeatures: { buildOutput: 'server' },
          supportedAstroFeatures: {
            serverOutput: 'stable',
            staticOutput: 'stable',
            hybridOutput: 'stable',
            // The site shows no images that need processing.
            sharpImageService: 'stable',
          },
        });
      },
    },
  };
}
