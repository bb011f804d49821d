/** Writes deploy/nginx/congkhai-site.conf from the header list (see nginx.ts). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nginxConfig } from './nginx.ts';

const file = fileURLToPath(new URL('../../../deploy/nginx/congkhai-site.conf', import.meta.url));
writeFileSync(file, nginxConfig());
console.log(`wrote ${file}`);
