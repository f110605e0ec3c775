#!/usr/bin/env node
// Validates AsyncAPI documents with the official parser (schema + its built-in Spectral ruleset).
// Usage: node validate.mjs <document.yaml> [more documents...]
// Prints every diagnostic with its severity, rule, JSON path and line; exits 1 if any document has an error
// (or cannot be read or parsed at all), 0 otherwise. Warnings are shown but do not fail the build.
import { relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node validate.mjs <asyncapi.yaml> [...]');
  process.exit(2);
}

const parser = new Parser();
let failed = false;

for (const argument of files) {
  const path = resolve(argument);
  const file = relative(process.cwd(), path) || path;
  if (!existsSync(path)) {
    console.error(`✗ ${file}: no such file`);
    failed = true;
    continue;
  }
  let result;
  try {
    result = await fromFile(parser, path).parse();
  } catch (error) {
    console.error(`✗ ${file}: the parser failed: ${error?.message ?? error}`);
    failed = true;
    continue;
  }
  const diagnostics = result.diagnostics ?? [];
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning);
  for (const d of diagnostics) {
    const severity = (DiagnosticSeverity[d.severity] ?? String(d.severity)).toLowerCase();
    const where = d.path?.length ? '$.' + d.path.join('.') : '$';
    const line = d.range?.start ? `:${d.range.start.line + 1}` : '';
    console.log(`  ${severity.padEnd(11)} ${file}${line} ${where} [${d.code}] ${d.message}`);
  }
  if (errors.length > 0 || !result.document) {
    console.error(`✗ ${file}: ${errors.length} error(s), ${warnings.length} warning(s)`);
    failed = true;
  } else {
    const doc = result.document;
    console.log(`✓ ${file}: AsyncAPI ${doc.version()}, ${doc.channels().length} channels, `
      + `${doc.operations().length} operations, ${doc.messages().length} messages; `
      + `${warnings.length} warning(s)`);
  }
}

process.exit(failed ? 1 : 0);
