import { performance } from 'node:perf_hooks';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { itemAt } from '../src/lib/indexed';
import { DELETE } from './audience-bench';
import { graphql } from './http';
import { median } from './timing';

const LINES = 100_000;
const BUDGET_SECONDS = 5;

/**
 * 100,000 lines as a marketer pastes them: ~70 % e-mails (some in capitals, which normalise to an
 * address given earlier), ~30 % phones in the national format of `region`, ~1 % invalid lines,
 * ~20 % with a `;Name`, ~2 % repeating an earlier line. Deterministic; says how many lines it made
 * invalid and repeated, so the import's report can be checked.
 */
export function importText(region: string): { text: string; invalid: number; duplicates: number } {
  let state = 7;
  const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const example = getExampleNumber(region as CountryCode, examples)?.nationalNumber;
  if (!example) throw new Error(`No example phone number for DEFAULT_PHONE_REGION=${region}`);
  const phone = (i: number) => parsePhoneNumberFromString(example.slice(0, -5) + String(i % 100_000).padStart(5, '0'), region as CountryCode)!.formatNational();
  const BAD = ['not an address', 'jan.kowalski@', '12-34', '@example.com', 'anna@@example.com', 'tel. unknown'];
  const lines: string[] = [];
  const addresses: string[] = [];
  let invalid = 0;
  let duplicates = 0;
  for (let i = 0; lines.length < LINES; i++) {
    const r = random();
    if (r < 0.01 && i > 0) {
      lines.push(`${BAD[i % BAD.length]};Broken ${i}`);
      invalid++;
    } else if (r < 0.03 && addresses.length) {
      const earlier = itemAt(addresses, Math.floor(random() * addresses.length));
      lines.push(earlier.includes('@') && random() < 0.5 ? earlier.toUpperCase() : earlier);
      duplicates++;
    } else {
      const address = random() < 0.7 ? `${random() < 0.1 ? 'Reader' : 'reader'}.${i}@example-${i % 97}.com` : phone(i);
      addresses.push(address.toLowerCase());
      lines.push(random() < 0.2 ? `${address};Reader ${i}` : address);
    }
  }
  return { text: lines.join('\n'), invalid, duplicates };
}

/**
 * `importStaticSegment` of 100,000 lines, end to end over HTTP (one call), into a fresh static
 * segment each time (created and deleted outside the timing); median of `runs` (the budget: < 5 s).
 */
export async function benchImport(url: string, region: string, runs: number): Promise<number> {
  const { text, invalid, duplicates } = importText(region);
  const expected = { lines: LINES, imported: LINES - invalid - duplicates, invalidCount: invalid, duplicatesInInput: duplicates };
  const seconds: number[] = [];
  let report: Record<string, number> = {};
  for (let run = 0; run < runs; run++) {
    const created = await graphql(url, `mutation { createSegment(input: { name: "bench: import ${run + 1}", kind: STATIC }) { segment { id } errors { message } } }`);
    const id: string = created.createSegment.segment.id;
    try {
      const start = performance.now();
      const data = await graphql(
        url,
        `
          mutation ($id: ID!, $text: String!) {
            importStaticSegment(id: $id, text: $text) {
              errors {
                message
              }
              lines
              imported
              duplicatesInInput
              invalidCount
            }
          }
        `,
        { id, text },
      );
      seconds.push((performance.now() - start) / 1000);
      const { errors, ...counts } = data.importStaticSegment;
      if (errors.length) throw new Error(`importStaticSegment: ${JSON.stringify(errors)}`);
      report = counts;
    } finally {
      await graphql(url, DELETE, { id });
    }
  }
  const same = Object.entries(expected).every(([key, value]) => report[key] === value);
  const took = median(seconds);
  const within = took < BUDGET_SECONDS;
  console.log(
    `${LINES.toLocaleString('en-US')} lines (${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB, DEFAULT_PHONE_REGION ${region}): imported ${report.imported}, invalid ${report.invalidCount}, ` +
      `duplicates ${report.duplicatesInInput}; median ${took.toFixed(2)} s of ${seconds.map((s) => s.toFixed(2)).join(', ')} (budget < ${BUDGET_SECONDS} s)` +
      (same ? (within ? ' ok' : ' OVER') : ` MISMATCH (expected ${JSON.stringify(expected)}, got ${JSON.stringify(report)})`),
  );
  return same && within ? 0 : 1;
}
