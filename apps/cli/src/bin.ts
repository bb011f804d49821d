/** The `congkhai` command line: dispatches to one module per command. */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Locale } from '@congkhai/indicators';
import { checkFile, formatCheckResult, summary } from './check.ts';
import { writeDemo } from './demo.ts';
import { expandFileArgs } from './files.ts';
import { HELP } from './help.ts';
import { formatBacklog, importBacklog } from './backlog.ts';
import { importCommand, toJson, toReportFile } from './import.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${HELP}`);
  process.exit(2);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A progress bar on a terminal; nothing when stderr is a file or a pipe. */
function progress(index: number, total: number, file: string): void {
  if (!process.stderr.isTTY) return;
  const width = 24;
  const done = Math.round((width * (index - 1)) / Math.max(1, total));
  const bar = `${'█'.repeat(done)}${'░'.repeat(width - done)}`;
  const name = file.length > 50 ? `…${file.slice(-49)}` : file;
  process.stderr.write(`\r\x1b[K${bar} ${String(index)}/${String(total)} ${name}`);
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        lang: { type: 'string', default: 'vi' },
        help: { type: 'boolean', short: 'h', default: false },
        units: { type: 'string', default: '100' },
        periods: { type: 'string', default: '8' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
      },
    });
  } catch (e) {
    fail((e as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.lang !== 'vi' && values.lang !== 'en')
    fail(`--lang: vi hoặc en / vi or en (got "${values.lang}")`);
  const locale: Locale = values.lang;
  switch (command) {
    case 'check': {
      const files = expandFileArgs(rest);
      if (files.length === 0) fail('check: cần ít nhất một tệp / at least one file is needed');
      const results = files.map((f) => checkFile(f, locale));
      if (values.json) {
        const plain = results.map(({ report: _report, ...r }) => r);
        process.stdout.write(`${JSON.stringify(plain, null, 2)}\n`);
      } else {
        for (const r of results) process.stdout.write(`${formatCheckResult(r, locale)}\n`);
        process.stdout.write(`${summary(results, locale)}\n`);
      }
      return results.every((r) => r.valid) ? 0 : 1;
    }
    case 'import': {
      const [file, ...extra] = rest;
      if (!file || extra.length > 0)
        fail('import: cần đúng một tệp hoặc thư mục / exactly one file or folder is needed');
      if (isDirectory(file)) {
        const entries = await importBacklog(file, {
          locale,
          ...(values.out ? { out: values.out } : {}),
          onFile: progress,
        });
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        if (values.json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
        else process.stdout.write(formatBacklog(entries, locale));
        return entries.every((e) => e.ok) ? 0 : 1;
      }
      const r = await importCommand(file);
      if (!r.ok) {
        process.stderr.write(`${r.message[locale]}\n`);
        return 1;
      }
      if (values.json) {
        process.stdout.write(`${JSON.stringify(toJson(r.report, locale), null, 2)}\n`);
      } else {
        process.stdout.write(toReportFile(r.report));
        for (const w of r.report.warnings) process.stderr.write(`⚠ ${w.message[locale]}\n`);
      }
      return 0;
    }
    case 'demo': {
      const [units, periods, seed] = [values.units, values.periods, values.seed].map(Number);
      if (!values.out) fail('demo: --out THƯ_MỤC là bắt buộc / --out DIR is required');
      if (![units, periods, seed].every((n) => Number.isInteger(n) && (n ?? 0) > 0)) {
        fail('demo: --units, --periods, --seed là số nguyên dương / must be positive integers');
      }
      const n = await writeDemo(values.out, {
        units: units ?? 100,
        periods: periods ?? 8,
        seed: seed ?? 1,
      });
      process.stdout.write(
        `${String(n.units)} đơn vị, ${String(n.reports)} báo cáo → ${values.out}\n`,
      );
      return 0;
    }
    default:
      fail(`Lệnh không có / unknown command: ${command}`);
  }
}

process.exitCode = await main(process.argv.slice(2));
