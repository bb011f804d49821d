// Adds up the Vitest JSON reports of every package into one closing line
// ("N passed, N failed"), so a reader (and CI) sees the whole suite at once.
import { readFileSync, globSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const files = globSync('{apps,packages}/*/test-results.json');
for (const file of files) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  console.log(
    `${file.split('/').slice(0, 2).join('/')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`,
  );
}
if (files.length === 0 || passed + failed === 0) {
  console.log('no test ran');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
