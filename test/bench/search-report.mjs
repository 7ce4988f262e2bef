// Search benchmark helpers (other benchmarks may copy them): percentiles and docs/performance.md sections.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (v) => `${v.toFixed(1)} ms`;

/** Replaces (or appends) the `## <title>` section of docs/performance.md, leaving the others alone. */
export function writeSection(file, title, body) {
  const header = '# Performance\n\nMeasured by `npm run bench` on the project machine (2 shared cores). Each section is rewritten by its own benchmark.\n';
  let text = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const heading = `## ${title}\n`;
  const start = text.indexOf(heading);
  const section = `${heading}\n${body.trim()}\n\n`;
  if (start < 0) text = `${text.trimEnd()}\n\n${section}`;
  else {
    const next = text.indexOf('\n## ', start + heading.length);
    text = text.slice(0, start) + section + (next < 0 ? '' : text.slice(next + 1));
  }
  writeFileSync(file, text.trimEnd() + '\n');
}
