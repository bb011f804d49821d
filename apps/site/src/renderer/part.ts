/**
 * `part.ts OUT`: the second renderer of a full build (see part-client.ts).
 * Loads the built site, reads the content (CONTENT_DIR) as the build's own
 * renderer does, says how much it found, then renders the pages it is
 * sent into OUT and answers each batch done. It ends with its parent.
 */
import { fileURLToPath } from 'node:url';
import { contentDir } from '../env.ts';
import { WIDTH, versionsOf, writePage } from './build.ts';
import type { PartReply, PartRequest } from './part-client.ts';
import { NewFiles } from './release.ts';
import { Renderer } from './renderer.ts';

const send = (m: PartReply) => process.send?.(m);
const fail = (e: unknown) => {
  send({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
};
process.on('disconnect', () => process.exit(0));

const [out = ''] = process.argv.slice(2);
const appDir = fileURLToPath(new URL('../../dist/app/', import.meta.url));

try {
  const renderer = await Renderer.start(appDir);
  const plan = await renderer.plan(true);
  const files = new NewFiles(out);
  const versions = await versionsOf(contentDir());
  process.on('message', (m: PartRequest) => {
    const queue = [...m.pages];
    const worker = async () => {
      for (let page = queue.shift(); page !== undefined; page = queue.shift())
        await writePage(renderer, out, files, versions, page, contentDir());
    };
    Promise.all(Array.from({ length: WIDTH }, worker)).then(
      () => send({ kind: 'done', done: m.pages.length }),
      fail,
    );
  });
  send({ kind: 'ready', reports: plan.reports, render: plan.render.length });
} catch (e) {
  fail(e);
}
